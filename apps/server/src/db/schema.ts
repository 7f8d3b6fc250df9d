import type { ColumnType, Generated } from 'kysely';

/** Row types of the tables, as the migrations in ./migrations create them. */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

export interface ReferenceDataVersionsTable {
  name: string;
  version: string;
  source: string;
  loaded_at: Generated<Date>;
}
export interface ProvincesTable {
  code: string;
  name: string;
  name_en: string;
  full_name: string;
  full_name_en: string;
}
export interface CommunesTable {
  code: string;
  province_code: string;
  name: string;
  name_en: string;
  full_name: string;
  full_name_en: string;
  kind: 'xa' | 'phuong' | 'dac_khu';
}
export interface AgenciesTable {
  id: string;
  name: string;
  short_name: string | null;
  search_text: string;
  type: string;
  scope_level: 'national' | 'province' | 'commune';
  province_code: string | null;
  commune_code: string | null;
  parent_id: string | null;
  active: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}
export interface UsersTable {
  id: string;
  agency_id: string;
  username: string;
  full_name: string;
  email: string | null;
  phone: string | null;
  password_hash: string;
  search_text: string;
  roles: string[];
  active: Generated<boolean>;
  must_change_password: Generated<boolean>;
  totp_secret: string | null;
  totp_pending_secret: string | null;
  totp_last_step: number | null;
  failed_logins: Generated<number>;
  locked_until: Timestamp | null;
  sessions_valid_after: Timestamp | null;
  last_login_at: Timestamp | null;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}
export interface SessionsTable {
  id: string;
  user_id: string;
  created_at: CreatedAt;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  revoked_at: Timestamp | null;
  ip: string | null;
  user_agent: string | null;
}
export interface ApiKeysTable {
  id: string;
  agency_id: string;
  name: string;
  prefix: string;
  secret_hash: string;
  scopes: string[];
  created_by: string | null;
  created_at: CreatedAt;
  expires_at: Timestamp | null;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
}
export interface AuditLogTable {
  seq: number;
  occurred_at: Timestamp;
  actor_kind: 'user' | 'api_key' | 'system' | 'anonymous';
  actor_user_id: string | null;
  actor_username: string | null;
  actor_api_key_id: string | null;
  actor_agency_id: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  target_agency_id: string | null;
  personal_data: boolean;
  reason: string | null;
  ip: string | null;
  user_agent: string | null;
  request_id: string | null;
  details: ColumnType<Record<string, unknown>, string, never>;
  prev_hash: string;
  hash: string;
}
export interface SchemaMigrationsTable {
  name: string;
  checksum: string;
  applied_at: Generated<Date>;
}

export interface IndicatorsTable {
  id: string;
  kind: string;
  key: string;
  display: string;
  status: 'reported' | 'verifying' | 'confirmed_scam' | 'cleared' | 'expired';
  confidence: number;
  scam_methods: string[];
  first_seen_at: Timestamp;
  last_seen_at: Timestamp;
  report_count: number;
  reported_loss_vnd: number;
  sharing: 'public' | 'agencies' | 'police';
  expires_at: Timestamp | null;
  details: ColumnType<Record<string, unknown>, string, string>;
  decided_by_agency_id: string | null;
  status_reason: string | null;
  status_changed_at: Timestamp;
  merged_into_id: string | null;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}
