-- Scam reports (tố giác, tin báo về tội phạm), their handling by the police, cases, and the outbox of
-- messages to reporters.

-- The deadlines of the Criminal Procedure Code, art. 147, as data (one row).
create table report_deadline_policy (
  id boolean primary key default true check (id),
  decision_days integer not null default 20,
  complex_extension_months integer not null default 2,
  procuracy_extension_months integer not null default 2,
  remind_days_before integer not null default 3,
  updated_by uuid references users (id),
  updated_at timestamptz not null default now()
);
insert into report_deadline_policy default values;

create table cases (
  id uuid primary key,
  code text not null unique,
  title text not null,
  agency_id uuid not null references agencies (id),
  created_by uuid references users (id),
  created_at timestamptz not null
);
create index cases_agency on cases (agency_id, created_at desc);

create table reports (
  id uuid primary key,
  tracking_code text not null unique,
  secret_hash text not null,
  channel text not null check (channel in ('online', 'hotline', 'walk_in', 'mailbox', 'unit_transfer', 'bank_notice', 'telco_notice')),
  status text not null check (status in ('received', 'verifying', 'decided', 'closed')),
  decision text check (decision in ('initiate_case', 'not_initiate', 'suspend', 'transfer', 'administrative')),
  scam_method text not null,
  occurred_at timestamptz,
  channels text[] not null default '{}',
  story text not null,
  total_loss_vnd bigint not null default 0,
  province_code text not null,
  commune_code text,
  -- the reporter's name, phone, e-mail and address, AES-256-GCM; null for anonymous reports
  contact_encrypted text,
  language text not null default 'vi',
  handling_agency_id uuid references agencies (id),
  assigned_user_id uuid references users (id),
  case_id uuid references cases (id),
  received_at timestamptz not null,
  due_at timestamptz not null,
  extensions text[] not null default '{}',
  decided_at timestamptz,
  -- what the reporter wrote that was not a recognisable identifier
  unreadable jsonb not null default '[]'::jsonb,
  -- a hash of the report's content, to recognise the same report sent twice
  fingerprint text not null,
  created_by uuid references users (id),
  last_reminded_on date
);
create index reports_handling on reports (handling_agency_id, status, due_at);
create index reports_province on reports (province_code, received_at desc);
create index reports_fingerprint on reports (fingerprint, received_at desc);
create index reports_case on reports (case_id) where case_id is not null;
create index reports_open_due on reports (due_at) where status in ('received', 'verifying');

-- The identifiers a report names, each a registry entry.
create table report_identifiers (
  report_id uuid not null references reports (id),
  indicator_id uuid not null references indicators (id),
  primary key (report_id, indicator_id)
);
create index report_identifiers_indicator on report_identifiers (indicator_id);

create table report_transfers (
  id uuid primary key,
  report_id uuid not null references reports (id),
  position smallint not null,
  from_bank text,
  -- the victim's own account: encrypted, shown masked
  from_account_encrypted text,
  from_account_masked text,
  to_bank text,
  to_account text not null,
  to_indicator_id uuid references indicators (id),
  amount_vnd bigint not null check (amount_vnd > 0),
  at timestamptz,
  reference text
);
create index report_transfers_report on report_transfers (report_id, position);
create index report_transfers_indicator on report_transfers (to_indicator_id) where to_indicator_id is not null;

-- Evidence files are kept with the report, in the same transaction: a report is acknowledged only once
-- its files are stored.
create table report_evidence (
  id uuid primary key,
  report_id uuid not null references reports (id),
  file_name text not null,
  media_type text not null,
  size_bytes integer not null,
  sha256 text not null,
  content bytea not null,
  received_at timestamptz not null
);
create index report_evidence_report on report_evidence (report_id, received_at);

-- The timeline of a report: append-only.
create table report_events (
  id uuid primary key,
  report_id uuid not null references reports (id),
  type text not null,
  from_status text,
  to_status text,
  decision text,
  reason text,
  -- what the unit wrote to the reporter (shown on the public tracking page)
  public_message text,
  actor_user_id uuid references users (id),
  agency_id uuid references agencies (id),
  details jsonb not null default '{}'::jsonb,
  created_at timestamptz not null
);
create index report_events_report on report_events (report_id, created_at);

create function report_events_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'report_events is append-only';
end
$$;
create trigger report_events_no_update_delete before update or delete on report_events
  for each row execute function report_events_append_only();

-- Messages to reporters (and later to others): written in the transaction that causes them, sent by a job.
create table notification_outbox (
  id uuid primary key,
  channel text not null check (channel in ('email', 'sms')),
  -- the address or number, AES-256-GCM
  recipient_encrypted text not null,
  template text not null,
  language text not null,
  params jsonb not null default '{}'::jsonb,
  subject text not null,
  body text not null,
  status text not null default 'pending' check (status in ('pending', 'sent', 'logged', 'failed')),
  attempts integer not null default 0,
  last_error text,
  report_id uuid references reports (id),
  created_at timestamptz not null,
  sent_at timestamptz
);
create index notification_outbox_pending on notification_outbox (created_at) where status = 'pending';
