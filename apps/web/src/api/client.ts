import { ApiError, problemFromResponse } from './problem';

/** Anything with a zod-like `parse`: the contracts' schemas type (and check) the answers. */
export interface ResponseSchema<T> {
  parse(data: unknown): T;
}

export type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions<T> {
  schema?: ResponseSchema<T>;
  query?: Record<string, QueryValue>;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

/** Appends the query parameters that have a value; empty strings and nulls are left out. */
export function withQuery(path: string, query?: Record<string, QueryValue>): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.append(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}${path.includes('?') ? '&' : '?'}${text}` : path;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

async function request<T>(
  method: Method,
  path: string,
  body: unknown,
  options: RequestOptions<T> = {},
): Promise<T> {
  const headers: Record<string, string> = {
    accept: 'application/json, application/problem+json',
    ...options.headers,
  };
  let payload: string | undefined;
  if (method !== 'GET') {
    // Every write is JSON, even an empty one: the server refuses other media types on writes.
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body ?? {});
  }
  let response: Response;
  try {
    response = await fetch(withQuery(path, options.query), {
      method,
      headers,
      body: payload,
      credentials: 'same-origin',
      signal: options.signal ?? null,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError({ status: 0, code: 'network.unreachable', title: 'Network error' });
  }
  if (!response.ok) {
    throw problemFromResponse(response.status, response.statusText, await response.text().catch(() => ''));
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  const data: unknown = text ? JSON.parse(text) : undefined;
  if (!options.schema) return data as T;
  try {
    return options.schema.parse(data);
  } catch (error) {
    console.error(`Unexpected answer from ${method} ${path}`, error);
    throw new ApiError({ status: response.status, code: 'response.invalid', title: 'Unexpected answer' });
  }
}

/** The typed fetch client. Cookies carry the session, so every call is same-origin with credentials. */
export const api = {
  get: <T>(path: string, options?: RequestOptions<T>) => request<T>('GET', path, undefined, options),
  post: <T = void>(path: string, body?: unknown, options?: RequestOptions<T>) =>
    request<T>('POST', path, body, options),
  patch: <T>(path: string, body: unknown, options?: RequestOptions<T>) =>
    request<T>('PATCH', path, body, options),
  put: <T>(path: string, body: unknown, options?: RequestOptions<T>) =>
    request<T>('PUT', path, body, options),
  delete: <T = void>(path: string, options?: RequestOptions<T>) =>
    request<T>('DELETE', path, undefined, options),
};

/** Builds a path from a template and encodes each parameter (`apiPath('/api/agencies/:id', {id})`). */
export function apiPath(template: string, params: Record<string, string>): string {
  return template.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`Missing path parameter ${name}`);
    return encodeURIComponent(value);
  });
}