export interface IndicatorSourcesTable {
  id: string;
  indicator_id: string;
  source_type: 'report' | 'agency' | 'import';
  source_ref: string | null;
  agency_id: string | null;
  reporter_hash: string | null;
  scam_method: string | null;
  loss_vnd: number | null;
  evidence_url: string | null;
  note: string | null;
  created_by: string | null;
  created_at: Timestamp;
}
export interface IndicatorEventsTable {
  id: string;
  indicator_id: string;
  event: string;
  from_status: string | null;
  to_status: string | null;
  reason: string | null;
  actor_user_id: string | null;
  actor_agency_id: string | null;
  details: ColumnType<Record<string, unknown>, string, never>;
  created_at: Timestamp;
}
export interface AllowlistTable {
  id: string;
  kind: string;
  key: string;
  display: string;
  organisation: string;
  category: 'bank' | 'ewallet' | 'telco' | 'government' | 'platform' | 'hotline' | 'other';
  source: string;
  note: string | null;
  created_by: string | null;
  created_at: CreatedAt;
  removed_at: Timestamp | null;
  removed_by: string | null;
}
export interface AppealsTable {
  id: string;
  indicator_id: string;
  tracking_code: string;
  secret_hash: string;
  contact_encrypted: string;
  reasons: string;
  status: 'submitted' | 'upheld' | 'rejected';
  due_at: Timestamp;
  decided_at: Timestamp | null;
  decided_by: string | null;
  decision_reason: string | null;
  created_at: Timestamp;
}
export interface RegistryDelegationsTable {
  id: string;
  police_agency_id: string;
  delegate_agency_id: string;
  kinds: string[];
  reason: string;
  created_by: string | null;
  created_at: Timestamp;
  revoked_at: Timestamp | null;
  revoked_by: string | null;
}
export interface CheckCountsTable {
  day: string;
  kind: string;
  verdict: string;
  count: number;
}

export interface ReportDeadlinePolicyTable {
  id: ColumnType<boolean, boolean | undefined, never>;
  decision_days: number;
  complex_extension_months: number;
  procuracy_extension_months: number;
  remind_days_before: number;
  updated_by: string | null;
  updated_at: Timestamp;
}
export interface CasesTable {
  id: string;
  code: string;
  title: string;
  agency_id: string;
  created_by: string | null;
  created_at: Timestamp;
}
export type ReportStatusColumn = 'received' | 'verifying' | 'decided' | 'closed';
export type ReportDecisionColumn =
  'initiate_case' | 'not_initiate' | 'suspend' | 'transfer' | 'administrative';
export interface ReportsTable {
  id: string;
  tracking_code: string;
  secret_hash: string;
  channel: 'online' | 'hotline' | 'walk_in' | 'mailbox' | 'unit_transfer' | 'bank_notice' | 'telco_notice';
  status: ReportStatusColumn;
  decision: ReportDecisionColumn | null;
  scam_method: string;
  occurred_at: Timestamp | null;
  channels: string[];
  story: string;
  total_loss_vnd: number;
  province_code: string;
  commune_code: string | null;
  contact_encrypted: string | null;
  language: 'vi' | 'en';
  handling_agency_id: string | null;
  assigned_user_id: string | null;
  case_id: string | null;
  received_at: Timestamp;
  due_at: Timestamp;
  extensions: string[];
  decided_at: Timestamp | null;
  unreadable: ColumnType<Array<{ input: string; code: string; message: string }>, string, string>;
  fingerprint: string;
  created_by: string | null;
  last_reminded_on: ColumnType<string | null, string | null | undefined, string | null>;
  /** What still has to enter the registry (ADR 0007); null once linked. */
  registry_pending: ColumnType<PendingRegistryLinks | null, string | null | undefined, string | null>;
}
/** A report's identifiers waiting to enter the registry (reports.registry_pending). */
export interface PendingRegistryLinks {
  /** The reporter's keyed hash: one reporter counts once per registry entry. */
  reporterHash: string;
  entries: Array<{
    kind: string;
    key: string;
    display: string;
    details: object;
    /** The money the report says was sent to it; null when none. */
    lossVnd: number | null;
  }>;
  /** Transfers (by position) whose target account is one of the entries. */
  transfers: Array<{ position: number; key: string }>;
}
export interface ReportIdentifiersTable {
  report_id: string;
  indicator_id: string;
}
export interface ReportTransfersTable {
  id: string;
  report_id: string;
  position: number;
  from_bank: string | null;
  from_account_encrypted: string | null;
  from_account_masked: string | null;
  to_bank: string | null;
  to_account: string;
  to_indicator_id: string | null;
  amount_vnd: number;
  at: Timestamp | null;
  reference: string | null;
}
export interface ReportEvidenceTable {
  id: string;
  report_id: string;
  file_name: string;
  media_type: string;
  size_bytes: number;
  sha256: string;
  content: Uint8Array;
  received_at: Timestamp;
}
export interface ReportEventsTable {
  id: string;
  report_id: string;
  type: string;
  from_status: ReportStatusColumn | null;
  to_status: ReportStatusColumn | null;
  decision: ReportDecisionColumn | null;
  reason: string | null;
  public_message: string | null;
  actor_user_id: string | null;
  agency_id: string | null;
  details: ColumnType<Record<string, unknown>, string, never>;
  created_at: Timestamp;
}
export interface NotificationOutboxTable {
  id: string;
  channel: 'email' | 'sms';
  recipient_encrypted: string;
  template: string;
  language: string;
  params: ColumnType<Record<string, unknown>, string, string>;
  subject: string;
  body: string;
  status: 'pending' | 'sent' | 'logged' | 'failed';
  attempts: number;
  last_error: string | null;
  report_id: string | null;
  created_at: Timestamp;
  sent_at: Timestamp | null;
}

