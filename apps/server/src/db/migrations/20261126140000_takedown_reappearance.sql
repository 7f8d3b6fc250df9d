-- A takedown's target as registry keys (the identifier's, and its site's for a link), so that a target
-- that reappears in later reports is flagged on the takedown (issue 6).
alter table requests add column target_keys text[] not null default '{}';
