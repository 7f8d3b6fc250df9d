-- The suspicious-indicator registry (danh sách nghi vấn), its sources, history, allowlist, appeals and
-- anonymous check counters.

create table indicators (
  id uuid primary key,
  kind text not null,
  key text not null unique,
  display text not null,
  status text not null check (status in ('reported', 'verifying', 'confirmed_scam', 'cleared', 'expired')),
  -- 0–100: how sure the registry is that this is used for fraud
  confidence smallint not null default 0 check (confidence between 0 and 100),
  scam_methods text[] not null default '{}',
  first_seen_at timestamptz not null,
  last_seen_at timestamptz not null,
  -- reports from distinct reporters (a reporter is counted once per indicator)
  report_count integer not null default 0,
  reported_loss_vnd bigint not null default 0,
  sharing text not null default 'public' check (sharing in ('public', 'agencies', 'police')),
  -- unconfirmed entries lapse unless seen again; confirmed ones may carry a review date
  expires_at timestamptz,
  details jsonb not null default '{}'::jsonb,
  -- the police unit that decided the current status
  decided_by_agency_id uuid references agencies (id),
  status_reason text,
  status_changed_at timestamptz not null,
  merged_into_id uuid references indicators (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index indicators_status on indicators (status, last_seen_at desc);
create index indicators_kind on indicators (kind, last_seen_at desc);
create index indicators_expires_at on indicators (expires_at) where expires_at is not null;

create table indicator_sources (
  id uuid primary key,
  indicator_id uuid not null references indicators (id),
  source_type text not null check (source_type in ('report', 'agency', 'import')),
  -- a report's id, an import batch's id, or an agency's reference
  source_ref text,
  agency_id uuid references agencies (id),
  -- a keyed hash of who reported, to count independent reports without keeping who it was
  reporter_hash text,
  scam_method text,
  loss_vnd bigint,
  evidence_url text,
  note text,
  created_by uuid references users (id),
  created_at timestamptz not null
);
create index indicator_sources_indicator on indicator_sources (indicator_id, created_at);
create unique index indicator_sources_one_per_reporter on indicator_sources (indicator_id, reporter_hash) where reporter_hash is not null;

create table indicator_events (
  id uuid primary key,
  indicator_id uuid not null references indicators (id),
  event text not null,
  from_status text,
  to_status text,
  reason text,
  actor_user_id uuid references users (id),
  actor_agency_id uuid references agencies (id),
  details jsonb not null default '{}'::jsonb,
  created_at timestamptz not null
);
create index indicator_events_indicator on indicator_events (indicator_id, created_at);

create table allowlist (
  id uuid primary key,
  kind text not null,
  key text not null unique,
  display text not null,
  organisation text not null,
  category text not null check (category in ('bank', 'ewallet', 'telco', 'government', 'platform', 'hotline', 'other')),
  source text not null,
  note text,
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  -- removed entries are kept, so that a shipped official identifier an administrator removed is not added
  -- back at the next start
  removed_at timestamptz,
  removed_by uuid references users (id)
);

create table appeals (
  id uuid primary key,
  indicator_id uuid not null references indicators (id),
  tracking_code text not null unique,
  secret_hash text not null,
  -- who appeals and how to reach them: encrypted (AES-256-GCM), read only by the deciding police unit
  contact_encrypted text not null,
  reasons text not null,
  status text not null check (status in ('submitted', 'upheld', 'rejected')),
  due_at timestamptz not null,
  decided_at timestamptz,
  decided_by uuid references users (id),
  decision_reason text,
  created_at timestamptz not null
);
create index appeals_status_due on appeals (status, due_at);
create index appeals_indicator on appeals (indicator_id);

-- Checks are counted per day, kind and verdict; who asked is never stored.
create table check_counts (
  day text not null check (day ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
  kind text not null,
  verdict text not null,
  count integer not null default 0,
  primary key (day, kind, verdict)
);

-- A police agency lets another agency (a bank for accounts, the department of science and technology for
-- sites) confirm, clear and merge registry entries of some kinds.
create table registry_delegations (
  id uuid primary key,
  police_agency_id uuid not null references agencies (id),
  delegate_agency_id uuid not null references agencies (id),
  kinds text[] not null,
  reason text not null,
  created_by uuid references users (id),
  created_at timestamptz not null,
  revoked_at timestamptz,
  revoked_by uuid references users (id)
);
create index registry_delegations_delegate on registry_delegations (delegate_agency_id) where revoked_at is null;
