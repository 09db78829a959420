/**
 * Her anonymous feedback: the printed plan carries a token link; the form needs no session, sets no
 * cookie and takes one answer per token; the tables cannot lead back to a case; counts come out
 * only through feedback_counts, for the roles that read statistics.
 */
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { setActor, withContext } from '../db/context.ts';
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
});
