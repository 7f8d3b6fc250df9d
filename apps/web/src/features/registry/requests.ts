import type {
  ChangeIndicatorStatusRequest,
  CreateAllowlistEntryRequest,
  CreateDelegationRequest,
  CreateIndicatorRequest,
  IndicatorKind,
  MergeIndicatorRequest,
  ScamMethod,
  Sharing,
} from '@khien/contracts';
import { optionalText } from '../../ui/messages';
import type { AllowlistCategoryName } from '../check/verdict';
import type { TargetStatus } from './status';

/** What the report form holds. */
export interface ReportValues {
  input: string;
  kind: IndicatorKind | null;
  scamMethod: ScamMethod | null;
  /** The number input gives a number, or '' when empty. */
  lossVnd: number | string;
  evidenceUrl: string;
  note: string;
  sharing: Sharing;
}

export const emptyReport: ReportValues = {
  input: '',
  kind: null,
  scamMethod: null,
  lossVnd: '',
  evidenceUrl: '',
  note: '',
  sharing: 'public',
};

/** The request for the form's values: empty fields are left out, the amount is a whole number of đồng. */
export function toReportRequest(values: ReportValues): Partial<CreateIndicatorRequest> {
  const loss =
    typeof values.lossVnd === 'number' ? values.lossVnd : Number(values.lossVnd.replace(/\D/g, '') || NaN);
  return {
    input: values.input.trim(),
    kind: values.kind ?? undefined,
    scamMethod: values.scamMethod ?? undefined,
    lossVnd: Number.isFinite(loss) ? loss : undefined,
    evidenceUrl: optionalText(values.evidenceUrl),
    note: optionalText(values.note),
    sharing: values.sharing,
  };
}

export interface StatusValues {
  reason: string;
  /** '' keeps the current sharing. */
  sharing: '' | Sharing;
}

export function toStatusRequest(target: TargetStatus, values: StatusValues): ChangeIndicatorStatusRequest {
  return {
    status: target,
    reason: values.reason.trim(),
    ...(values.sharing ? { sharing: values.sharing } : {}),
  };
}

export interface AllowlistValues {
  input: string;
  kind: IndicatorKind | null;
  organisation: string;
  category: AllowlistCategoryName | null;
  note: string;
}

export function toAllowlistRequest(values: AllowlistValues): Partial<CreateAllowlistEntryRequest> {
  return {
    input: values.input.trim(),
    kind: values.kind ?? undefined,
    organisation: values.organisation.trim(),
    category: values.category ?? undefined,
    note: optionalText(values.note),
  };
}

export interface MergeValues {
  /** The entry to keep; '' until one is picked. */
  intoId: string;
  reason: string;
}

export function toMergeRequest(values: MergeValues): Partial<MergeIndicatorRequest> {
  return { intoId: values.intoId || undefined, reason: values.reason.trim() };
}

export interface DelegationValues {
  delegateAgencyId: string | null;
  kinds: IndicatorKind[];
  reason: string;
}

export const emptyDelegation: DelegationValues = { delegateAgencyId: null, kinds: [], reason: '' };

export function toDelegationRequest(values: DelegationValues): Partial<CreateDelegationRequest> {
  return {
    delegateAgencyId: values.delegateAgencyId ?? undefined,
    kinds: values.kinds,
    reason: values.reason.trim(),
  };
}
