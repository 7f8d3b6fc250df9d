// Child process of bench-lookup (run with --expose-gc): builds the public check's in-memory state for
// `count` synthetic indicators through the server's own code (createLookupState().load, fed rows shaped
// like the repository's indexRows batches instead of a database), and measures what it keeps: JS heap
// plus array buffers after a full GC, against the same reading before. Also times the index alone and
// the whole check in-process, without HTTP, to show where a request's time goes.
import type { Kysely } from 'kysely';
import type { DB } from '../../apps/server/src/db/schema.js';
import { IndicatorIndex, type IndexEntry } from '../../apps/server/src/modules/lookup/indicator-index.js';
import { createLookupState } from '../../apps/server/src/modules/lookup/lookup-state.js';
import type { IndicatorsRepository } from '../../apps/server/src/modules/indicators/index.js';
import { factsOf, keyOf, METHODS, probes, queryOf, rowHash } from './dataset.js';

export interface MemoryWorkerInput {
  count: number;
  probeCount: number;
  presentShare: number;
  seed: number;
}

export interface MemoryResult {
  count: number;
  /** Bytes kept per indicator: (heapUsed + external) after the build and a full GC, minus before. */
  bytesPerIndicator: number;
  retainedBytes: number;
  /** The index's sorted typed arrays alone (IndicatorIndex.columnBytes()). */
  columnBytes: number;
  /** Peak resident memory of this process during the build, above its resident memory before. */
  peakRssGrowthBytes: number;
  /** createLookupState().load fed from generated rows (their generation included). */
  loadMs: number;
  /** IndicatorIndex.build alone, from 1,000,000 [key, entry] pairs already in memory (hash, sort, columns). */
  indexBuildMs: number;
  /** IndicatorIndex.get in-process, on the benchmark's mix of listed and absent keys. */
  indexGetPerSecond: number;
  /** The whole check (parse the text, look up, word the answer) in-process, without HTTP. */
  checkPerSecond: number | null;
  checkError: string | null;
}

declare const gc: () => void;

function fullGc() {
  for (let k = 0; k < 4; k++) gc();
}

function heapAndBuffers() {
  const m = process.memoryUsage();
  return m.heapUsed + m.external;
}

/** Rows as indicators.repository.ts's indexRows yields them, 20,000 at a time. */
async function* rows(count: number) {
  const day = 86_400_000;
  const today = Math.floor(Date.now() / day) * day;
  for (let from = 1; from <= count; from += 20_000) {
    const batch = [];
    for (let i = from; i < Math.min(count + 1, from + 20_000); i++) {
      const f = factsOf(i);
      const h = rowHash(i);
      batch.push({
        id: String(i),
        key: keyOf(i),
        status: f.status,
        sharing: f.sharing,
        confidence: f.confidence,
        report_count: f.reportCount,
        scam_methods: [METHODS[Math.floor(h / 120_000) % METHODS.length]!],
        last_seen_at: new Date(today - (Math.floor(h / 2_160_000) % 365) * day),
      });
    }
    yield batch;
  }
}

async function main() {
  const input = JSON.parse(process.argv[2] ?? '{}') as MemoryWorkerInput;
  if (typeof gc !== 'function') throw new Error('run with node --expose-gc');
  // indexRows yields the generated rows; every other query the load makes (allowlist, merged entries, …)
  // finds nothing.
  const repository = new Proxy(
    {},
    { get: (_, name) => (name === 'indexRows' ? () => rows(input.count) : async () => []) },
  ) as IndicatorsRepository;
  const db = {} as Kysely<DB>;

  fullGc();
  const before = heapAndBuffers();
  const rssBefore = process.memoryUsage().rss;
  const state = createLookupState();
  const started = performance.now();
  const loaded = await state.load(db, repository);
  const loadMs = performance.now() - started;
  const peakRss = process.resourceUsage().maxRSS * 1024;
  fullGc();
  await new Promise((resolve) => setTimeout(resolve, 50));
  fullGc();
  const retained = heapAndBuffers() - before;
  if (loaded.indicators !== input.count) throw new Error(`loaded ${loaded.indicators}, not ${input.count}`);

  const sample = probes(input.count, input.probeCount, input.presentShare, input.seed);
  const keys = sample.map((p) => keyOf(p.i));
  let hits = 0;
  const rounds = Math.max(1, Math.round(1_000_000 / keys.length));
  const t0 = performance.now();
  for (let r = 0; r < rounds; r++) for (const key of keys) if (state.index.get(key)) hits++;
  const indexGetPerSecond = (rounds * keys.length) / ((performance.now() - t0) / 1000);
  if (hits === 0) throw new Error('no key was found in the index');

  let checkPerSecond: number | null = null;
  let checkError: string | null = null;
  try {
    // Imported here: the lookup service pulls in the rest of the registry module.
    const { createLookupService, CheckCounter } =
      await import('../../apps/server/src/modules/lookup/index.js');
    const lookup = createLookupService({
      index: state.index,
      allowlist: state.allowlist,
      counter: new CheckCounter(),
      clock: { now: () => new Date(), nowMs: () => Date.now() },
    });
    const texts = sample.map((p) => queryOf(p.i));
    for (const text of texts.slice(0, 2000)) lookup.check(text); // warm up
    const n = Math.min(texts.length, 50_000);
    const t1 = performance.now();
    for (let k = 0; k < n; k++) lookup.check(texts[k]!);
    checkPerSecond = n / ((performance.now() - t1) / 1000);
  } catch (error) {
    checkError = error instanceof Error ? error.message : String(error);
  }

  // The index build alone, from entries already in memory (after the readings above).
  const entries: Array<[string, IndexEntry]> = [];
  for await (const batch of rows(input.count))
    for (const row of batch)
      entries.push([
        row.key,
        {
          status: row.status,
          sharing: row.sharing,
          confidence: row.confidence,
          reportCount: row.report_count,
          methods: row.scam_methods as IndexEntry['methods'],
          lastSeen: row.last_seen_at,
        },
      ]);
  const t2 = performance.now();
  new IndicatorIndex().build(entries);
  const indexBuildMs = performance.now() - t2;

  const result: MemoryResult = {
    count: input.count,
    bytesPerIndicator: retained / input.count,
    retainedBytes: retained,
    columnBytes: state.index.columnBytes(),
    peakRssGrowthBytes: peakRss - rssBefore,
    loadMs,
    indexBuildMs,
    indexGetPerSecond,
    checkPerSecond,
    checkError,
  };
  // Uses the state after the reading above, so that it is not collected before it.
  if (state.index.size !== input.count) throw new Error(`the index holds ${state.index.size} entries`);
  await new Promise<void>((resolve) => process.send!(result, undefined, {}, () => resolve()));
}

process.on('disconnect', () => process.exit(1));
main().then(
  () => process.exit(0),
  async (error: unknown) => {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    await new Promise<void>((resolve) => process.send!({ error: message }, undefined, {}, () => resolve()));
    process.exit(1);
  },
);
