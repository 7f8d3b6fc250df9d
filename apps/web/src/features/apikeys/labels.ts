import type { ApiKeyScope } from '@khien/contracts';

/** i18next reads ':' as its namespace separator, so the resource keys of scopes use '_' instead. */
const scopeKeys = {
  'identity:read': 'apiKeyScope.identity_read',
  'lookup:read': 'apiKeyScope.lookup_read',
  'indicators:read': 'apiKeyScope.indicators_read',
  'indicators:write': 'apiKeyScope.indicators_write',
  'reports:write': 'apiKeyScope.reports_write',
  'requests:read': 'apiKeyScope.requests_read',
  'requests:write': 'apiKeyScope.requests_write',
  'screening:write': 'apiKeyScope.screening_write',
} as const satisfies Record<ApiKeyScope, string>;

export function scopeLabelKey(scope: ApiKeyScope) {
  return scopeKeys[scope];
}
