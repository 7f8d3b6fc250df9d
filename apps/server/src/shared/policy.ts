import type { AgencyType, ApiKeyScope, Role, ScopeLevel } from '@khien/contracts';

/**
 * Authorization as data: role × action → grant, where the grant says how far the role reaches
 * (docs/architecture.md, "Authorization"). Services call `decide` with the record they touch;
 * routes never decide.
 */
export type Action =
  | 'identity.read'
  | 'agency.list'
  | 'agency.read'
  | 'agency.create'
  | 'agency.update'
  | 'user.list'
  | 'user.read'
  | 'user.create'
  | 'user.update'
  | 'apikey.list'
  | 'apikey.create'
  | 'apikey.revoke'
  | 'audit.read'
  | 'audit.verify'
  | 'indicator.list'
  | 'indicator.read'
  | 'indicator.report'
  | 'indicator.decide'
  | 'allowlist.manage'
  | 'lookup.batch'
  | 'delegation.manage'
  | 'appeal.decide'
  | 'report.list'
  | 'report.read'
  | 'report.intake'
  | 'report.handle'
  | 'report.assign'
  | 'report.contact'
  | 'report.policy'
  | 'case.manage'
  | 'request.read'
  | 'request.send'
  | 'request.answer'
  | 'webhook.manage'
  | 'recovery.read'
  | 'recovery.record'
  | 'request.policy'
  | 'screening.decide'
  | 'screening.manage'
  | 'screening.review';

export const ACTIONS: readonly Action[] = [
  'identity.read',
  'agency.list',
  'agency.read',
  'agency.create',
  'agency.update',
  'user.list',
  'user.read',
  'user.create',
  'user.update',
  'apikey.list',
  'apikey.create',
  'apikey.revoke',
  'audit.read',
  'audit.verify',
  'indicator.list',
  'indicator.read',
  'indicator.report',
  'indicator.decide',
  'allowlist.manage',
  'lookup.batch',
  'delegation.manage',
  'appeal.decide',
  'report.list',
  'report.read',
  'report.intake',
  'report.handle',
  'report.assign',
  'report.contact',
  'report.policy',
  'case.manage',
  'request.read',
  'request.send',
  'request.answer',
  'webhook.manage',
  'recovery.read',
  'recovery.record',
  'request.policy',
  'screening.decide',
  'screening.manage',
  'screening.review',
];

/**
 * - `all`: every record in the country.
 * - `own_agency`: records of the actor's own agency.
 * - `administered`: the own agency, and, for staff of an administering agency, every agency in its area.
 * - `area_if_administering`: agencies in the area of an administering agency (none otherwise).
 * - `operator_else_own`: everything for the platform operator's staff, the own agency otherwise.
 * - `operator_only`: everything for the platform operator's staff, nothing otherwise.
 * - `self`: only the actor itself.
 * - `police_else_none`: everything for staff of police agencies and the platform operator, nothing otherwise.
 * - `police_area`: for staff of police agencies, records of their own unit and of the police units in their
 *   area (a provincial police sees its communes' units; a national one everything); nothing otherwise.
 */
export type Grant =
  | 'all'
  | 'own_agency'
  | 'administered'
  | 'area_if_administering'
  | 'operator_else_own'
  | 'operator_only'
  | 'self'
  | 'police_else_none'
  | 'police_area';

/** Agencies that decide on registry entries (confirm, clear, appeals) and see police-only data. */
export const POLICE_AGENCY_TYPES: readonly AgencyType[] = [
  'police_province',
  'police_commune',
  'platform_operator',
];

/** Agencies whose administrators administer the platform in their area (the country or a province). */
export const ADMINISTERING_AGENCY_TYPES: readonly AgencyType[] = [
  'platform_operator',
  'police_province',
  'peoples_committee',
];

const STAFF: readonly Role[] = ['admin', 'supervisor', 'officer', 'analyst', 'auditor', 'viewer'];
const everyStaff = (grant: Grant) =>
  Object.fromEntries(STAFF.map((role) => [role, grant])) as Record<Role, Grant>;

