import type { ScamMethod } from '@khien/contracts';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { IndicatorRow, IndicatorsService } from '../indicators/index.js';
import type { ReportsRepository } from './reports.repository.js';

/** Reports linked per transaction: large enough to share the registry's statements, small enough to lock briefly. */
const BATCH = 200;
/** Batches per run at most: a run that keeps finding full batches leaves the rest to the next one. */
const MAX_BATCHES_PER_RUN = 5;
/**
 * How long a citizen's report waits before its run starts: reports arriving meanwhile share the run, so
 * a burst costs a few runs rather than one per report, and the registry is still current within a second.
 */
const LINK_DELAY_MS = 250;

export interface RegistryLinkerDependencies {
  db: Kysely<DB>;
  repository: ReportsRepository;
  indicators: Pick<IndicatorsService, 'addSources'>;
  allowlisted: (db: Kysely<DB>, keys: readonly string[]) => Promise<Set<string>>;
  /** Called after commit with the registry entries that changed (the lookup index). */
  onIndicatorsChanged?: (rows: IndicatorRow[]) => void;
}

const OFFICIAL = {
  code: 'identifier.official',
  message: 'On the list of official identifiers: possibly spoofed; not added to the registry',
};

/**
 * Puts the identifiers of stored reports into the registry (ADR 0007). A report is acknowledged once it
 * is stored with its evidence and what it names is written down in `registry_pending`; this adds a
 * source to the registry entry of each, links the report and its transfers to them, and clears the mark,
 * for many reports at once with the same few statements. Runs are serialised within a process and
 * coalesce: reports stored while a run goes on are taken by the next one, all together.
 */
export function createRegistryLinker(deps: RegistryLinkerDependencies) {
  const { db, repository } = deps;

  /** Links one batch in one transaction; answers how many reports it took. */
  async function linkBatch(): Promise<number> {
    const changed: IndicatorRow[] = [];
    const taken = await db.transaction().execute(async (trx) => {
      const reports = await repository.pendingRegistryLinks(trx, BATCH);
      if (reports.length === 0) return 0;
      const keys = new Set(reports.flatMap((r) => r.registry_pending!.entries.map((entry) => entry.key)));
      const allowlisted = await deps.allowlisted(trx, [...keys]);
      const added = await deps.indicators.addSources(
        trx,
        reports.flatMap((report) => {
          const pending = report.registry_pending!;
          return pending.entries
            .filter((entry) => !allowlisted.has(entry.key))
            .map((entry) => ({
              identifier: entry,
              source: {
                type: 'report' as const,
                ref: report.id,
                agencyId: report.handling_agency_id,
                reporterHash: pending.reporterHash,
                // Written from the contract's ScamMethod at intake.
                scamMethod: report.scam_method as ScamMethod,
                lossVnd: entry.lossVnd,
                evidenceUrl: null,
                note: null,
                createdBy: null,
                sharing: 'public' as const,
              },
            }));
        }),
      );
      const entryOf = new Map(added.map(({ row }) => [row.key, row]));
      changed.push(...entryOf.values());
      await repository.insertIdentifierLinks(
        trx,
        reports.flatMap((report) =>
          report.registry_pending!.entries.flatMap((entry) => {
            const row = entryOf.get(entry.key);
            return row ? [{ reportId: report.id, indicatorId: row.id }] : [];
          }),
        ),
      );
      await repository.setTransferTargets(
        trx,
        reports.flatMap((report) =>
          report.registry_pending!.transfers.flatMap(({ position, key }) => {
            const row = entryOf.get(key);
            return row ? [{ reportId: report.id, position, indicatorId: row.id }] : [];
          }),
        ),
      );
      await repository.markLinked(
        trx,
        reports.map((report) => ({
          id: report.id,
          unreadable: report
            .registry_pending!.entries.filter((entry) => allowlisted.has(entry.key))
            .map((entry) => ({ input: entry.display, ...OFFICIAL })),
        })),
      );
      return reports.length;
    });
    deps.onIndicatorsChanged?.(changed);
    return taken;
  }

  async function run(): Promise<number> {
    let linked = 0;
    for (let batch = 0; batch < MAX_BATCHES_PER_RUN; batch++) {
      const taken = await linkBatch();
      linked += taken;
      if (taken < BATCH) break;
    }
    return linked;
  }

  let tail: Promise<unknown> = Promise.resolve();
  let queued: Promise<number> | null = null;
  let timer: NodeJS.Timeout | null = null;

  function linkPending(): Promise<number> {
    if (queued) return queued;
    const next = tail.then(() => {
      queued = null;
      return run();
    });
    queued = next;
    tail = next.catch(() => undefined);
    return next;
  }

  return {
    /**
     * Links what is pending, in a run that starts after this call (after the run going on, if any);
     * callers that ask while a run is waiting to start share it. Answers how many reports that run linked.
     */
    linkPending,

    /** Links what is pending now, instead of in the run `linkSoon` arranged, if any. */
    linkNow(): Promise<number> {
      if (timer) clearTimeout(timer);
      timer = null;
      return linkPending();
    },

    /**
     * Links what is pending in a run that starts within LINK_DELAY_MS, shared with whatever else arrives
     * by then. `onError` hears of a failed run (the reports stay marked for the next).
     */
    linkSoon(onError: (error: unknown) => void): void {
      if (timer) return;
      timer = setTimeout(() => {
        timer = null;
        linkPending().catch(onError);
      }, LINK_DELAY_MS);
      timer.unref();
    },
  };
}

export type RegistryLinker = ReturnType<typeof createRegistryLinker>;
