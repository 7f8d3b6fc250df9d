/**
 * Counts public checks per day, kind and verdict in memory and hands the totals over in batches, so that
 * the hot path never writes to the database and nothing about who asked is kept. Counts are kept by day,
 * then kind, then verdict: a check finds its count through strings it already has, without building a
 * key for it.
 */
type Counts = Map<string, Map<string, Map<string, number>>>;

export class CheckCounter {
  private counts: Counts = new Map();

  count(day: string, kind: string, verdict: string, by = 1): void {
    let kinds = this.counts.get(day);
    if (kinds === undefined) this.counts.set(day, (kinds = new Map()));
    let verdicts = kinds.get(kind);
    if (verdicts === undefined) kinds.set(kind, (verdicts = new Map()));
    verdicts.set(verdict, (verdicts.get(verdict) ?? 0) + by);
  }

  /** Takes the counts gathered so far, leaving the counter empty. */
  drain(): Array<{ day: string; kind: string; verdict: string; count: number }> {
    const rows: Array<{ day: string; kind: string; verdict: string; count: number }> = [];
    for (const [day, kinds] of this.counts)
      for (const [kind, verdicts] of kinds)
        for (const [verdict, count] of verdicts) rows.push({ day, kind, verdict, count });
    this.counts = new Map();
    return rows;
  }

  /** Puts counts back after a failed write, so that none are lost. */
  restore(rows: Array<{ day: string; kind: string; verdict: string; count: number }>): void {
    for (const row of rows) this.count(row.day, row.kind, row.verdict, row.count);
  }
}
