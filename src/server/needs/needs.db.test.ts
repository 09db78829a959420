import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { auditRows, makeOrg, makeUser, openTestAppPerFile, type Signed, signIn } from '../testing/harness.ts';

const t = openTestAppPerFile();

async function centre() {
  const orgId = await makeOrg(t.db, { type: 'cav' });
  const operator = await makeUser(t.db, t.config, { organisationId: orgId, roles: ['centre_operator'] });
  return { orgId, operator, s: await signIn(t.app, t.db, operator) };
}
async function openCase(s: Signed) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/cases',
    headers: s.headers,
    payload: { takenInChargeOn: '2026-01-10' },
  });
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string; version: number };
}
const record = (s: Signed, caseId: string, payload: object) =>
  t.app.inject({ method: 'POST', url: `/api/v1/cases/${caseId}/needs-assessments`, headers: s.headers, payload });

const first = {
  questionnaireVersion: '2026-2',
  assessedOn: '2026-01-20',
  answers: {
    housing_situation: 'shelter',
    monthly_income: 'none',
    own_bank_account: false,
    italian_level: 'a2',
    last_job_ended: 'over_2_years',
    aspirations_note: 'Vorrebbe lavorare in una scuola',
  },
};
const later = {
  questionnaireVersion: '2026-2',
  assessedOn: '2026-02-20',
  answers: {
    housing_situation: 'own_rent',
    monthly_income: '500_999',
    own_bank_account: true,
    italian_level: 'b2',
    last_job_ended: 'currently_working',
  },
};

describe('needs assessments', () => {
  it('serves the questionnaire to the centre', async () => {
    const { s } = await centre();
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/needs/questionnaire', headers: s.headers });
    expect(res.statusCode).toBe(200);
    const q = res.json();
    expect(q.version).toBe('2026-2');
    const italian = q.sections
      .flatMap((x: { questions: Array<{ id: string }> }) => x.questions)
      .find((x: { id: string }) => x.id === 'italian_level');
    expect(italian.options.map((o: { value: string }) => o.value)).toContain('native');
    expect(italian.label).toEqual({ it: 'Livello di italiano (QCER)', en: 'Italian level (CEFR)' });
  });

  it('records an assessment with its profile and proposed goals, lists and compares them', async () => {
    const { s } = await centre();
    const c = await openCase(s);
    const a = await record(s, c.id, first);
    expect(a.statusCode).toBe(201);
    const made = a.json();
    expect(made).toMatchObject({
      caseId: c.id,
      questionnaireVersion: '2026-2',
      assessedOn: '2026-01-20',
      answers: first.answers,
    });
    expect(made.profile.housing).toEqual({ level: 'medium', reasons: ['in_shelter'] });
    expect(made.profile.economic_autonomy).toEqual({
      level: 'high',
      reasons: ['no_income', 'no_work_no_income', 'no_own_bank_account'],
    });
    expect(made.proposedGoals[0]).toMatchObject({ domain: 'work', level: 'high' });
    expect(made.proposedGoals[1]).toEqual({
      domain: 'economic_autonomy',
      level: 'high',
      reasons: ['no_income', 'no_work_no_income', 'no_own_bank_account'],
      suggestedActions: ['freedom_income_application', 'bank_account'],
    });
    expect(made.profile.childcare).toEqual({ level: 'none', reasons: ['not_assessed'] });
    const b = (await record(s, c.id, later)).json();

    const list = await t.app.inject({
      method: 'GET',
      url: `/api/v1/cases/${c.id}/needs-assessments`,
      headers: s.headers,
    });
    expect(list.json().items.map((x: { id: string }) => x.id)).toEqual([b.id, made.id]);

    const cmp = await t.app.inject({
      method: 'GET',
      url: `/api/v1/cases/${c.id}/needs-assessments/compare?a=${made.id}&b=${b.id}`,
      headers: s.headers,
    });
    expect(cmp.statusCode).toBe(200);
    const diff = cmp.json();
    expect(diff.domains.find((d: { domain: string }) => d.domain === 'economic_autonomy')).toMatchObject({
      trend: 'decreased',
      a: { level: 'high' },
      b: { level: 'low' },
    });
    expect(diff.questions.find((q: { questionId: string }) => q.questionId === 'italian_level')).toEqual({
      questionId: 'italian_level',
      sectionId: 'education_languages',
      a: 'a2',
      b: 'b2',
      changed: true,
    });
    expect(diff.questions.find((q: { questionId: string }) => q.questionId === 'aspirations_note')).toMatchObject({
      a: 'Vorrebbe lavorare in una scuola',
      b: null,
      changed: true,
    });

    const other = await openCase(s);
    const stranger = (await record(s, other.id, first)).json();
    const cross = await t.app.inject({
      method: 'GET',
      url: `/api/v1/cases/${c.id}/needs-assessments/compare?a=${made.id}&b=${stranger.id}`,
      headers: s.headers,
    });
    expect(cross.statusCode).toBe(404);

    const timeline = (
      await t.app.inject({ method: 'GET', url: `/api/v1/cases/${c.id}/timeline`, headers: s.headers })
    ).json();
    const events = timeline.items.filter((e: { kind: string }) => e.kind === 'needs.recorded');
    expect(events).toHaveLength(2);
    expect(events[1]).toMatchObject({
      refId: made.id,
      details: { questionnaireVersion: '2026-2', highNeeds: ['work', 'economic_autonomy'] },
    });
    const audit = (await auditRows(t.db)).filter((r) => r.action === 'needs.record' && r.subject_id === c.id);
    expect(audit).toHaveLength(2);
    expect(JSON.stringify(audit)).not.toContain('scuola');
    expect(JSON.stringify(events)).not.toContain('scuola');
  });

  it('refuses wrong answers naming the question, and dates out of range, writing nothing', async () => {
    const { s } = await centre();
    const c = await openCase(s);
    const unknown = await record(s, c.id, { ...first, answers: { ...first.answers, shoe_size: 38 } });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().fields).toEqual([
      { field: 'answers.shoe_size', reason: 'unknown_question', message: 'unknown question' },
    ]);
    const value = await record(s, c.id, { ...first, answers: { housing_situation: 'castle', italian_level: 'B2' } });
    expect(value.statusCode).toBe(400);
    expect(value.json().fields.map((f: { field: string }) => f.field)).toEqual([
      'answers.housing_situation',
      'answers.italian_level',
    ]);
    const version = await record(s, c.id, { ...first, questionnaireVersion: '2020-1' });
    expect(version.json().fields[0].field).toBe('questionnaireVersion');
    const future = await record(s, c.id, { ...first, assessedOn: '2099-01-01' });
    expect(future.json().fields).toEqual([
      { field: 'assessedOn', reason: 'in_the_future', message: 'must not be in the future' },
    ]);
    const early = await record(s, c.id, { ...first, assessedOn: '2025-12-31' });
    expect(early.json().fields[0].field).toBe('assessedOn');
    const shape = await record(s, c.id, { ...first, extra: true });
    expect(shape.statusCode).toBe(400);
    const n = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM needs_assessments WHERE case_id = ${c.id}`.execute(t.db.owner);
    expect(n.rows[0]?.n).toBe(0);
  });

  it('refuses a new assessment on a closed case', async () => {
    const { s } = await centre();
    const c = await openCase(s);
    const closed = await t.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${c.id}/closure`,
      headers: { ...s.headers, 'if-match': `"${c.version}"` },
      payload: { closedOn: '2026-02-01', outcome: 'goals_reached' },
    });
    expect(closed.statusCode).toBe(200);
    const res = await record(s, c.id, first);
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('case_closed');
  });
});
