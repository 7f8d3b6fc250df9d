/**
 * Counts public checks per day, kind and verdict in memory and hands the totals over in batches, so that
 * the hot path never writes to the database and nothing about who asked is kept.
 */
export class CheckCounter {
  private counts = new Map<string, number>();

  count(day: string, kind: string, verdict: string): void {
    const key = `${day}|${kind}|${verdict}`;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  /** Takes the counts gathered so far, leaving the counter empty. */
  drain(): Array<{ day: string; kind: string; verdict: string; count: number }> {
    const rows = [...this.counts].map(([key, count]) => {
      const [day, kind, verdict] = key.split('|') as [string, string, string];
      return { day, kind, verdict, count };
    });
    this.counts = new Map();
    return rows;
  }

  /** Puts counts back after a failed write, so that none are lost. */
  restore(rows: Array<{ day: string; kind: string; verdict: string; count: number }>): void {
    for (const row of rows) {
      const key = `${row.day}|${row.kind}|${row.verdict}`;
      this.counts.set(key, (this.counts.get(key) ?? 0) + row.count);
    }
  }
}
