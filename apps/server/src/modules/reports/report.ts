import crypto from 'node:crypto';
import type { DeadlineExtension, DeadlinePolicy, ReportDecision, ReportStatus } from '@khien/contracts';
import { foldVietnamese } from '@khien/core';
import type { RegistryIdentifier } from '../indicators/index.js';

/**
 * The rules of a report's life, pure: the status table, the deadlines of the Criminal Procedure Code
 * (art. 147), and what makes two submissions the same report.
 */

export const DECISIONS: readonly ReportDecision[] = [
  'initiate_case',
  'not_initiate',
  'suspend',
  'transfer',
  'administrative',
];

export interface Transition {
  to: ReportStatus;
  decisions: ReportDecision[];
}

/**
 * The status table. A report is received, verified, decided (with one of the decisions of art. 147–148
 * or administrative handling) and closed. A suspended matter (art. 148) is taken up again when the reason
 * for suspending it ends; every other decision only leads to closing.
 */
export function transitionsFrom(status: ReportStatus, decision: ReportDecision | null): Transition[] {
  switch (status) {
    case 'received':
      return [
        { to: 'verifying', decisions: [] },
        { to: 'decided', decisions: [...DECISIONS] },
      ];
    case 'verifying':
      return [{ to: 'decided', decisions: [...DECISIONS] }];
    case 'decided':
      return decision === 'suspend'
        ? [
            { to: 'verifying', decisions: [] },
            { to: 'closed', decisions: [] },
          ]
        : [{ to: 'closed', decisions: [] }];
    case 'closed':
      return [];
  }
}

export type TransitionCheck =
  { ok: true } | { ok: false; code: 'report.transition_not_allowed' | 'report.decision_required' };

export function checkTransition(
  from: ReportStatus,
  currentDecision: ReportDecision | null,
  to: ReportStatus,
  decision: ReportDecision | undefined,
): TransitionCheck {
  const transition = transitionsFrom(from, currentDecision).find((t) => t.to === to);
  if (!transition) return { ok: false, code: 'report.transition_not_allowed' };
  if (transition.decisions.length > 0) {
    if (!decision) return { ok: false, code: 'report.decision_required' };
    if (!transition.decisions.includes(decision)) return { ok: false, code: 'report.transition_not_allowed' };
  } else if (decision) {
    return { ok: false, code: 'report.transition_not_allowed' };
  }
  return { ok: true };
}

/** Whether the deadline still runs: it stops once the unit has decided. */
export function deadlineRuns(status: ReportStatus): boolean {
  return status === 'received' || status === 'verifying';
}

export const DEFAULT_DEADLINE_POLICY: DeadlinePolicy = {
  decisionDays: 20,
  complexExtensionMonths: 2,
  procuracyExtensionMonths: 2,
  remindDaysBefore: 3,
};

const DAY_MS = 86_400_000;

/** `months` calendar months after `date` (31 January + 1 month is the last day of February). */
export function addMonths(date: Date, months: number): Date {
  const result = new Date(date.getTime());
  const day = result.getUTCDate();
  result.setUTCDate(1);
  result.setUTCMonth(result.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(result.getUTCFullYear(), result.getUTCMonth() + 1, 0)).getUTCDate();
  result.setUTCDate(Math.min(day, lastDay));
  return result;
}

/**
 * The deadline for a decision. Art. 147(1): 20 days from receipt. (2): for a complex matter, or one to be
 * verified in several places, the unit may extend it to at most 2 months from receipt. (3): when that is
 * not enough, the procuracy may extend it once more, by at most 2 months.
 */
export function dueDate(
  receivedAt: Date,
  extensions: ReadonlyArray<{ extension: DeadlineExtension; months: number }>,
  policy: DeadlinePolicy,
): Date {
  let due = new Date(receivedAt.getTime() + policy.decisionDays * DAY_MS);
  for (const { extension, months } of extensions) {
    if (extension === 'complex') {
      const extended = addMonths(receivedAt, Math.min(months, policy.complexExtensionMonths));
      if (extended > due) due = extended;
    } else {
      due = addMonths(due, Math.min(months, policy.procuracyExtensionMonths));
    }
  }
  return due;
}

export type ExtensionCheck = { ok: true } | { ok: false; code: 'report.extension_not_allowed' };

