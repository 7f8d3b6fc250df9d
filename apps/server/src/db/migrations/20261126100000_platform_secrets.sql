-- Secrets the platform creates for itself, each encrypted with the data key (envelope encryption): the key
-- of the keyed hashes in registry keys (cards) and in reporter counting (ADR 0006). Rotating the data key
-- re-encrypts these values; the secrets themselves, and so the hashes, stay the same.
create table platform_secrets (
  name text primary key,
  value_encrypted text not null,
  created_at timestamptz not null default now()
);
