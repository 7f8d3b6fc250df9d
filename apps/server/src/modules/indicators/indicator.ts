/**
 * Pure rules of the registry: which status changes are allowed, how confidence follows from the sources,
 * when an unconfirmed entry lapses, and what the public is told.
 */
export type IndicatorStatus = 'reported' | 'verifying' | 'confirmed_scam' | 'cleared' | 'expired';
export type Sharing = 'public' | 'agencies' | 'police';
export type PublicVerdict = 'confirmed_scam' | 'suspicious' | 'no_data' | 'official';

/** Who may move an entry where. New reports move `expired` back to `reported` (see `afterNewReport`). */
export const TRANSITIONS: Record<IndicatorStatus, readonly IndicatorStatus[]> = {
  reported: ['verifying', 'confirmed_scam', 'cleared'],
  verifying: ['confirmed_scam', 'cleared', 'reported'],
  confirmed_scam: ['cleared', 'verifying'],
  cleared: ['verifying', 'confirmed_scam'],
  expired: ['verifying', 'confirmed_scam', 'cleared'],
};

export function canTransition(from: IndicatorStatus, to: IndicatorStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** Unconfirmed entries lapse this long after they were last seen. */
export const UNCONFIRMED_TTL_DAYS = 180;

export function expiryAfterSeen(status: IndicatorStatus, lastSeen: Date): Date | null {
  if (status !== 'reported' && status !== 'verifying') return null;
  return new Date(lastSeen.getTime() + UNCONFIRMED_TTL_DAYS * 86_400_000);
}

/**
 * A new report changes the status only where the entry had lapsed. A cleared entry stays cleared: it was
 * reviewed, and further reports are kept as sources for the police to look at, not as an accusation.
 */
export function afterNewReport(status: IndicatorStatus): IndicatorStatus {
  return status === 'expired' ? 'reported' : status;
}

/**
 * Confidence from the evidence: a police confirmation is near-certain; otherwise it grows with independent
 * reports and with agency sources, and more slowly with bulk imports, and never reaches certainty alone.
 */
export function confidenceOf(input: {
  status: IndicatorStatus;
  reportCount: number;
  agencySources: number;
  importSources: number;
}): number {
  if (input.status === 'confirmed_scam') return 95;
  if (input.status === 'cleared') return 0;
  const evidence = input.reportCount * 1 + input.agencySources * 2 + input.importSources * 0.5;
  // 1 report → 30, 2 → 51, 3 → 66, 5 → 83; capped below confirmation
  return Math.min(90, Math.round(100 * (1 - Math.pow(0.7, evidence))));
}

export interface VerdictInput {
  status: IndicatorStatus;
  sharing: Sharing;
  confidence: number;
}

/** What a citizen is told about a registry entry. Entries not shared with the public answer `no_data`. */
export function publicVerdict(entry: VerdictInput | null, allowlisted: boolean): PublicVerdict {
  if (allowlisted) return 'official';
  if (!entry || entry.sharing !== 'public') return 'no_data';
  switch (entry.status) {
    case 'confirmed_scam':
      return 'confirmed_scam';
    case 'reported':
    case 'verifying':
      return entry.confidence > 0 ? 'suspicious' : 'no_data';
    case 'cleared':
    case 'expired':
      return 'no_data';
  }
}
