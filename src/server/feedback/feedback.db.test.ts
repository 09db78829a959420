/**
 * Her anonymous feedback: the printed plan carries a token link; the form needs no session, sets no
 * cookie and takes one answer per token; the tables cannot lead back to a case; counts come out
 * only through feedback_counts, for the roles that read statistics.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { DashboardAnswer, PublishedTable } from '../../shared/observatory/types.ts';
import { sha256 } from '../auth/tokens.ts';
import { todayInItaly } from '../db/dates.ts';
import { setActor, withContext } from '../db/context.ts';
import { answerFeedback, newFeedbackToken } from './tokens.ts';
import { makeOrg, makeUser, openTestAppPerFile, signIn } from '../testing/harness.ts';
import { pdfText } from '../testing/pdf-text.ts';

const t = openTestAppPerFile();

async function printedToken(): Promise<{ token: string; orgId: string; caseId: string }> {
  const orgId = await makeOrg(t.db, { type: 'cav' });
  const user = await makeUser(t.db, t.config, { organisationId: orgId, roles: ['centre_operator'] });
  const s = await signIn(t.app, t.db, user);
  const made = await t.app.inject({
    method: 'POST',
    url: '/api/v1/cases',
    headers: s.headers,
    payload: { takenInChargeOn: '2026-01-10', identity: { firstName: 'Zenobia', lastName: 'Canarino' } },
  });
  expect(made.statusCode).toBe(201);
  const caseId = (made.json() as { id: string }).id;
  const pdf = await t.app.inject({
    method: 'GET',
    url: `/api/v1/cases/${caseId}/plan/print?lang=en`,
    headers: s.headers,
  });
  expect(pdf.statusCode).toBe(200);
  const text = pdfText(pdf.rawPayload).replace(/\s+/g, ' ');
  expect(text).toContain('Il tuo parere, anonimo');
  expect(text).toContain('Your opinion, anonymous');
  const token = /https:\/\/percorsi\.test\/parere\/([A-Za-z0-9_-]{22})/.exec(text)?.[1];
  expect(token).toBeTruthy();
  return { token: token as string, orgId, caseId };
}

const form = (token: string, body: string, lang = '') =>
  t.app.inject({
    method: 'POST',
    url: `/parere/${token}${lang}`,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: body,
  });

describe('women’s anonymous feedback', () => {
  it('the plan PDF links to a form that needs no login, sets no cookie and takes one answer', async () => {
    const { token } = await printedToken();
    for (const url of [`/parere/${token}`, `/parere/${token}/en`]) {
      const page = await t.app.inject({ method: 'GET', url });
      expect(page.statusCode).toBe(200);
      expect(page.headers['set-cookie']).toBeUndefined();
      expect(page.headers['content-security-policy']).toContain("script-src 'self'");
      expect(page.headers['cache-control']).toBe('no-store');
      expect(page.body).not.toContain('<script');
      expect(page.body).toContain('<form method="post"');
    }
    expect((await t.app.inject({ method: 'GET', url: `/parere/${token}` })).body).toContain(
      'Al centre ti sei sentita ascoltata?'.replace('centre', 'centro'),
    );
    expect((await t.app.inject({ method: 'GET', url: `/parere/${token}/en` })).body).toContain(
      'Did you feel listened to',
    );

    // nothing valid answered: the form again, with its error
    const empty = await form(token, 'listened=maybe');
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Rispondi ad almeno una domanda');

    const first = await form(token, 'listened=yes&referral_helped=partly&missing=work&missing=housing', '/en');
    expect(first.statusCode).toBe(200);
    expect(first.headers['set-cookie']).toBeUndefined();
    expect(first.body).toContain('Your opinion has arrived');

    const second = await form(token, 'listened=no');
    expect(second.statusCode).toBe(409);
    expect(second.body).toContain('Hai già risposto');
    const again = await t.app.inject({ method: 'GET', url: `/parere/${token}` });
    expect(again.body).toContain('Hai già risposto');
    expect(again.body).not.toContain('<form');

    const rows = await sql<{
      question: string;
      answer: string;
    }>`SELECT question, answer FROM feedback_answers ORDER BY 1, 2`.execute(t.db.owner);
    expect(rows.rows).toEqual([
      { question: 'listened', answer: 'yes' },
      { question: 'missing', answer: 'housing' },
      { question: 'missing', answer: 'work' },
      { question: 'referral_helped', answer: 'partly' },
    ]);
  });

  it('an unknown or malformed token is a 404 page, and no answer is recorded', async () => {
    for (const token of ['AAAAAAAAAAAAAAAAAAAAAA', 'short', '..%2F..']) {
      const page = await t.app.inject({ method: 'GET', url: `/parere/${token}` });
      expect(page.statusCode).toBe(404);
      expect((await form(token, 'listened=yes')).statusCode).toBe(404);
    }
  });

  it('the tables hold no case, plan or user, and the app role cannot read them', async () => {
    const { caseId } = await printedToken();
    const cols = await sql<{ table_name: string; column_name: string }>`
      SELECT table_name, column_name FROM information_schema.columns
      WHERE table_name IN ('feedback_tokens', 'feedback_answers') ORDER BY 1, 2`.execute(t.db.owner);
    expect(cols.rows.map((c) => `${c.table_name}.${c.column_name}`)).toEqual([
      'feedback_answers.answer',
      'feedback_answers.organisation_id',
      'feedback_answers.plan_month',
      'feedback_answers.question',
      'feedback_tokens.answered',
      'feedback_tokens.organisation_id',
      'feedback_tokens.plan_month',
      'feedback_tokens.token_hash',
    ]);
    const all = await sql<{ row: string }>`SELECT row_to_json(t)::text AS row FROM feedback_tokens t`.execute(
      t.db.owner,
    );
    for (const r of all.rows) expect(r.row).not.toContain(caseId);
    for (const table of ['feedback_tokens', 'feedback_answers']) {
      await expect(
        withContext(t.db, async (tx) => {
          await sql`SELECT * FROM ${sql.table(table)}`.execute(tx);
        }),
      ).rejects.toThrow(/permission denied/);
    }
  });

  it('counts come out only for the roles that read statistics', async () => {
    const { token, orgId } = await printedToken();
    expect((await form(token, 'plan_own=partly')).statusCode).toBe(200);
    const counts = (roles: string[]) =>
      withContext(t.db, async (tx) => {
        await setActor(tx, { userId: crypto.randomUUID(), organisationId: orgId, roles: roles as never });
        const r = await sql<{
          n: string;
        }>`SELECT n FROM feedback_counts('2000-01-01', '2100-12-31') WHERE question = 'plan_own'`.execute(tx);
        return r.rows.length;
      });
    expect(await counts(['control_room_member'])).toBe(1);
    expect(await counts(['centre_operator'])).toBe(0);
    expect(await counts(['cpi_referent'])).toBe(0);
  });

  it('the observatory counts the answers by centre and network, suppressed, for each reader her scope', async () => {
    const network = `test-${randomUUID().slice(0, 8)}`;
    await t.db.owner
      .insertInto('networks')
      .values({ id: network, name: `Rete ${network}`, has_shelters: false })
      .execute();
    const centre = await makeOrg(t.db, { type: 'cav' });
    const other = await makeOrg(t.db, { type: 'cav' });
    for (const o of [centre, other])
      await t.db.owner
        .insertInto('organisation_networks')
        .values({ organisation_id: o, network_id: network })
        .execute();
    const month = `${todayInItaly().slice(0, 7)}-01`;
    const answer = async (orgId: string, pairs: string[]) => {
      const token = newFeedbackToken();
      await sql`INSERT INTO feedback_tokens (token_hash, organisation_id, plan_month)
        VALUES (${sha256(token)}, ${orgId}::uuid, ${month}::date)`.execute(t.db.owner);
      await withContext(t.db, async (tx) => {
        expect(await answerFeedback(tx, token, pairs)).toBe('saved');
      });
    };
    for (let i = 0; i < 6; i++) await answer(centre, ['listened:yes', 'missing:work', 'missing:housing']);
    await answer(centre, ['listened:no']);
    for (let i = 0; i < 7; i++) await answer(other, ['listened:yes']);

    const read = async (orgId: string, roles: string[], query: string) => {
      const u = await makeUser(t.db, t.config, { organisationId: orgId, roles: roles as never });
      const s = await signIn(t.app, t.db, u);
      return t.app.inject({
        method: 'GET',
        url: `/api/v1/observatory/dashboards/feedback?${query}`,
        headers: s.headers,
      });
    };
    const period = `period=year:${month.slice(0, 4)}`;
    const control = await read(
      await makeOrg(t.db, { type: 'metro_city' }),
      ['control_room_member'],
      `${period}&by=centre&network=${network}`,
    );
    expect(control.statusCode, control.body).toBe(200);
    const tables = (control.json() as DashboardAnswer).tables;
    const listened = tables.find((x) => x.indicator.code === 'feedback.listened') as PublishedTable;
    const cell = (tb: PublishedTable, row: string, col: string) =>
      tb.cells[tb.rows.findIndex((r) => r.key === row)]?.[tb.columns.findIndex((c) => c.key === col)];
    // a published cell is the true count; the small one is hidden as "<5"; its partners as "n.d."
    const truth: Record<string, Record<string, number>> = { [centre]: { yes: 6, no: 1 }, [other]: { yes: 7 } };
    const checkCells = (tb: PublishedTable, counts: Record<string, Record<string, number>>) => {
      for (const [r, row] of tb.rows.entries())
        for (const [c, col] of tb.columns.entries()) {
          const got = tb.cells[r]?.[c];
          const want = counts[row.key]?.[col.key] ?? 0;
          if (got?.status === 'published') expect(got.value, `${row.key} ${col.key}`).toBe(want);
          else expect(got?.value).toBeNull();
          if (want >= 1 && want < 5) expect(got?.status).toBe('small');
        }
    };
    checkCells(listened, truth);
    expect(cell(listened, centre, 'no')?.status).toBe('small');
    const missing = tables.find((x) => x.indicator.code === 'feedback.missing') as PublishedTable;
    expect(cell(missing, centre, 'housing')).toEqual({ value: 6, status: 'published' });
    // several answers per woman: no row totals to subtract from
    expect(missing.rowTotals.every((c) => c.status === 'no_data' || c.value === null)).toBe(true);

    // by network: one row, her network
    const byNetwork = await read(
      await makeOrg(t.db, { type: 'metro_city' }),
      ['control_room_member'],
      `${period}&by=network&network=${network}`,
    );
    const net = (byNetwork.json() as DashboardAnswer).tables.find(
      (x) => x.indicator.code === 'feedback.listened',
    ) as PublishedTable;
    checkCells(net, { [network]: { yes: 13, no: 1 } });
    expect(cell(net, network, 'no')?.status).toBe('small');

    // a centre's administrator: her centre only, unsuppressed
    const own = await read(centre, ['org_admin'], `${period}&by=centre`);
    expect(own.statusCode, own.body).toBe(200);
    const ownListened = (own.json() as DashboardAnswer).tables.find(
      (x) => x.indicator.code === 'feedback.listened',
    ) as PublishedTable;
    expect(ownListened.rows.map((r) => r.key)).toEqual([centre]);
    expect(cell(ownListened, centre, 'no')).toEqual({ value: 1, status: 'published' });

    // another network's coordinator, a platform administrator, a centre operator: nothing
    const elsewhere = await makeOrg(t.db, { type: 'metro_city' });
    const otherNet = `test-${randomUUID().slice(0, 8)}`;
    await t.db.owner
      .insertInto('networks')
      .values({ id: otherNet, name: `Rete ${otherNet}`, has_shelters: false })
      .execute();
    await t.db.owner
      .insertInto('organisation_networks')
      .values({ organisation_id: elsewhere, network_id: otherNet })
      .execute();
    expect((await read(elsewhere, ['network_coordinator'], `${period}&by=centre&network=${network}`)).statusCode).toBe(
      404,
    );
    expect((await read(centre, ['centre_operator'], `${period}&by=centre`)).statusCode).toBe(404);
    const counts = (orgId: string, roles: string[]) =>
      withContext(t.db, async (tx) => {
        await setActor(tx, { userId: randomUUID(), organisationId: orgId, roles: roles as never });
        const r = await sql<{
          n: string;
        }>`SELECT n FROM feedback_counts('2000-01-01', '2100-12-31') WHERE organisation_id = ${centre}::uuid`.execute(
          tx,
        );
        return r.rows.length;
      });
    expect(await counts(elsewhere, ['network_coordinator'])).toBe(0);
    expect(await counts(elsewhere, ['platform_admin'])).toBe(0);
    expect(await counts(other, ['org_admin'])).toBe(0);
    expect(await counts(centre, ['org_admin'])).toBeGreaterThan(0);
  });
});
