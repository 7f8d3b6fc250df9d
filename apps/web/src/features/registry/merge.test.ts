import type { Indicator } from '@khien/contracts';
import { describe, expect, it } from 'vitest';
import { mergeCandidates } from './merge';

function entry(id: string, overrides: Partial<Indicator> = {}): Indicator {
  return {
    id,
    kind: 'phone',
    key: `phone:${id}`,
    display: `0912 345 ${id.slice(-3)}`,
    status: 'reported',
    confidence: 20,
    scamMethods: [],
    firstSeenAt: '2026-11-01T00:00:00.000Z',
    lastSeenAt: '2026-11-02T00:00:00.000Z',
    reportCount: 1,
    reportedLossVnd: 0,
    sharing: 'public',
    expiresAt: null,
    statusReason: null,
    statusChangedAt: '2026-11-01T00:00:00.000Z',
    decidedByAgencyId: null,
    mergedIntoId: null,
    ...overrides,
  };
}

const self = entry('0197a2b4-7c1e-7d3a-9f00-000000000001');
const a = entry('0197a2b4-7c1e-7d3a-9f00-000000000002');
const b = entry('0197a2b4-7c1e-7d3a-9f00-000000000003');

describe('mergeCandidates', () => {
  it('never offers the entry itself, nor an alias', () => {
    const alias = entry('0197a2b4-7c1e-7d3a-9f00-000000000004', { mergedIntoId: a.id });
    expect(mergeCandidates([self, a, alias, b], self.id, null)).toEqual([a, b]);
  });

  it('keeps the chosen entry first when a new search no longer finds it', () => {
    expect(mergeCandidates([b], self.id, a)).toEqual([a, b]);
    expect(mergeCandidates([], self.id, a)).toEqual([a]);
  });

  it('leaves the order alone when the chosen entry is among the results', () => {
    expect(mergeCandidates([b, a], self.id, a)).toEqual([b, a]);
  });
});