export interface PlatformSecretsTable {
  name: string;
  value_encrypted: string;
  created_at: CreatedAt;
}
export type RequestTypeColumn =
  | 'hold'
  | 'release'
  | 'hold_review'
  | 'subscriber_info'
  | 'domain_owner_info'
  | 'takedown'
  | 'sim_action'
  | 'suspicious_account_notice';
export type RequestStatusColumn = 'sent' | 'acknowledged' | 'answered' | 'refused' | 'cancelled';
export interface RequestTimeLimitsTable {
  id: ColumnType<boolean, boolean | undefined, never>;
  hold_minutes: number;
  information_minutes: number;
  takedown_minutes: number;
  updated_by: string | null;
  updated_at: Timestamp;
}
export interface RequestsTable {
  id: string;
  code: string;
  type: RequestTypeColumn;
  status: RequestStatusColumn;
  sender_agency_id: string;
  sender_user_id: string | null;
  sender_api_key_id: string | null;
  recipient_agency_id: string;
  report_id: string | null;
  case_id: string | null;
  parent_id: string | null;
  parent_transfer_index: number | null;
  legal_basis: string;
  reason: string;
  subject: string;
  details: ColumnType<Record<string, unknown>, string, string>;
  answer: ColumnType<Record<string, unknown> | null, string | null, string | null>;
  personal_encrypted: string | null;
  refusal_reason: string | null;
  amount_vnd: number | null;
  held_vnd: number | null;
  hold_expires_at: Timestamp | null;
  hold_state: 'active' | 'released' | 'expired' | null;
  sent_at: Timestamp;
  due_at: Timestamp;
  acknowledged_at: Timestamp | null;
  answered_at: Timestamp | null;
  closed_at: Timestamp | null;
  escalation_level: number;
  answered_by_user_id: string | null;
  answered_by_api_key_id: string | null;
  /** A takedown's target as registry keys (its own, and its site's for a link). */
  target_keys: ColumnType<string[], string[] | undefined, string[]>;
}
export interface RequestEventsTable {
  id: string;
  request_id: string;
  type: string;
  reason: string | null;
  actor_user_id: string | null;
  actor_api_key_id: string | null;
  agency_id: string | null;
  details: ColumnType<Record<string, unknown>, string, never>;
  created_at: Timestamp;
}
export interface IdempotencyKeysTable {
  principal_id: string;
  key: string;
  fingerprint: string;
  status_code: number;
  response: ColumnType<unknown, string | null, string | null>;
  created_at: Timestamp;
}
export interface WebhooksTable {
  id: string;
  agency_id: string;
  url: string;
  events: string[];
  secret_encrypted: string;
  active: boolean;
  created_by: string | null;
  created_at: Timestamp;
  removed_at: Timestamp | null;
}
export interface WebhookEventsTable {
  id: string;
  webhook_id: string;
  type: string;
  payload: ColumnType<Record<string, unknown>, string, never>;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  next_attempt_at: Timestamp;
  created_at: Timestamp;
  delivered_at: Timestamp | null;
}
export interface WebhookDeliveriesTable {
  id: string;
  event_id: string;
  webhook_id: string;
  attempt: number;
  status: 'delivered' | 'failed';
  response_status: number | null;
  duration_ms: number;
  error: string | null;
  response_excerpt: string | null;
  created_at: Timestamp;
}
export interface RecoveryLedgerTable {
  id: string;
  report_id: string | null;
  request_id: string | null;
  kind: 'held' | 'released' | 'returned';
  amount_vnd: number;
  bank: string | null;
  confirmation: string | null;
  note: string | null;
  agency_id: string | null;
  recorded_by_user_id: string | null;
  recorded_by_api_key_id: string | null;
  created_at: Timestamp;
}
export interface ScreeningRuleSetsTable {
  id: string;
  agency_id: string;
  version: number;
  status: 'draft' | 'published' | 'retired';
  body: ColumnType<Record<string, unknown>, string, string>;
  shadow: boolean;
  created_by: string | null;
  created_at: Timestamp;
  published_by: string | null;
  published_at: Timestamp | null;
}
export interface ScreeningDecisionsTable {
  agency_id: string;
  transfer_id: string;
  action: 'allow' | 'warn' | 'step_up' | 'hold' | 'block';
  score: number;
  rule_set_version: string;
  decision: ColumnType<Record<string, unknown>, string, never>;
  transfer_encrypted: string;
  amount_vnd: number;
  payer_hash: string;
  payee_hash: string;
  shadow: ColumnType<Record<string, unknown> | null, string | null, never>;
  decided_at: Timestamp;
  review_status: ColumnType<
    'pending' | 'released' | 'confirmed_fraud' | null,
    'pending' | null | undefined,
    'released' | 'confirmed_fraud'
  >;
  reviewed_by: ColumnType<string | null, string | null | undefined, string | null>;
  reviewed_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  review_note: ColumnType<string | null, string | null | undefined, string | null>;
  notice_request_id: ColumnType<string | null, string | null | undefined, string | null>;
}
export interface ScreeningFlagsTable {
  id: string;
  agency_id: string;
  account_encrypted: string;
  account_hash: string;
  typology: 'fan_in' | 'fan_out' | 'pass_through' | 'cycle' | 'many_new_accounts';
  score: number;
  evidence: ColumnType<Record<string, number>, string, never>;
  related_count: number;
  status: ColumnType<
    'pending' | 'dismissed' | 'confirmed_fraud',
    'pending' | undefined,
    'dismissed' | 'confirmed_fraud'
  >;
  flagged_at: Timestamp;
  reviewed_by: ColumnType<string | null, string | null | undefined, string | null>;
  reviewed_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  review_note: ColumnType<string | null, string | null | undefined, string | null>;
  notice_request_id: ColumnType<string | null, string | null | undefined, string | null>;
}
export interface DB {
  screening_flags: ScreeningFlagsTable;
  screening_rule_sets: ScreeningRuleSetsTable;
  screening_decisions: ScreeningDecisionsTable;
  request_time_limits: RequestTimeLimitsTable;
  requests: RequestsTable;
  request_events: RequestEventsTable;
  idempotency_keys: IdempotencyKeysTable;
  webhooks: WebhooksTable;
  webhook_events: WebhookEventsTable;
  webhook_deliveries: WebhookDeliveriesTable;
  recovery_ledger: RecoveryLedgerTable;
  indicators: IndicatorsTable;
  indicator_sources: IndicatorSourcesTable;
  indicator_events: IndicatorEventsTable;
  allowlist: AllowlistTable;
  appeals: AppealsTable;
  check_counts: CheckCountsTable;
  registry_delegations: RegistryDelegationsTable;
  report_deadline_policy: ReportDeadlinePolicyTable;
  cases: CasesTable;
  reports: ReportsTable;
  report_identifiers: ReportIdentifiersTable;
  report_transfers: ReportTransfersTable;
  report_evidence: ReportEvidenceTable;
  report_events: ReportEventsTable;
  notification_outbox: NotificationOutboxTable;
  platform_secrets: PlatformSecretsTable;
  reference_data_versions: ReferenceDataVersionsTable;
  provinces: ProvincesTable;
  communes: CommunesTable;
  agencies: AgenciesTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_keys: ApiKeysTable;
  audit_log: AuditLogTable;
  schema_migrations: SchemaMigrationsTable;
}
