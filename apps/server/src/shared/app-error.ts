/**
 * Errors that services raise. They carry a stable code; http/errors.ts maps codes to HTTP statuses, so
 * services never know about HTTP.
 */
export type ErrorCode =
  | 'validation.failed'
  | 'auth.required'
  | 'auth.invalid_credentials'
  | 'auth.locked'
  | 'auth.totp_required'
  | 'auth.totp_invalid'
  | 'auth.totp_enrolment_required'
  | 'auth.totp_required_by_policy'
  | 'auth.totp_not_pending'
  | 'auth.password_change_required'
  | 'auth.forbidden'
  | 'auth.api_key_invalid'
  | 'auth.scope_missing'
  | 'not_found'
  | 'conflict.username_taken'
  | 'conflict.agency_exists'
  | 'agency.scope_invalid'
  | 'agency.outside_jurisdiction'
  | 'user.cannot_modify_self'
  | 'user.role_not_grantable'
  | 'reference.unknown_province'
  | 'reference.unknown_commune'
  | 'indicator.unrecognised'
  | 'indicator.allowlisted'
  | 'indicator.invalid_transition'
  | 'indicator.merge_invalid'
  | 'allowlist.exists'
  | 'check.image_unreadable'
  | 'appeal.not_listed'
  | 'appeal.already_open'
  | 'appeal.already_decided'
  | 'appeal.not_found'
  | 'report.duplicate'
  | 'report.not_found'
  | 'report.transition_not_allowed'
  | 'report.decision_required'
  | 'report.extension_not_allowed'
  | 'report.transfer_target_invalid'
  | 'report.assignee_invalid'
  | 'report.unknown_area'
  | 'evidence.too_large'
  | 'evidence.type_not_allowed'
  | 'evidence.too_many'
  | 'case.not_found'
  | 'case.report_out_of_reach'
  | 'request.not_found'
  | 'request.sender_not_allowed'
  | 'request.recipient_not_allowed'
  | 'request.recipient_unknown'
  | 'request.transition_not_allowed'
  | 'request.answer_type_mismatch'
  | 'request.hold_more_than_asked'
  | 'request.hold_more_than_balance'
  | 'request.hold_amount_invalid'
  | 'request.hold_not_active'
  | 'request.release_invalid'
  | 'request.not_forwardable'
  | 'request.transfer_already_forwarded'
  | 'request.report_out_of_reach'
  | 'request.ledger_more_than_held'
  | 'request.idempotency_key_required'
  | 'request.idempotency_conflict'
  | 'request.idempotency_in_progress'
  | 'webhook.url_not_allowed'
  | 'screening.not_a_bank'
  | 'screening.transfer_invalid'
  | 'screening.rule_set_not_found'
  | 'screening.rule_set_frozen'
  | 'screening.rule_set_invalid'
  | 'screening.review_not_found'
  | 'screening.review_done'
  | 'request.too_large'
  | 'request.unsupported_media_type'
  | 'rate_limited'
  | 'internal';

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: { errors?: Array<{ path: string; message: string }>; retryAfterSeconds?: number },
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (what: string) => new AppError('not_found', `${what} not found`);
export const forbidden = (message = 'You are not allowed to do this') =>
  new AppError('auth.forbidden', message);
