/** A field-level error of a problem+json answer (RFC 9457 `errors` extension). */
export interface FieldError {
  path: string;
  message: string;
}

export interface ApiErrorInit {
  status: number;
  code: string;
  title: string;
  detail?: string | undefined;
  errors?: FieldError[] | undefined;
}

/** Every failure of an API call: a parsed problem, a non-problem HTTP error or an unreachable server. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string | undefined;
  /** Field errors with paths normalised to form field names (`roles.0`, not `/body/roles/0`). */
  readonly fieldErrors: FieldError[];

  constructor(init: ApiErrorInit) {
    super(init.detail ?? init.title);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.title = init.title;
    this.detail = init.detail;
    this.fieldErrors = (init.errors ?? []).map((e) => ({
      path: normaliseFieldPath(e.path),
      message: e.message,
    }));
  }
}

export function isApiError(error: unknown, code?: string): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

/** Codes for answers that carry no problem body (a proxy page, an empty body), chosen by status. */
export function codeForStatus(status: number): string {
  switch (status) {
    case 400:
      return 'validation.failed';
    case 401:
      return 'auth.required';
    case 403:
      return 'auth.forbidden';
    case 404:
      return 'not_found';
    case 413:
      return 'request.too_large';
    case 429:
      return 'rate_limited';
    case 502:
    case 503:
    case 504:
      return 'server.unavailable';
    default:
      return status >= 500 ? 'internal' : 'http.error';
  }
}

/**
 * Field paths arrive as JSON pointers or dotted paths, sometimes prefixed by the request part
 * (`/body/username`, `body.roles.1`); forms name fields `username`, `roles.1`.
 */
export function normaliseFieldPath(path: string): string {
  return path
    .replace(/^#?\/+/, '')
    .replace(/\//g, '.')
    .replace(/^(body|querystring|query|params)\./, '')
    .replace(/\[(\d+)\]/g, '.$1');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseFieldErrors(value: unknown): FieldError[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const errors: FieldError[] = [];
  for (const item of value) {
    if (isRecord(item) && typeof item.message === 'string') {
      errors.push({ path: typeof item.path === 'string' ? item.path : '', message: item.message });
    }
  }
  return errors;
}

/** Turns a failed HTTP answer into an ApiError, whether or not its body is problem+json. */
export function problemFromResponse(status: number, statusText: string, bodyText: string): ApiError {
  let body: unknown;
  try {
    body = bodyText ? JSON.parse(bodyText) : undefined;
  } catch {
    body = undefined;
  }
  if (isRecord(body) && typeof body.code === 'string') {
    return new ApiError({
      status: typeof body.status === 'number' ? body.status : status,
      code: body.code,
      title: typeof body.title === 'string' ? body.title : statusText,
      detail: typeof body.detail === 'string' ? body.detail : undefined,
      errors: parseFieldErrors(body.errors),
    });
  }
  return new ApiError({ status, code: codeForStatus(status), title: statusText || `HTTP ${status}` });
}
