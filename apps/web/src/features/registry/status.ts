import type { ChangeIndicatorStatusRequest, IndicatorStatus, Sharing } from '@khien/contracts';

export type TargetStatus = ChangeIndicatorStatusRequest['status'];

/**
 * The status changes the server allows (apps/server indicators: TRANSITIONS). `expired` is never a
 * target: entries lapse by themselves, and a new report brings them back.
 */
export const transitions: Record<IndicatorStatus, readonly TargetStatus[]> = {
  reported: ['verifying', 'confirmed_scam', 'cleared'],
  verifying: ['confirmed_scam', 'cleared', 'reported'],
  confirmed_scam: ['cleared', 'verifying'],
  cleared: ['verifying', 'confirmed_scam'],
  expired: ['verifying', 'confirmed_scam', 'cleared'],
};

export function allowedTargets(status: IndicatorStatus): readonly TargetStatus[] {
  return transitions[status];
}

export const statusColor: Record<IndicatorStatus, string> = {
  reported: 'orange',
  verifying: 'yellow',
  confirmed_scam: 'red',
  cleared: 'teal',
  expired: 'gray',
};

/** The button of a target: confirming is the dangerous one, clearing the releasing one. */
export const targetButton: Record<
  TargetStatus,
  { color: string; variant: 'filled' | 'outline' | 'default' }
> = {
  confirmed_scam: { color: 'red', variant: 'filled' },
  verifying: { color: 'blue', variant: 'outline' },
  cleared: { color: 'teal', variant: 'outline' },
  reported: { color: 'gray', variant: 'default' },
};

export const sharingColor: Record<Sharing, string> = { public: 'blue', agencies: 'violet', police: 'dark' };

/** The minimum length of a decision's reason (ChangeIndicatorStatusRequest). */
export const minReasonLength = 5;
