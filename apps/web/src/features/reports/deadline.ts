import type { DeadlineExtension, Report, ReportStatus } from '@khien/contracts';

/** How the deadline is shown: quiet, highlighted (3 days or fewer), strongly marked, or no longer running. */
export type DeadlineState = 'done' | 'ok' | 'soon' | 'overdue';

export interface DeadlineBadge {
  state: DeadlineState;
  /** The key under `reports.deadline`. */
  key: 'done' | 'daysLeft' | 'dueToday' | 'overdue' | 'overdueBy';
  count?: number;
}

/** From this many days left, a deadline is highlighted. */
export const soonDays = 3;

const open: readonly ReportStatus[] = ['received', 'verifying'];

export function isOpen(status: ReportStatus): boolean {
  return open.includes(status);
}

/**
 * The deadline of art. 147 as the server computed it (`daysLeft`, `overdue`): counted only while the
 * report awaits a decision.
 */
export function deadlineBadge(report: Pick<Report, 'status' | 'daysLeft' | 'overdue'>): DeadlineBadge {
  if (!isOpen(report.status)) return { state: 'done', key: 'done' };
  if (report.overdue || report.daysLeft < 0) {
    const days = Math.max(0, -report.daysLeft);
    return days > 0
      ? { state: 'overdue', key: 'overdueBy', count: days }
      : { state: 'overdue', key: 'overdue' };
  }
  if (report.daysLeft === 0) return { state: 'soon', key: 'dueToday' };
  return { state: report.daysLeft <= soonDays ? 'soon' : 'ok', key: 'daysLeft', count: report.daysLeft };
}

export interface ExtensionChoice {
  extension: DeadlineExtension;
  available: boolean;
  /** Why it is not available. */
  blocked?: 'used' | 'needsComplex';
}

/**
 * The extensions of art. 147 left to an open report: the unit's for a complex matter (para. 2), then once
 * the procuracy's (para. 3), never the same one twice.
 */
export function extensionChoices(extensions: readonly DeadlineExtension[]): ExtensionChoice[] {
  const complexUsed = extensions.includes('complex');
  const procuracyUsed = extensions.includes('procuracy');
  return [
    complexUsed
      ? { extension: 'complex', available: false, blocked: 'used' }
      : { extension: 'complex', available: true },
    procuracyUsed
      ? { extension: 'procuracy', available: false, blocked: 'used' }
      : complexUsed
        ? { extension: 'procuracy', available: true }
        : { extension: 'procuracy', available: false, blocked: 'needsComplex' },
  ];
}

export function canExtend(report: Pick<Report, 'status' | 'extensions'>): boolean {
  return isOpen(report.status) && extensionChoices(report.extensions).some((choice) => choice.available);
}
