import { describe, expect, it } from 'vitest';
import { setActor, withContext } from '../db/context.ts';
import { makeCtx } from '../http/request-context.ts';
import { auditRows, makeOrg, makeUser, openTestAppPerFile, type Signed, signIn, sql } from '../testing/harness.ts';
import { sweepDrafts } from './drafts.ts';

const t = openTestAppPerFile();

// what she typed, that must never be readable in the table, the audit trail or the logs
const CANARY = { firstName: 'Ottavia', lastName: 'Canarossi-Draft', taxCode: 'CNRTTV85T50F205X' };
const intake = (over: object = {}) => ({
  content: {
    step: 2,
    taken: '2026-11-30',
    anonymous: false,
    identity: { ...CANARY, phone: '+39 333 0001122' },
    profile: { employment: 'unemployed' },
    ...over,
  },
});

async function centre() {
  const orgId = await makeOrg(t.db, { type: 'cav' });
  const user = await makeUser(t.db, t.config, { organisationId: orgId, roles: ['centre_operator'] });
  const s = await signIn(t.app, t.db, user);
  return { orgId, user, s };
}
const call = (s: Signed, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
  t.app.inject({ method, url: `/api/v1${url}`, headers: s.headers, ...(payload ? { payload } : {}) });

describe('form drafts', () => {
  it('keeps her intake sealed: read back by her, never in clear in the table, the audit trail or the logs', async () => {
    const { s, user } = await centre();
    expect((await call(s, 'GET', '/drafts/intake')).json()).toEqual({ draft: null });
    const saved = await call(s, 'PUT', '/drafts/intake', intake());
    expect(saved.statusCode).toBe(200);
    const { id, savedAt, expiresAt } = saved.json();
    const days = (Date.parse(expiresAt) - Date.parse(savedAt)) / 86_400_000;
    expect(days).toBeCloseTo(14, 3);

    // a second save replaces the first: one draft per author and form
    const again = await call(s, 'PUT', '/drafts/intake', intake({ step: 3 }));
    expect(again.json().id).toBe(id);
    const read = await call(s, 'GET', '/drafts/intake');
    expect(read.json().draft).toMatchObject({ id, content: intake({ step: 3 }).content });

    const rows = await sql<Record<string, unknown>>`SELECT * FROM form_drafts WHERE user_id = ${user.id}`.execute(
      t.db.owner,
    );
    expect(rows.rows).toHaveLength(1);
    const stored = JSON.stringify(rows.rows);
    for (const v of [...Object.values(CANARY), '0001122', 'unemployed', 'Ottavia']) expect(stored).not.toContain(v);
    const audit = JSON.stringify(await auditRows(t.db));
    for (const v of Object.values(CANARY)) expect(audit).not.toContain(v);
    for (const v of Object.values(CANARY)) expect(t.logs.join('')).not.toContain(v);
    const mine = (await auditRows(t.db)).filter((r) => r.subject_id === id).map((r) => r.action);
    expect(mine).toEqual(['draft.save', 'draft.save', 'draft.read']);
  });

  it('is hers alone: a colleague, another centre, the DPO and a CPI referent neither read nor overwrite it', async () => {
    const { s, orgId, user } = await centre();
    await call(s, 'PUT', '/drafts/intake', intake());
    const colleague = await signIn(
      t.app,
      t.db,
      await makeUser(t.db, t.config, { organisationId: orgId, roles: ['centre_operator'] }),
    );
    expect((await call(colleague, 'GET', '/drafts/intake')).json()).toEqual({ draft: null });
    const other = (await centre()).s;
    expect((await call(other, 'GET', '/drafts/intake')).json()).toEqual({ draft: null });
    const dpo = await signIn(t.app, t.db, await makeUser(t.db, t.config, { organisationId: orgId, roles: ['dpo'] }));
    expect((await call(dpo, 'GET', '/drafts/intake')).statusCode).toBe(404);
    expect((await call(dpo, 'PUT', '/drafts/intake', intake())).statusCode).toBe(404);
    const cpiOrg = await makeOrg(t.db, { type: 'employment_centre' });
    const cpi = await signIn(
      t.app,
      t.db,
      await makeUser(t.db, t.config, { organisationId: cpiOrg, roles: ['cpi_referent'] }),
    );
    expect((await call(cpi, 'GET', '/drafts/intake')).statusCode).toBe(404);
    // the colleague saving her own draft makes a second row; hers is unchanged
    await call(colleague, 'PUT', '/drafts/intake', intake({ step: 0 }));
    expect((await call(s, 'GET', '/drafts/intake')).json().draft.content.step).toBe(2);

    // under row-level security, as the colleague, her row does not exist (nor can it be changed or deleted)
    const seen = await withContext(t.db, async (tx) => {
      await setActor(tx, { userId: crypto.randomUUID(), organisationId: orgId, roles: ['centre_operator'] });
      const rows = await tx.selectFrom('form_drafts').select('id').where('user_id', '=', user.id).execute();
      const del = await tx.deleteFrom('form_drafts').where('user_id', '=', user.id).executeTakeFirst();
      return { rows: rows.length, deleted: Number(del.numDeletedRows) };
    });
    expect(seen).toEqual({ rows: 0, deleted: 0 });
    expect((await call(s, 'GET', '/drafts/intake')).json().draft).not.toBeNull();
  });

  it('a sealed draft moved to another author does not open (bound to author, form and case)', async () => {
    const { s, orgId, user } = await centre();
    await call(s, 'PUT', '/drafts/intake', intake());
    const thief = await makeUser(t.db, t.config, { organisationId: orgId, roles: ['centre_operator'] });
    const ts = await signIn(t.app, t.db, thief);
    await t.db.owner.updateTable('form_drafts').set({ user_id: thief.id }).where('user_id', '=', user.id).execute();
    const res = await call(ts, 'GET', '/drafts/intake');
    expect(res.statusCode).toBe(500);
    expect(res.body).not.toContain(CANARY.lastName);
  });

  it('is deleted when the intake is submitted, and on discard', async () => {
    const { s, user } = await centre();
    await call(s, 'PUT', '/drafts/intake', intake());
    const created = await call(s, 'POST', '/cases', { takenInChargeOn: '2026-11-30' } as object);
    expect(created.statusCode).toBe(201);
    expect((await call(s, 'GET', '/drafts/intake')).json()).toEqual({ draft: null });
    const count = async () =>
      Number(
        (
          await sql<{ n: number }>`SELECT count(*)::int AS n FROM form_drafts WHERE user_id = ${user.id}`.execute(
            t.db.owner,
          )
        ).rows[0]?.n,
      );
    expect(await count()).toBe(0);
    await call(s, 'PUT', '/drafts/intake', intake());
    expect((await call(s, 'DELETE', '/drafts/intake')).statusCode).toBe(204);
    expect(await count()).toBe(0);
    const actions = (await auditRows(t.db)).filter((r) => r.actor_user_id === user.id).map((r) => r.action);
    expect(actions.filter((a) => a === 'draft.discard')).toHaveLength(2);
  });

  it('a needs-analysis draft belongs to a case of her centre, and goes when the analysis is recorded', async () => {
    const { s } = await centre();
    const caseId = (await call(s, 'POST', '/cases', { takenInChargeOn: '2026-11-30' } as object)).json().id;
    const body = { caseId, content: { assessedOn: '2026-12-01', answers: { monthly_income: 'none' } } };
    expect((await call(s, 'PUT', '/drafts/needs_assessment', { content: {} })).statusCode).toBe(400);
    expect((await call(s, 'PUT', '/drafts/intake', body)).statusCode).toBe(400);
    expect((await call(s, 'PUT', '/drafts/needs_assessment', body)).statusCode).toBe(200);
    const other = (await centre()).s;
    expect((await call(other, 'PUT', '/drafts/needs_assessment', body)).statusCode).toBe(404);
    expect((await call(other, 'GET', `/drafts/needs_assessment?caseId=${caseId}`)).statusCode).toBe(404);
    const read = await call(s, 'GET', `/drafts/needs_assessment?caseId=${caseId}`);
    expect(read.json().draft.content).toEqual(body.content);
    const recorded = await call(s, 'POST', `/cases/${caseId}/needs-assessments`, {
      questionnaireVersion: (await call(s, 'GET', '/needs/questionnaire')).json().version,
      assessedOn: '2026-12-01',
      answers: {},
    });
    expect(recorded.statusCode).toBe(201);
    expect((await call(s, 'GET', `/drafts/needs_assessment?caseId=${caseId}`)).json()).toEqual({ draft: null });
  });

  it('expires 14 days after the last save: unreadable at once, deleted by the sweep (audited as a count)', async () => {
    const { s, user } = await centre();
    await call(s, 'PUT', '/drafts/intake', intake());
    await t.db.owner
      .updateTable('form_drafts')
      .set({ expires_at: sql`now() - interval '1 minute'` })
      .where('user_id', '=', user.id)
      .execute();
    expect((await call(s, 'GET', '/drafts/intake')).json()).toEqual({ draft: null });
    const deleted = await withContext(t.db, (tx) => sweepDrafts(makeCtx(tx, null)));
    expect(deleted).toBeGreaterThanOrEqual(1);
    const left = await sql`SELECT 1 FROM form_drafts WHERE user_id = ${user.id}`.execute(t.db.owner);
    expect(left.rows).toHaveLength(0);
    const last = (await auditRows(t.db)).filter((r) => r.action === 'draft.expire').at(-1);
    expect(last?.details).toMatchObject({ deleted });
    // a live draft is left alone
    await call(s, 'PUT', '/drafts/intake', intake());
    expect(await withContext(t.db, (tx) => sweepDrafts(makeCtx(tx, null)))).toBe(0);
    expect((await call(s, 'GET', '/drafts/intake')).json().draft).not.toBeNull();
  });
});
