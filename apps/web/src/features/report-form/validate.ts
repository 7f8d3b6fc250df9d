import { CreateReportRequest } from '@khien/contracts';
import { ApiError } from '../../api/problem';
import { describeIssue, issuePath } from '../../ui/errors';
import { errorText, fieldMessageText, hasMessage, translate } from '../../ui/messages';
import { formFieldOf, toReportRequest, type BuiltReport, type ReportValues } from './requests';

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

/** The form's errors, found exactly as the server will find them (the contract's schema), by form field. */
export function reportErrors(values: ReportValues): Record<string, string> {
  const { request, rows } = toReportRequest(values);
  const result = CreateReportRequest.safeParse(request);
  const errors: Record<string, string> = {};
  if (result.success) return errors;
  for (const issue of result.error.issues) {
    errors[formFieldOf(issuePath(issue.path), rows)] ??= translate(describeIssue(issue, hasMessage));
  }
  return errors;
}

/**
 * The errors of a refused report, by form field: the server's field errors (its indexes are those of the
 * request that was sent), a refused file beside the files, and an unknown area beside the province.
 */
export function serverReportErrors(error: unknown, rows: BuiltReport['rows']): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!(error instanceof ApiError)) return errors;
  for (const fieldError of error.fieldErrors) {
    const head = fieldError.path.split('.')[0];
    if (!requestFields.some((field) => field === head)) continue;
    errors[formFieldOf(fieldError.path, rows)] ??= fieldMessageText(fieldError.message);
  }
  if (error.code.startsWith('evidence.')) errors.evidence ??= errorText(error);
  if (error.code === 'report.unknown_area') errors.provinceCode ??= errorText(error);
  return errors;
}
