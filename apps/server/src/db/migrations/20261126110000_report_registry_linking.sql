-- A report is acknowledged once it is stored with its evidence; its identifiers enter the registry right
-- after, in batches (ADR 0007). Until then they wait here: the registry entries to add a source to, with
-- the money sent to each, the transfers they are the target of, and the reporter's keyed hash (counted
-- once per entry). Null once linked.
alter table reports add column registry_pending jsonb;
create index reports_registry_pending on reports (received_at) where registry_pending is not null;
