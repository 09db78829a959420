import { describe, expect, it } from 'vitest';
import { makeOrg, openTestAppPerFile, type Signed, signInNew } from '../testing/harness.ts';
import { QUESTIONNAIRE_VERSION } from './questionnaire.ts';

const t = openTestAppPerFile();

async function centre() {
  const orgId = await makeOrg(t.db, { type: 'cav' });
  return signInNew(t, { organisationId: orgId, roles: ['centre_operator'] });
}
const call = (s: Signed, method: 'GET' | 'POST', url: string, payload?: object) =>
  t.app.inject({ method, url: `/api/v1${url}`, headers: s.headers, ...(payload ? { payload } : {}) });
const openCase = async (s: Signed, profile: object) =>
  (await call(s, 'POST', '/cases', { takenInChargeOn: '2026-01-10', ...profile })).json().id as string;

describe('needs analysis from the intake', () => {
  it('is prefilled from the profile on the same scales, then from her last analysis', async () => {
    const s = await centre();
    const caseId = await openCase(s, { education: 'primary', employment: 'unemployed', minorChildrenCount: 0 });
    const first = await call(s, 'GET', `/cases/${caseId}/needs-assessments/prefill`);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({
      questionnaireVersion: QUESTIONNAIRE_VERSION,
      answers: { education_level: 'primary', employment: 'unemployed', children_under_6: 0, children_6_to_17: 0 },
      sources: {
        education_level: 'profile',
        employment: 'profile',
        children_under_6: 'profile',
        children_6_to_17: 'profile',
      },
      previousAssessedOn: null,
      minorChildrenCount: 0,
    });
    // recorded as prefilled plus her income: an unemployed woman without income is a high need
    const recorded = await call(s, 'POST', `/cases/${caseId}/needs-assessments`, {
      questionnaireVersion: QUESTIONNAIRE_VERSION,
      assessedOn: '2026-02-01',
      answers: { ...first.json().answers, monthly_income: 'none', italian_level: 'a2' },
    });
    expect(recorded.statusCode).toBe(201);
    expect(recorded.json().profile.work.level).toBe('high');
    expect(recorded.json().profile.economic_autonomy.level).toBe('high');

    const again = (await call(s, 'GET', `/cases/${caseId}/needs-assessments/prefill`)).json();
    expect(again.answers).toMatchObject({ monthly_income: 'none', italian_level: 'a2', education_level: 'primary' });
    expect(again.sources).toMatchObject({ monthly_income: 'previous', education_level: 'profile' });
    expect(again.previousAssessedOn).toBe('2026-02-01');
  });

  it('counts her children once: under 6 and 6–17 add up to the minors of the profile', async () => {
    const s = await centre();
    const caseId = await openCase(s, { childrenCount: 3, minorChildrenCount: 2 });
    const record = (answers: object) =>
      call(s, 'POST', `/cases/${caseId}/needs-assessments`, {
        questionnaireVersion: QUESTIONNAIRE_VERSION,
        assessedOn: '2026-02-01',
        answers,
      });
    const wrong = await record({ children_under_6: 2, children_6_to_17: 1 });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().fields).toEqual([
      expect.objectContaining({ field: 'answers.children_6_to_17', reason: 'differs_from_profile' }),
    ]);
    expect((await record({ children_under_6: 1, children_6_to_17: 1 })).statusCode).toBe(201);
    // her employment and her last job must agree
    const contradiction = await record({ employment: 'unemployed', last_job_ended: 'currently_working' });
    expect(contradiction.json().fields).toEqual([
      expect.objectContaining({ field: 'answers.last_job_ended', reason: 'contradicts_employment' }),
    ]);
  });

  it('shows nothing to another centre', async () => {
    const s = await centre();
    const caseId = await openCase(s, { education: 'tertiary' });
    expect((await call(await centre(), 'GET', `/cases/${caseId}/needs-assessments/prefill`)).statusCode).toBe(404);
  });
});
