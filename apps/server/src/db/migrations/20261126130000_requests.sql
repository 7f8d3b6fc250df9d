-- Inter-agency requests (issue 6, ADR 0008): holds and releases, information, takedowns, SIM actions and
-- suspicious-account notices; their append-only history; idempotency of API writes; webhooks with an
-- outbox and a delivery log; and the asset-recovery ledger.

-- How long a recipient has to answer, by kind of request (one row; minutes).
create table request_time_limits (
  id boolean primary key default true check (id),
  hold_minutes integer not null default 60 check (hold_minutes > 0),
  information_minutes integer not null default 1440 check (information_minutes > 0),
  takedown_minutes integer not null default 1440 check (takedown_minutes > 0),
  updated_by uuid references users (id),
  updated_at timestamptz not null default now()
);
insert into request_time_limits default values;

create table requests (
  id uuid primary key,
  -- YC-XXXXXXXX, read out on the phone
  code text not null unique,
  type text not null check (type in ('hold', 'release', 'hold_review', 'subscriber_info', 'domain_owner_info',
    'takedown', 'sim_action', 'suspicious_account_notice')),
  status text not null check (status in ('sent', 'acknowledged', 'answered', 'refused', 'cancelled')),
  sender_agency_id uuid not null references agencies (id),
  sender_user_id uuid references users (id),
  sender_api_key_id uuid references api_keys (id),
  recipient_agency_id uuid not null references agencies (id),
  report_id uuid references reports (id),
  case_id uuid references cases (id),
  -- the previous hop of a money trail, and which of its onward transfers this request follows
  parent_id uuid references requests (id),
  parent_transfer_index smallint,
  legal_basis text not null,
  reason text not null,
  -- what the request is about, in one line
  subject text not null,
  -- what was asked and answered, without personal data
  details jsonb not null,
  answer jsonb,
  -- personal fields of the details and the answer ({"details": …, "answer": …}), AES-256-GCM
  personal_encrypted text,
  refusal_reason text,
  amount_vnd bigint,
  held_vnd bigint,
  hold_expires_at timestamptz,
  hold_state text check (hold_state in ('active', 'released', 'expired')),
  sent_at timestamptz not null,
  due_at timestamptz not null,
  acknowledged_at timestamptz,
  answered_at timestamptz,
  closed_at timestamptz,
  escalation_level smallint not null default 0 check (escalation_level between 0 and 2),
  answered_by_user_id uuid references users (id),
  answered_by_api_key_id uuid references api_keys (id)
);
create index requests_recipient on requests (recipient_agency_id, status, due_at);
create index requests_sender on requests (sender_agency_id, sent_at desc);
create index requests_report on requests (report_id, sent_at) where report_id is not null;
create index requests_parent on requests (parent_id) where parent_id is not null;
create index requests_open_due on requests (due_at) where status in ('sent', 'acknowledged');
create index requests_active_holds on requests (hold_expires_at) where hold_state = 'active';
create unique index requests_forwarded_once on requests (parent_id, parent_transfer_index)
  where parent_transfer_index is not null;

-- The history of a request: append-only.
create table request_events (
  id uuid primary key,
  request_id uuid not null references requests (id),
  type text not null,
  reason text,
  actor_user_id uuid references users (id),
  actor_api_key_id uuid references api_keys (id),
  agency_id uuid references agencies (id),
  details jsonb not null default '{}'::jsonb,
  created_at timestamptz not null
);
create index request_events_request on request_events (request_id, created_at);

create function request_events_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'request_events is append-only';
end
$$;
create trigger request_events_no_update_delete before update or delete on request_events
  for each row execute function request_events_append_only();

-- API writes with an Idempotency-Key: the first answer is kept for 24 hours and given again.
create table idempotency_keys (
  principal_id text not null,
  key text not null,
  -- SHA-256 of the method, the path and the body
  fingerprint text not null,
  -- 0 while the first call runs
  status_code integer not null,
  response jsonb,
  created_at timestamptz not null,
  primary key (principal_id, key)
);
create index idempotency_keys_created on idempotency_keys (created_at);

create table webhooks (
  id uuid primary key,
  agency_id uuid not null references agencies (id),
  url text not null,
  events text[] not null,
  secret_encrypted text not null,
  active boolean not null default true,
  created_by uuid references users (id),
  created_at timestamptz not null,
  removed_at timestamptz
);
create index webhooks_agency on webhooks (agency_id) where active;

-- The outbox of events to post, written in the transaction that causes them.
create table webhook_events (
  id uuid primary key,
  webhook_id uuid not null references webhooks (id),
  type text not null,
  payload jsonb not null,
  status text not null default 'pending' check (status in ('pending', 'delivered', 'failed')),
  attempts integer not null default 0,
  next_attempt_at timestamptz not null,
  created_at timestamptz not null,
  delivered_at timestamptz
);
create index webhook_events_due on webhook_events (next_attempt_at) where status = 'pending';

-- Every attempt to post an event.
create table webhook_deliveries (
  id uuid primary key,
  event_id uuid not null references webhook_events (id),
  webhook_id uuid not null references webhooks (id),
  attempt integer not null,
  status text not null check (status in ('delivered', 'failed')),
  response_status integer,
  duration_ms integer not null,
  error text,
  response_excerpt text,
  created_at timestamptz not null
);
create index webhook_deliveries_webhook on webhook_deliveries (webhook_id, created_at desc);

-- The asset-recovery ledger: money held, released and returned to the victim, each with the bank's
-- confirmation. Money lost is the report's. Append-only.
create table recovery_ledger (
  id uuid primary key,
  report_id uuid references reports (id),
  request_id uuid references requests (id),
  kind text not null check (kind in ('held', 'released', 'returned')),
  amount_vnd bigint not null check (amount_vnd > 0),
  bank text,
  confirmation text,
  note text,
  agency_id uuid references agencies (id),
  recorded_by_user_id uuid references users (id),
  recorded_by_api_key_id uuid references api_keys (id),
  created_at timestamptz not null
);
create index recovery_ledger_report on recovery_ledger (report_id, created_at) where report_id is not null;
create index recovery_ledger_request on recovery_ledger (request_id) where request_id is not null;

create function recovery_ledger_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'recovery_ledger is append-only';
end
$$;
create trigger recovery_ledger_no_update_delete before update or delete on recovery_ledger
  for each row execute function recovery_ledger_append_only();
