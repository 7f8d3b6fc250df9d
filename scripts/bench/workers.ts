// Runs bench processes (scripts/bench/*.ts) as children with an IPC channel, optionally pinned to CPUs
// with taskset, and collects their messages.
import { spawn, type ChildProcess } from 'node:child_process';

const running = new Set<ChildProcess>();

/** Kills every child still running (for an interrupted run). */
export function killWorkers(): void {
  for (const child of running) child.kill('SIGKILL');
}

export interface Worker<M> {
  child: ChildProcess;
  messages: M[];
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
  /** The first message (received so far or next) that satisfies `test`; rejects if the child exits first. */
  waitFor(test: (message: M) => boolean, timeoutMs: number): Promise<M>;
}

export function startWorker<M>(
  file: string,
  input: unknown,
  options: { nodeArgs?: string[]; cpus?: string; onMessage?: (message: M) => void } = {},
): Worker<M> {
  const args = ['--import', 'tsx', ...(options.nodeArgs ?? []), file, JSON.stringify(input)];
  const stdio: ['ignore', 'inherit', 'inherit', 'ipc'] = ['ignore', 'inherit', 'inherit', 'ipc'];
  const child =
    options.cpus !== undefined
      ? spawn('taskset', ['-c', options.cpus, process.execPath, ...args], { stdio })
      : spawn(process.execPath, args, { stdio });
  running.add(child);
  const messages: M[] = [];
  const waiters = new Set<() => void>();
  child.on('message', (message) => {
    messages.push(message as M);
    options.onMessage?.(message as M);
    for (const wake of waiters) wake();
  });
  const exited = new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => {
      running.delete(child);
      for (const wake of waiters) wake();
      resolve(code);
    });
  });
  const waitFor = (test: (message: M) => boolean, timeoutMs: number) =>
    new Promise<M>((resolve, reject) => {
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`no answer from ${file} within ${timeoutMs / 1000} s`));
      }, timeoutMs);
      const check = () => {
        const found = messages.find(test);
        if (found !== undefined || child.exitCode !== null || child.signalCode !== null) {
          clearTimeout(timer);
          waiters.delete(check);
          if (found !== undefined) resolve(found);
          else reject(new Error(`${file} exited (code ${child.exitCode}) without answering`));
        }
      };
      waiters.add(check);
      check();
    });
  return { child, messages, exited, waitFor };
}

/** Runs a worker to its end. */
export async function runWorker<M>(
  file: string,
  input: unknown,
  options: { nodeArgs?: string[]; cpus?: string; onMessage?: (message: M) => void } = {},
): Promise<{ messages: M[]; code: number | null }> {
  const worker = startWorker(file, input, options);
  const code = await worker.exited;
  return { messages: worker.messages, code };
}