export const POLICY: Record<Action, Partial<Record<Role, Grant>>> = {
  'identity.read': everyStaff('self'),
  'agency.list': everyStaff('all'),
  'agency.read': everyStaff('all'),
  'agency.create': { admin: 'area_if_administering' },
  'agency.update': { admin: 'administered' },
  'user.list': { admin: 'administered', supervisor: 'own_agency' },
  'user.read': { admin: 'administered', supervisor: 'own_agency' },
  'user.create': { admin: 'administered' },
  'user.update': { admin: 'administered' },
  'apikey.list': { admin: 'administered' },
  'apikey.create': { admin: 'administered' },
  'apikey.revoke': { admin: 'administered' },
  'audit.read': { admin: 'operator_else_own', auditor: 'operator_else_own' },
  'audit.verify': { admin: 'operator_only', auditor: 'operator_only' },
  // The registry is shared by every agency; police-only entries are filtered by the service.
  'indicator.list': { supervisor: 'all', officer: 'all', analyst: 'all', auditor: 'all', viewer: 'all' },
  'indicator.read': { supervisor: 'all', officer: 'all', analyst: 'all', auditor: 'all', viewer: 'all' },
  'indicator.report': { supervisor: 'all', officer: 'all', analyst: 'all' },
  'indicator.decide': { supervisor: 'police_else_none', officer: 'police_else_none' },
  'allowlist.manage': { admin: 'operator_only' },
  'lookup.batch': { supervisor: 'all', officer: 'all', analyst: 'all' },
  // A police unit's leaders (and administrators) delegate registry decisions to other agencies.
  'delegation.manage': { supervisor: 'police_else_none', admin: 'police_else_none' },
  // Appeals against listings are decided by the police only, never by delegation.
  'appeal.decide': { supervisor: 'police_else_none', officer: 'police_else_none' },
  // Reports (tố giác) are handled by police units; a unit sees its own and those of the units in its area.
  'report.list': {
    supervisor: 'police_area',
    officer: 'police_area',
    analyst: 'police_area',
    auditor: 'police_area',
  },
  'report.read': {
    supervisor: 'police_area',
    officer: 'police_area',
    analyst: 'police_area',
    auditor: 'police_area',
  },
  'report.intake': { supervisor: 'police_area', officer: 'police_area' },
  'report.handle': { supervisor: 'police_area', officer: 'police_area' },
  'report.assign': { supervisor: 'police_area' },
  // The reporter's contact details: only the handling unit itself, each read audited.
  'report.contact': { supervisor: 'own_agency', officer: 'own_agency' },
  // The deadlines of art. 147 are national data.
  'report.policy': { admin: 'operator_only' },
  'case.manage': { supervisor: 'police_area', officer: 'police_area' },
  // Inter-agency requests are seen by the two agencies they are between; who may send which type to whom
  // is the route table of modules/requests/request.ts.
  'request.read': {
    supervisor: 'own_agency',
    officer: 'own_agency',
    analyst: 'own_agency',
    auditor: 'own_agency',
    viewer: 'own_agency',
  },
  // Analysts too: a bank analyst who confirms a fraud sends the police the suspicious-account notice.
  'request.send': { supervisor: 'own_agency', officer: 'own_agency', analyst: 'own_agency' },
  'request.answer': { supervisor: 'own_agency', officer: 'own_agency' },
  // An agency's administrators register where its webhooks go.
  'webhook.manage': { admin: 'own_agency' },
  // The asset-recovery ledger of reports follows the reports' reach; totals are for police units.
  'recovery.read': {
    supervisor: 'police_area',
    officer: 'police_area',
    analyst: 'police_area',
    auditor: 'police_area',
  },
  'recovery.record': { supervisor: 'police_area', officer: 'police_area' },
  // The time limits of requests are national data.
  'request.policy': { admin: 'operator_only' },
  // Transfer screening: banks decide by API key; their analysts keep the rule sets and read decisions.
  'screening.decide': {},
  'screening.manage': { supervisor: 'own_agency', analyst: 'own_agency' },
  'screening.review': { supervisor: 'own_agency', analyst: 'own_agency', officer: 'own_agency' },
};

/** Machine clients act by scope, not role: what each action needs. */
export const API_KEY_POLICY: Partial<Record<Action, { scope: ApiKeyScope; grant: Grant }>> = {
  'identity.read': { scope: 'identity:read', grant: 'self' },
  'indicator.report': { scope: 'indicators:write', grant: 'all' },
  'indicator.read': { scope: 'indicators:read', grant: 'all' },
  'indicator.list': { scope: 'indicators:read', grant: 'all' },
  'lookup.batch': { scope: 'lookup:read', grant: 'all' },
  'request.read': { scope: 'requests:read', grant: 'own_agency' },
  'request.send': { scope: 'requests:write', grant: 'own_agency' },
  'request.answer': { scope: 'requests:write', grant: 'own_agency' },
  'screening.decide': { scope: 'screening:write', grant: 'own_agency' },
};

export interface Area {
  level: ScopeLevel;
  provinceCode: string | null;
  communeCode: string | null;
}

export interface ActorAgency extends Area {
  id: string;
  type: AgencyType;
}

export type Actor =
  | { kind: 'user'; userId: string; username: string; roles: readonly Role[]; agency: ActorAgency }
  | { kind: 'api_key'; apiKeyId: string; scopes: readonly ApiKeyScope[]; agency: ActorAgency };

