-- Held and blocked transfers wait for a bank analyst's review (issue 7): released, or confirmed as fraud
-- (which lists the payee account in the registry and may notify the police).
alter table screening_decisions
  add column review_status text check (review_status in ('pending', 'released', 'confirmed_fraud')),
  add column reviewed_by uuid references users (id),
  add column reviewed_at timestamptz,
  add column review_note text,
  add column notice_request_id uuid references requests (id);
update screening_decisions set review_status = 'pending' where action in ('hold', 'block');
create index screening_decisions_review on screening_decisions (agency_id, decided_at)
  where review_status = 'pending';
