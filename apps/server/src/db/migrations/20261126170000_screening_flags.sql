-- Accounts the mule detector flags from a bank's completed transfers (issue 7), waiting for the bank's
-- analysts: dismissed, or confirmed as fraud (listed in the registry; the police may be notified).
create table screening_flags (
  id uuid primary key,
  agency_id uuid not null references agencies (id),
  -- the account (bank and number), AES-256-GCM, and its keyed hash
  account_encrypted text not null,
  account_hash text not null,
  typology text not null check (typology in ('fan_in', 'fan_out', 'pass_through', 'cycle', 'many_new_accounts')),
  score integer not null,
  evidence jsonb not null,
  related_count integer not null,
  status text not null default 'pending' check (status in ('pending', 'dismissed', 'confirmed_fraud')),
  flagged_at timestamptz not null,
  reviewed_by uuid references users (id),
  reviewed_at timestamptz,
  review_note text,
  notice_request_id uuid references requests (id)
);
create index screening_flags_queue on screening_flags (agency_id, status, flagged_at);