/** A record as the policy sees it: the agency it belongs to and where that agency is. */
export interface Target extends Area {
  agencyId: string;
  /** The user or key the record is, when it is one (for `self`). */
  principalId?: string;
}

export type Decision = 'allow' | 'deny_action' | 'deny_target';

export function grantsOf(actor: Actor, action: Action): Grant[] {
  if (actor.kind === 'api_key') {
    const rule = API_KEY_POLICY[action];
    return rule && actor.scopes.includes(rule.scope) ? [rule.grant] : [];
  }
  const table = POLICY[action];
  return actor.roles.flatMap((role) => (table[role] ? [table[role]!] : []));
}

export function isPolice(agency: ActorAgency): boolean {
  return POLICE_AGENCY_TYPES.includes(agency.type);
}

export function isAdministering(agency: ActorAgency): boolean {
  return ADMINISTERING_AGENCY_TYPES.includes(agency.type) && agency.level !== 'commune';
}

/** Whether `inner` lies within `outer` (a province contains its communes; the nation everything). */
export function areaContains(outer: Area, inner: Area): boolean {
  if (outer.level === 'national') return true;
  if (outer.provinceCode !== inner.provinceCode) return false;
  if (outer.level === 'province') return true;
  return inner.level === 'commune' && outer.communeCode === inner.communeCode;
}

function grantReaches(grant: Grant, actor: Actor, target: Target): boolean {
  const own = target.agencyId === actor.agency.id;
  const operator = actor.agency.type === 'platform_operator';
  switch (grant) {
    case 'all':
      return true;
    case 'own_agency':
      return own;
    case 'administered':
      return own || (isAdministering(actor.agency) && areaContains(actor.agency, target));
    case 'area_if_administering':
      return isAdministering(actor.agency) && areaContains(actor.agency, target);
    case 'operator_else_own':
      return operator || own;
    case 'operator_only':
      return operator;
    case 'self':
      return target.principalId === (actor.kind === 'user' ? actor.userId : actor.apiKeyId);
    case 'police_else_none':
      return isPolice(actor.agency);
    case 'police_area':
      return isPolice(actor.agency) && (own || areaContains(actor.agency, target));
  }
}

/**
 * `deny_action`: no role of the actor may do this at all (403). `deny_target`: the actor may do this, but
 * not to this record (answered as 404 so that other tenants' records stay invisible).
 */
export function decide(actor: Actor, action: Action, target: Target): Decision {
  const grants = grantsOf(actor, action);
  if (grants.length === 0) return 'deny_action';
  return grants.some((grant) => grantReaches(grant, actor, target)) ? 'allow' : 'deny_target';
}

export function mayEver(actor: Actor, action: Action): boolean {
  return grantsOf(actor, action).length > 0;
}

/** For lists: the widest reach the actor has for an action, turned into a filter a repository can apply. */
export type Reach =
  | { kind: 'all' }
  | { kind: 'none' }
  | { kind: 'scoped'; agencyIds: string[]; area: Area | null; principalId: string | null };

export function reachOf(actor: Actor, action: Action): Reach {
  const grants = grantsOf(actor, action);
  if (grants.length === 0) return { kind: 'none' };
  const operator = actor.agency.type === 'platform_operator';
  const agencyIds = new Set<string>();
  let area: Area | null = null;
  let principalId: string | null = null;
  for (const grant of grants) {
    if (
      grant === 'all' ||
      ((grant === 'operator_else_own' || grant === 'operator_only') && operator) ||
      (grant === 'police_else_none' && isPolice(actor.agency))
    ) {
      return { kind: 'all' };
    }
    if (grant === 'own_agency' || grant === 'operator_else_own') agencyIds.add(actor.agency.id);
    if (grant === 'administered') {
      agencyIds.add(actor.agency.id);
      if (isAdministering(actor.agency)) area = actor.agency;
    }
    if (grant === 'area_if_administering' && isAdministering(actor.agency)) area = actor.agency;
    if (grant === 'police_area' && isPolice(actor.agency)) {
      agencyIds.add(actor.agency.id);
      area = actor.agency;
    }
    if (grant === 'self') principalId = actor.kind === 'user' ? actor.userId : actor.apiKeyId;
  }
  if (area?.level === 'national') return { kind: 'all' };
  if (agencyIds.size === 0 && !area && !principalId) return { kind: 'none' };
  return { kind: 'scoped', agencyIds: [...agencyIds], area, principalId };
}

/** The actions the actor may perform on something (what the web app shows). */
export function allowedActions(actor: Actor): Action[] {
  return ACTIONS.filter((action) => reachOf(actor, action).kind !== 'none');
}
