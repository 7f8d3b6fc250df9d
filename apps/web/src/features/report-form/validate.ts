import { CreateReportRequest, CreateStaffReportRequest } from '@khien/contracts';
import { ApiError } from '../../api/problem';
import { describeIssue, issuePath } from '../../ui/errors';
import { errorText, fieldMessageText, hasMessage, translate, type SafeParser } from '../../ui/messages';
import {
  formFieldOf,
  toReportRequest,
  toStaffReportRequest,
  type BuiltReport,
  type ReportValues,
} from './requests';

/** The request's top-level fields: their server errors are shown beside the form's fields, not in the alert. */
export const requestFields = [
  'scamMethod',
  'occurredAt',
  'channels',
  'identifiers',
  'transfers',
  'totalLossVnd',
  'story',
  'provinceCode',
  'communeCode',
  'contact',
  'language',
] as const;

/** The staff intake's: the same, and how the report came in. */
export const staffRequestFields = ['channel', ...requestFields] as const;

/** What a form's request must satisfy, and the words that differ for it. */
export interface ReportRules {
  schema: SafeParser<unknown>;
  build: (values: ReportValues) => { request: unknown; rows: BuiltReport['rows'] };
  /** The request's top-level fields the form shows. */
  fields: readonly string[];
  /** A field code in words, where the shared words do not fit. */
  ownWords: (code: string) => string | undefined;
  /** The story's fewest characters. */
  storyMin: number;
}

/** The citizen's report (CreateReportRequest). */
export const citizenRules: ReportRules = {
  schema: CreateReportRequest,
  build: toReportRequest,
  fields: requestFields,
  ownWords: () => undefined,
  storyMin: 20,
};

/**
 * A report taken by staff (CreateStaffReportRequest): with a channel, and a story of 5 characters where
 * the shared words for `story.too_short` are the public form's 20.
 */
export const staffRules: ReportRules = {
  schema: CreateStaffReportRequest,
  build: toStaffReportRequest,
  fields: staffRequestFields,
  ownWords: (code) =>
    code === 'story.too_short' ? translate({ key: 'reports.intake.storyTooShort' }) : undefined,
  storyMin: 5,
};

/** The form's errors, found exactly as the server will find them (the contract's schema), by form field. */
export function reportErrors(
  values: ReportValues,
  rules: ReportRules = citizenRules,
): Record<string, string> {
  const { request, rows } = rules.build(values);
  const result = rules.schema.safeParse(request);
  const errors: Record<string, string> = {};
  if (result.success) return errors;
  for (const issue of result.error.issues) {
    errors[formFieldOf(issuePath(issue.path), rows)] ??=
      rules.ownWords(issue.message) ?? translate(describeIssue(issue, hasMessage));
  }
  return errors;
}

/**
 * The errors of a refused report, by form field: the server's field errors (its indexes are those of the
 * request that was sent), a refused file beside the files, and an unknown area beside the province.
 */
export function serverReportErrors(
  error: unknown,
  rows: BuiltReport['rows'],
  rules: ReportRules = citizenRules,
): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!(error instanceof ApiError)) return errors;
  for (const fieldError of error.fieldErrors) {
    const head = fieldError.path.split('.')[0];
    if (!rules.fields.some((field) => field === head)) continue;
    errors[formFieldOf(fieldError.path, rows)] ??=
      rules.ownWords(fieldError.message) ?? fieldMessageText(fieldError.message);
  }
  if (error.code.startsWith('evidence.')) errors.evidence ??= errorText(error);
  if (error.code === 'report.unknown_area') errors.provinceCode ??= errorText(error);
  return errors;
}
