import http from 'node:http';
import helmet from 'helmet';
import { describe, expect, it } from 'vitest';
import { HELMET_OPTIONS, securityHeaders } from './security-headers.js';

/** Runs helmet's own middleware on a real response object and reads back what it set. */
function headersFromMiddleware(): Record<string, string> {
  const request = new http.IncomingMessage(null as never);
  const response = new http.ServerResponse(request);
  helmet(HELMET_OPTIONS)(request, response, () => undefined);
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(response.getHeaders())) out[name] = String(value);
  return out;
}

describe('securityHeaders', () => {
  it('are exactly what helmet’s middleware sets on a response', () => {
    expect(securityHeaders()).toEqual(headersFromMiddleware());
  });

  it('carry the platform’s content security policy and no HSTS', () => {
    const headers = securityHeaders();
    const csp = headers['content-security-policy']!;
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(headers['strict-transport-security']).toBeUndefined();
  });

  it('refuse an invalid policy at start instead of on every request', () => {
    expect(() =>
      securityHeaders({
        contentSecurityPolicy: { directives: { defaultSrc: ["'self'"], 'bad name': ['x'] } },
      }),
    ).toThrow();
  });
});
