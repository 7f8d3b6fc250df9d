import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, assertBuilt, runToEnd, startServer } from './server-process.js';

describe('the khien command line', () => {
  let dataDir: string;
  let work: string;

  beforeAll(() => {
    assertBuilt();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'khien-cli-'));
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'khien-cli-files-'));
    fs.writeFileSync(
      path.join(work, 'blocklist.txt'),
      [
        '# test blocklist',
        '0.0.0.0 lua-dao-nhan-thuong.com',
        '0.0.0.0 www.lua-dao-nhan-thuong.com',
        '0.0.0.0 vietcombank.com.vn',
        '10.1.1.1 wrong.com',
        '',
      ].join('\n'),
    );
    fs.writeFileSync(
      path.join(work, 'numbers.csv'),
      'value,scam_method,note\n0388 777 666,loans,"vay nhanh, lãi cao"\nnot a number,,\n',
    );
  });
  afterAll(() => {
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(work, { recursive: true, force: true });
  });

  const env = () => ({ KHIEN_DATA_DIR: dataDir });

  it('imports a hosts file with a dry run first, skipping official domains, with provenance', async () => {
    const dry = await runToEnd(
      [CLI, 'import', '--format', 'hosts', '--dry-run', path.join(work, 'blocklist.txt')],
      env(),
    );
    expect(dry.code).toBe(0);
    expect(dry.output).toMatch(
      /dry run \(nothing written\): 4 lines .* 1 new, 0 already listed, 1 official \(skipped\), 1 repeated, 1 not readable/,
    );
    const before = await runToEnd([CLI, 'check', '--json', 'lua-dao-nhan-thuong.com'], env());
    expect(JSON.parse(before.output.trim().split('\n').at(-1)!).verdict).toBe('no_data');

    const real = await runToEnd(
      [CLI, 'import', '--format', 'hosts', '--source', 'test-list', path.join(work, 'blocklist.txt')],
      env(),
    );
    expect(real.output).toMatch(/4 lines .* 1 new/);
    const csv = await runToEnd([CLI, 'import', '--format', 'csv', path.join(work, 'numbers.csv')], env());
    expect(csv.output).toMatch(/1 new, .* 1 not readable/);
    expect(csv.output).toMatch(/line 3: identifier.unrecognised/);
  });

  it('checks inputs as arguments and from standard input, as text or one JSON object per line', async () => {
    const text = await runToEnd([CLI, 'check', 'vào lua-dao-nhan-thuong.com nhận quà', '0388777666'], env());
    expect(text.code).toBe(0);
    expect(text.output).toContain('NGHI VẤN');
    const viaStdin = await new Promise<string>((resolve, reject) => {
      import('node:child_process').then(({ spawn }) => {
        const child = spawn(process.execPath, [CLI, 'check', '--stdin', '--json'], {
          env: { PATH: process.env.PATH, ...env() },
        });
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
        child.on('exit', () => resolve(out));
        child.on('error', reject);
        child.stdin.end('0388777666\nvietcombank.com.vn\n\n');
      }, reject);
    });
    const answers = viaStdin
      .trim()
      .split('\n')
      .map(
        (line) =>
          JSON.parse(line) as { input: string; verdict: string; items: Array<{ scamMethods: string[] }> },
      );
    expect(answers.map((a) => [a.input, a.verdict])).toEqual([
      ['0388777666', 'suspicious'],
      ['vietcombank.com.vn', 'official'],
    ]);
    expect(answers[0]!.items[0]!.scamMethods).toEqual(['loans']);
  });

  it('checks against a running server with --server, and refuses to open a data folder the server holds', async () => {
    const server = await startServer({
      KHIEN_DATA_DIR: dataDir,
      KHIEN_ADMIN_PASSWORD: 'cli-admin-password-1',
    });
    try {
      const remote = await runToEnd([CLI, 'check', '--json', '--server', server.url, '0388777666'], {});
      expect(JSON.parse(remote.output.trim()).verdict).toBe('suspicious');
      const local = await runToEnd([CLI, 'check', '0388777666'], env());
      expect(local.code).toBe(2);
      expect(local.output).toMatch(/in use by another Khiên process/);
    } finally {
      await server.stop();
    }
  });
  it('backtests a screening rule set over past transfers, and refuses a broken rule set file', async () => {
    const csv = path.join(work, 'transfers.csv');
    fs.writeFileSync(
      csv,
      [
        'transfer_id,at,amount_vnd,channel,payer_bank,payer_account,payee_bank,payee_account,payee_name_shown,label',
        'T1,2026-03-02T08:00:00+07:00,2000000,mobile_app,VCB,0011002233445,TCB,19030000111,TRAN VAN BINH,0',
        'T2,2026-03-02T09:00:00+07:00,15000000,mobile_app,VCB,0011002233445,TCB,19030000111,TRAN VAN BINH,0',
        '',
      ].join('\n'),
    );
    const text = await runToEnd([CLI, 'backtest', csv], env());
    expect(text.code, text.output).toBe(0);
    expect(text.output).toContain('rule set khien-default@1: 2 transfers decided');
    expect(text.output).toContain('allow 1, warn 0, step_up 1');
    expect(text.output).toMatch(/decisions\/s, p50 [\d.]+ µs/);
    const json = await runToEnd([CLI, 'backtest', '--json', csv], env());
    const lines = json.output
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.map((line) => line.action ?? 'summary')).toEqual(['allow', 'step_up', 'summary']);
    const broken = path.join(work, 'broken.json');
    fs.writeFileSync(broken, '{"id": "x"');
    const refused = await runToEnd([CLI, 'backtest', '--rules', broken, csv], env());
    expect(refused.code).toBe(2);
    expect(refused.output).toContain('not JSON');
  });
});
