import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import type { Problem } from '@khien/contracts';
import { AppError, type ErrorCode } from '../shared/app-error.js';

/** The one place where error codes meet HTTP statuses. */
export const STATUS_OF: Record<ErrorCode, number> = {
  'validation.failed': 400,
  'auth.required': 401,
  'auth.invalid_credentials': 401,
  'auth.locked': 423,
  'auth.totp_required': 401,
  'auth.totp_invalid': 401,
  'auth.totp_enrolment_required': 403,
  'auth.totp_required_by_policy': 409,
  'auth.totp_not_pending': 409,
  'auth.password_change_required': 403,
  'auth.forbidden': 403,
  'auth.api_key_invalid': 401,
  'auth.scope_missing': 403,
  not_found: 404,
  'conflict.username_taken': 409,
  'conflict.agency_exists': 409,
  'agency.scope_invalid': 422,
  'agency.outside_jurisdiction': 403,
  'user.cannot_modify_self': 409,
  'user.role_not_grantable': 403,
  'reference.unknown_province': 422,
  'reference.unknown_commune': 422,
  'indicator.unrecognised': 422,
  'indicator.allowlisted': 409,
  'indicator.invalid_transition': 409,
  'indicator.merge_invalid': 409,
  'allowlist.exists': 409,
  'check.image_unreadable': 422,
  'appeal.not_listed': 422,
  'appeal.already_open': 409,
  'appeal.already_decided': 409,
  'appeal.not_found': 404,
  'report.duplicate': 409,
  'report.not_found': 404,
  'report.transition_not_allowed': 409,
  'report.decision_required': 400,
  'report.extension_not_allowed': 409,
  'report.transfer_target_invalid': 422,
  'report.assignee_invalid': 422,
  'report.unknown_area': 422,
  'evidence.too_large': 413,
  'evidence.type_not_allowed': 415,
  'evidence.too_many': 422,
  'case.not_found': 404,
  'case.report_out_of_reach': 422,
  'request.not_found': 404,
  'request.sender_not_allowed': 403,
  'request.recipient_not_allowed': 422,
  'request.recipient_unknown': 422,
  'request.transition_not_allowed': 409,
  'request.answer_type_mismatch': 422,
  'request.hold_more_than_asked': 422,
  'request.hold_more_than_balance': 422,
  'request.hold_amount_invalid': 422,
  'request.hold_not_active': 409,
  'request.release_invalid': 422,
  'request.not_forwardable': 422,
  'request.transfer_already_forwarded': 409,
  'request.report_out_of_reach': 422,
  'request.ledger_more_than_held': 422,
  'request.idempotency_key_required': 400,
  'request.idempotency_conflict': 422,
  'request.idempotency_in_progress': 409,
  'webhook.url_not_allowed': 422,
  'screening.not_a_bank': 403,
  'screening.transfer_invalid': 400,
  'screening.rule_set_not_found': 404,
  'screening.rule_set_frozen': 409,
  'screening.rule_set_invalid': 422,
  'screening.review_not_found': 404,
  'screening.review_done': 409,
  'request.too_large': 413,
  'request.unsupported_media_type': 415,
  rate_limited: 429,
  internal: 500,
};

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  423: 'Locked',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
};

export function problem(
  code: ErrorCode,
  detail: string,
  instance?: string,
  extra?: Partial<Problem>,
): Problem {
  return {
    type: `https://khien.gov.vn/problems/${code.replace(/\./g, '/')}`,
    title: TITLES[STATUS_OF[code]] ?? code,
    status: STATUS_OF[code],
    code,
    detail,
    ...(instance ? { instance } : {}),
    ...extra,
  };
}

export function sendProblem(reply: FastifyReply, body: Problem) {
  return reply.status(body.status).type('application/problem+json').send(body);
}

export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const instance = request.url.split('?')[0];
  if (error instanceof AppError) {
    return sendProblem(reply, problem(error.code, error.message, instance, error.details));
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const errors = error.validation.map((issue) => ({
      path: [error.validationContext, ...issue.instancePath.split('/').filter(Boolean)].join('.'),
      message: issue.message ?? 'invalid',
    }));
    return sendProblem(
      reply,
      problem('validation.failed', 'Some fields are not valid', instance, { errors }),
    );
  }
  if (isResponseSerializationError(error)) {
    request.log.error({ err: error }, 'response did not match its contract');
    return sendProblem(reply, problem('internal', 'The server produced an invalid answer', instance));
  }
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return sendProblem(reply, problem('request.too_large', 'The request body is too large', instance));
    case 'FST_REQ_FILE_TOO_LARGE':
    case 'FST_FILES_LIMIT':
    case 'FST_PARTS_LIMIT':
    case 'FST_FIELDS_LIMIT':
      return sendProblem(
        reply,
        problem('request.too_large', 'The upload is too large or has too many parts', instance),
      );
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return sendProblem(reply, problem('request.unsupported_media_type', 'Send application/json', instance));
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return sendProblem(reply, problem('validation.failed', 'The body is not valid JSON', instance));
  }
  if (error.statusCode === 429) {
    return sendProblem(reply, problem('rate_limited', 'Too many requests; try again later', instance));
  }
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    if (error instanceof SyntaxError) {
      return sendProblem(reply, problem('validation.failed', 'The body is not valid JSON', instance));
    }
    return sendProblem(reply, problem('validation.failed', error.message, instance));
  }
  request.log.error({ err: error }, 'unhandled error');
  return sendProblem(reply, problem('internal', 'Something went wrong on our side', instance));
}
