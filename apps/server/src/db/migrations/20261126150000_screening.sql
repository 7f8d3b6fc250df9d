-- Transfer screening (issue 7, ADR 0009): versioned rule sets per bank, and the decisions, idempotent by
-- the bank's transfer id.

create table screening_rule_sets (
  id uuid primary key,
  agency_id uuid not null references agencies (id),
  version integer not null check (version > 0),
  status text not null check (status in ('draft', 'published', 'retired')),
  -- the RuleSet contract as JSON; frozen once published
  body jsonb not null,
  -- a draft evaluated beside the published set on every decision (one per bank)
  shadow boolean not null default false,
  created_by uuid references users (id),
  created_at timestamptz not null,
  published_by uuid references users (id),
  published_at timestamptz,
  unique (agency_id, version)
);
create unique index screening_rule_sets_one_published on screening_rule_sets (agency_id) where status = 'published';
create unique index screening_rule_sets_one_shadow on screening_rule_sets (agency_id) where shadow;

create table screening_decisions (
  agency_id uuid not null references agencies (id),
  transfer_id text not null,
  action text not null check (action in ('allow', 'warn', 'step_up', 'hold', 'block')),
  score integer not null,
  rule_set_version text not null,
  -- the ScreeningDecision as answered
  decision jsonb not null,
  -- the transfer as received (account numbers, names): AES-256-GCM
  transfer_encrypted text not null,
  amount_vnd bigint not null,
  -- keyed hashes of the two accounts, for statistics and the review queue without the numbers
  payer_hash text not null,
  payee_hash text not null,
  -- where the shadow draft differed: { version, action, score, rules }
  shadow jsonb,
  decided_at timestamptz not null,
  primary key (agency_id, transfer_id)
);
create index screening_decisions_recent on screening_decisions (agency_id, decided_at desc);
create index screening_decisions_held on screening_decisions (agency_id, decided_at desc) where action in ('hold', 'block');
