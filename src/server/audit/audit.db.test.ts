import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { withContext } from '../db/context.ts';
import { makeOrg, makeUser, openTestAppPerFile, openTestDb, signIn } from '../testing/harness.ts';
import { recordAudit } from './record.ts';
import { verifyAuditChain } from './verify.ts';

const t = openTestAppPerFile();

async function appendSome(n: number) {
  for (let i = 0; i < n; i++) {
    await withContext(t.db, (tx) =>
      recordAudit(tx, null, { action: 'auth.login', outcome: 'failure', details: { i } }),
    );
  }
}

/** Changes audit rows as the database owner would, bypassing the append-only triggers. */
async function tamper(statements: ReturnType<typeof sql>[]) {
  await t.db.owner.transaction().execute(async (tx) => {
    await sql`SET LOCAL session_replication_role = replica`.execute(tx);
    for (const statement of statements) await statement.execute(tx);
  });
}

describe('audit chain', () => {
  it('verifies an intact chain, in numeric order past seq 9', async () => {
    await appendSome(25);
    const report = await verifyAuditChain(t.db.owner);
    expect(report.ok).toBe(true);
    expect(report.checked).toBeGreaterThanOrEqual(25);
  });

  it('cannot be changed or deleted by the t.app role', async () => {
    await appendSome(1);
    await expect(
      withContext(t.db, (tx) => sql`UPDATE audit_log SET outcome = 'success'`.execute(tx)),
    ).rejects.toThrow();
    await expect(withContext(t.db, (tx) => sql`DELETE FROM audit_log`.execute(tx))).rejects.toThrow();
    await expect(sql`DELETE FROM audit_log`.execute(t.db.owner)).rejects.toThrow(/append-only/);
  });

  it.each([
    // an edited row fails its own hash
    [
      'an edited row',
      [sql`UPDATE audit_log SET outcome = 'success' WHERE seq = 3`],
      { seq: '3', reason: 'hash_mismatch' },
    ],
    // a deleted row leaves a gap: the chain breaks at the row that followed it
    ['a deleted row', [sql`DELETE FROM audit_log WHERE seq = 3`], { seq: '4', reason: 'sequence_gap' }],
    [
      'two swapped rows',
      [
        sql`UPDATE audit_log SET seq = -1 WHERE seq = 3`,
        sql`UPDATE audit_log SET seq = 3 WHERE seq = 4`,
        sql`UPDATE audit_log SET seq = 4 WHERE seq = -1`,
      ],
      { seq: '3', reason: 'prev_hash_mismatch' },
    ],
    ['a removed tail', [sql`DELETE FROM audit_log WHERE seq = 6`], { seq: '6', reason: 'missing_tail' }],
  ])('detects %s at that row', async (_name, change, expected) => {
    const fresh = await openTestDb();
    const original = t.db;
    t.db = fresh;
    try {
      await appendSome(6);
      await tamper(change);
      const report = await verifyAuditChain(t.db.owner);
      expect(report.ok).toBe(false);
      expect(report.broken).toEqual(expected);
    } finally {
      t.db = original;
      await fresh.close();
    }
  });
});

describe('audit search', () => {
  it('shows a DPO their organisation’s trail, and everyone else only their own actions', async () => {
    const orgA = await makeOrg(t.db);
    const orgB = await makeOrg(t.db);
    const dpo = await makeUser(t.db, t.config, { organisationId: orgA, roles: ['dpo'] });
    const colleague = await makeUser(t.db, t.config, { organisationId: orgA, roles: ['centre_operator'] });
    const outsider = await makeUser(t.db, t.config, { organisationId: orgB, roles: ['dpo'] });
    await signIn(t.app, t.db, colleague);
    const s = await signIn(t.app, t.db, dpo);
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/audit?actor=${colleague.id}`, headers: s.headers });
    expect(res.statusCode).toBe(200);
    const actions = res.json().items.map((i: { action: string }) => i.action);
    expect(actions).toContain('auth.totp');
    const so = await signIn(t.app, t.db, outsider);
    const peek = await t.app.inject({ method: 'GET', url: `/api/v1/audit?actor=${colleague.id}`, headers: so.headers });
    expect(peek.json().items).toEqual([]);
    const cs = await signIn(t.app, t.db, colleague);
    const own = await t.app.inject({ method: 'GET', url: '/api/v1/audit', headers: cs.headers });
    const actors = new Set(own.json().items.map((i: { actorUserId: string }) => i.actorUserId));
    expect([...actors]).toEqual([colleague.id]);
    const dated = await t.app.inject({
      method: 'GET',
      url: `/api/v1/audit?from=2000-01-01&to=2000-01-02`,
      headers: s.headers,
    });
    expect(dated.json().items).toEqual([]);
    const badDate = await t.app.inject({ method: 'GET', url: `/api/v1/audit?from=ieri`, headers: s.headers });
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().fields[0].field).toContain('from');
  });
});
