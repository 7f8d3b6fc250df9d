import {
  AppealStatus,
  AppealTrackingParams,
  type CreateAppealRequest,
  type DecideAppealRequest,
} from '@khien/contracts';
import { optionalText } from '../../ui/messages';

export type AppealRelation = CreateAppealRequest['relation'];
export type AppealDecision = DecideAppealRequest['decision'];

/** What the public appeal form holds. */
export interface AppealValues {
  identifier: string;
  fullName: string;
  phone: string;
  email: string;
  relation: AppealRelation;
  reasons: string;
}

export function emptyAppeal(identifier = ''): AppealValues {
  return { identifier, fullName: '', phone: '', email: '', relation: 'holder', reasons: '' };
}

/** The request for the form's values: an empty phone or email is left out (one of them is needed). */
export function toAppealRequest(values: AppealValues): Partial<CreateAppealRequest> {
  return {
    identifier: values.identifier.trim(),
    fullName: values.fullName.trim(),
    phone: optionalText(values.phone),
    email: optionalText(values.email),
    relation: values.relation,
    reasons: values.reasons.trim(),
  };
}

export interface DecisionValues {
  decision: AppealDecision | '';
  reason: string;
}

export function toDecisionRequest(values: DecisionValues): Partial<DecideAppealRequest> {
  return { decision: values.decision || undefined, reason: values.reason.trim() };
}

/**
 * A tracking code as typed or read out on the phone (`kn 7q2m 9xkd`, `KN7Q2M9XKD`, `7Q2M9XKD`) in the
 * server's form `KN-7Q2M9XKD`. Anything else is returned trimmed and upper-cased, for the check to refuse.
 */
export function normaliseTrackingCode(input: string): string {
  const compact = input.toUpperCase().replace(/[\s._–—-]+/g, '');
  const body = compact.startsWith('KN') && compact.length === 10 ? compact.slice(2) : compact;
  return /^[A-Z0-9]{8}$/.test(body) ? `KN-${body}` : input.trim().toUpperCase();
}

/** The same check as the server's path parameter (AppealTrackingParams). */
export function isTrackingCode(code: string): boolean {
  return AppealTrackingParams.safeParse({ trackingCode: code }).success;
}

export interface AppealFilters {
  status?: AppealStatus | undefined;
  limit: number;
  offset: number;
}

/** The staff list's filters live in the address (`?status=&offset=`), like the registry's. */
export function appealFiltersFrom(params: URLSearchParams, limit: number): AppealFilters {
  const status = AppealStatus.safeParse(params.get('status'));
  const offset = Number(params.get('offset') ?? 0);
  return {
    status: status.success ? status.data : undefined,
    limit,
    offset: Number.isInteger(offset) && offset > 0 ? offset : 0,
  };
}