/** Each extension once, the unit's before the procuracy's, and only while the deadline runs. */
export function checkExtension(
  status: ReportStatus,
  done: readonly DeadlineExtension[],
  extension: DeadlineExtension,
  policy: DeadlinePolicy,
): ExtensionCheck {
  const allowedMonths =
    extension === 'complex' ? policy.complexExtensionMonths : policy.procuracyExtensionMonths;
  if (!deadlineRuns(status) || done.includes(extension) || allowedMonths === 0)
    return { ok: false, code: 'report.extension_not_allowed' };
  if (extension === 'procuracy' && !done.includes('complex'))
    return { ok: false, code: 'report.extension_not_allowed' };
  return { ok: true };
}

/** Whole days from `now` to `due` in Vietnam's calendar (UTC+7): 0 on the last day, negative after it. */
export function daysLeft(due: Date, now: Date): number {
  const vietnamDay = (d: Date) => Math.floor((d.getTime() + 7 * 3_600_000) / DAY_MS);
  return vietnamDay(due) - vietnamDay(now);
}

export function isOverdue(status: ReportStatus, due: Date, now: Date): boolean {
  return deadlineRuns(status) && due.getTime() < now.getTime();
}

/** The day in Vietnam (YYYY-MM-DD), for once-a-day reminders. */
export function vietnamDate(now: Date): string {
  return new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * What makes a submission the same report as one sent before (a double tap, a resend after a slow
 * answer): the same story, identifiers, transfers, area and contact, however spaced, cased or accented.
 * Different people who tell different stories never collide, so the duplicate answer reveals nothing
 * about anyone else's report.
 */
export function fingerprint(parts: {
  story: string;
  identifiers: readonly string[];
  transfers: ReadonlyArray<{ toAccount: string; amountVnd: number }>;
  provinceCode: string;
  contact: string | null;
}): string {
  const normal = (text: string) => foldVietnamese(text).replace(/\s+/g, ' ').trim();
  const canonical = JSON.stringify([
    normal(parts.story),
    [...parts.identifiers].map(normal).sort(),
    [...parts.transfers].map((t) => `${t.toAccount.replace(/\D/g, '')}:${t.amountVnd}`).sort(),
    parts.provinceCode,
    parts.contact === null ? null : normal(parts.contact),
  ]);
  return crypto.createHash('sha256').update(canonical).digest('hex');
}

/** A victim's own account, shown to officers as its last four digits. */
export function maskAccount(account: string): string {
  const compact = account.replace(/\s+/g, '');
  if (compact.length <= 4) return '•'.repeat(compact.length);
  return `${'•'.repeat(Math.min(compact.length - 4, 8))}${compact.slice(-4)}`;
}

/**
 * The registry entries a report touches, each once, with the money the report says went to it, and the
 * transfers (by position) whose target each is. `transferTargets[i]` is the account of transfer i, null
 * when it could not be read.
 */
export function registryLinksOf(
  identifiers: readonly RegistryIdentifier[],
  transfers: ReadonlyArray<{ amountVnd: number }>,
  transferTargets: ReadonlyArray<RegistryIdentifier | null>,
): {
  entries: Array<RegistryIdentifier & { lossVnd: number | null }>;
  transfers: Array<{ position: number; key: string }>;
} {
  const entries = new Map<string, RegistryIdentifier & { lossVnd: number | null }>();
  for (const { kind, key, display, details } of identifiers)
    if (!entries.has(key)) entries.set(key, { kind, key, display, details, lossVnd: null });
  const targets: Array<{ position: number; key: string }> = [];
  transfers.forEach((transfer, position) => {
    const target = transferTargets[position];
    if (!target) return;
    const seen = entries.get(target.key);
    const { kind, key, display, details } = seen ?? target;
    entries.set(key, { kind, key, display, details, lossVnd: (seen?.lossVnd ?? 0) + transfer.amountVnd });
    targets.push({ position, key });
  });
  return { entries: [...entries.values()], transfers: targets };
}

/** A police unit as routing sees it. */
export interface RoutableUnit {
  scope_level: string;
  province_code: string | null;
  commune_code: string | null;
}

/**
 * The competent police unit for a victim's area: the commune's police when the commune has a unit of its
 * own, else the province's. `units` are candidates oldest first; the oldest matching one is chosen.
 */
export function routeTo<U extends RoutableUnit>(
  units: readonly U[],
  provinceCode: string,
  communeCode: string | null,
): U | null {
  return (
    (communeCode
      ? units.find((unit) => unit.scope_level === 'commune' && unit.commune_code === communeCode)
      : undefined) ??
    units.find((unit) => unit.scope_level === 'province' && unit.province_code === provinceCode) ??
    null
  );
}
