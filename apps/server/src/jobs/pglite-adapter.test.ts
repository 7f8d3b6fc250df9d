import PgBoss from 'pg-boss';
import { describe, expect, it } from 'vitest';
import { withoutExplicitTransaction } from './pglite-adapter.js';

describe('withoutExplicitTransaction', () => {
  it("unwraps pg-boss's schema creation into one implicit transaction, keeping its lock and commands", () => {
    const plan = PgBoss.getConstructionPlans('pgboss');
    const text = withoutExplicitTransaction(plan);
    expect(plan).toMatch(/^\s*BEGIN;/);
    expect(text).not.toMatch(/^\s*BEGIN\s*;/i);
    expect(text).not.toMatch(/COMMIT\s*;?\s*$/i);
    expect(text).toContain('SET LOCAL lock_timeout');
    expect(text).toContain('pg_advisory_xact_lock');
    expect(text).toContain('CREATE FUNCTION pgboss.create_queue');
    expect(text).toContain("INSERT INTO pgboss.version(version) VALUES ('24')");
  });

  it("unwraps pg-boss's migration texts the same way", () => {
    const text = withoutExplicitTransaction(PgBoss.getMigrationPlans('pgboss', '23'));
    expect(text).not.toMatch(/^\s*BEGIN\s*;/i);
    expect(text).toContain("UPDATE pgboss.version SET version = '24'");
  });

  it('leaves single statements and function bodies alone', () => {
    const fetch = 'SELECT version from pgboss.version';
    expect(withoutExplicitTransaction(fetch)).toBe(fetch);
    const body = `CREATE FUNCTION f() RETURNS void AS $$ BEGIN PERFORM 1; END; $$ LANGUAGE plpgsql`;
    expect(withoutExplicitTransaction(body)).toBe(body);
  });

  it('refuses a transaction text it does not recognise rather than risk an aborted session', () => {
    expect(() => withoutExplicitTransaction('BEGIN; SELECT 1; ROLLBACK;')).toThrow(/does not recognise/);
  });
});
