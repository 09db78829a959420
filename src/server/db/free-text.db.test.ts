import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { todayInItaly } from './dates.ts';
import { TEXT_COLUMNS } from './free-text.ts';
import { sealFreeTextLeftInClear } from './seal-free-text.ts';
import { openTestAppPerFile, type Signed } from '../testing/harness.ts';
import { CANARY, referralFixture } from '../testing/referral-fixture.ts';

const t = openTestAppPerFile();
const f = referralFixture(() => t);

/** Canary free text: none of it may appear anywhere in a dump. */
const FREE = {
  goal: 'Obiettivo Canarossi riservato',
  notes: 'Nota su Ottavia Canarossi, via Segreta',
  review: 'Revisione: Ottavia ha paura del marito',
  aspirations: 'Ottavia vorrebbe lavorare alla scuola Canarossi',
  referralNote: 'Nota invio Canarossi',
  message: 'Messaggio su Ottavia Canarossi',
  // migration 200: the course title of an outcome (the centre's) and of a partner's report (the CPI's)
  course: 'Corso Canarossi per Ottavia',
  reportedCourse: 'Corso serale Canarossi, sede di via Segreta',
};
const CANARIES = [...Object.values(FREE), CANARY.firstName, CANARY.lastName, CANARY.phone, CANARY.email];

/** Every text of every table, as `pg_dump` would write it (every row of every table, as JSON). */
async function dumpText(): Promise<string> {
  const tables = await sql<{ t: string }>`SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public'`.execute(
    t.db.owner,
  );
  const parts: string[] = [];
  for (const { t: table } of tables.rows) {
    const rows = await sql<{ j: string }>`SELECT row_to_json(x)::text AS j FROM ${sql.table(table)} x`.execute(
      t.db.owner,
    );
    parts.push(...rows.rows.map((r) => r.j));
  }
  return parts.join('\n');
}

const put = (s: Signed, url: string, payload: object, version: number) =>
  t.app.inject({ method: 'PUT', url, headers: { ...s.headers, 'if-match': `"${version}"` }, payload });

describe('free text sealed at rest', () => {
  it('knows every text column of the database: sealed, or why it cannot hold details about her', async () => {
    const cols = await sql<{ c: string }>`SELECT table_name || '.' || column_name AS c FROM information_schema.columns
      WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY')
      ORDER BY 1`.execute(t.db.owner);
    const found = cols.rows.map((r) => r.c);
    // a new text column must be classified in db/free-text.ts (sealed, or the reason it holds nothing of hers)
    expect(found.filter((c) => !(c in TEXT_COLUMNS))).toEqual([]);
    expect(Object.keys(TEXT_COLUMNS).filter((c) => !found.includes(c))).toEqual([]);
    // the emptied columns really are refused by the database
    const emptied = Object.entries(TEXT_COLUMNS).filter(([, k]) => k === 'emptied');
    expect(emptied.map(([c]) => c).sort()).toEqual(['plan_actions.notes', 'plan_goals.title', 'plan_reviews.summary']);
  });

  it('seals plan goals, action notes, reviews, versions and text answers; a dump holds none of it; every reader opens it', async () => {
    const centre = await f.centreWithCase();
    const cpi = await f.party('employment_centre', ['cpi_referent']);
    const caseId = centre.caseId;
    const planUrl = `/api/v1/cases/${caseId}/plan`;
    const plan = {
      goals: [
        {
          domain: 'work',
          title: FREE.goal,
          actions: [
            { catalogueCode: 'cpi_registration', responsibleOrganisationId: cpi.orgId, notes: FREE.notes },
            { catalogueCode: 'cpi_registration' },
          ],
        },
      ],
    };
    const saved = await put(centre.s, planUrl, plan, 0);
    expect(saved.statusCode, saved.body).toBe(200);
    const review = await f.inject('POST', centre.s, `${planUrl}/reviews`, {
      reviewedOn: todayInItaly(),
      summary: FREE.review,
    });
    expect(review.statusCode, review.body).toBe(201);
    const needs = await f.inject('POST', centre.s, `/api/v1/cases/${caseId}/needs-assessments`, {
      questionnaireVersion: '2026-2',
      assessedOn: todayInItaly(),
      answers: { housing_situation: 'shelter', aspirations_note: FREE.aspirations },
    });
    expect(needs.statusCode, needs.body).toBe(201);
    await f.consent(centre.s, caseId, cpi.orgId);
    const sent = await f.send(centre.s, {
      caseId,
      recipientOrganisationId: cpi.orgId,
      purpose: 'work_orientation',
      urgency: 'routine',
      note: FREE.referralNote,
      shareFields: ['plan.goals', 'plan.actions', 'needs.aspirations'],
    });
    expect(sent.statusCode, sent.body).toBe(201);
    const referralId = sent.json().id as string;
    const msg = await f.inject('POST', centre.s, `/api/v1/referrals/${referralId}/messages`, { body: FREE.message });
    expect(msg.statusCode, msg.body).toBe(201);
    // a course title: recorded by the centre, and reported by the CPI (it flows back into her outcomes)
    const outcome = await f.inject('POST', centre.s, `/api/v1/cases/${caseId}/outcomes`, {
      kind: 'course_completed',
      occurredOn: todayInItaly(),
      details: { certificate: true, courseTitle: FREE.course },
    });
    expect(outcome.statusCode, outcome.body).toBe(201);
    expect(outcome.json().details.courseTitle).toBe(FREE.course);
    expect((await f.step(cpi.s, referralId, 1, { action: 'accept' })).statusCode).toBe(200);
    const reported = await f.step(cpi.s, referralId, 2, {
      action: 'report',
      report: {
        kind: 'course_completed',
        occurredOn: todayInItaly(),
        details: { certificate: false, courseTitle: FREE.reportedCourse },
      },
    });
    expect(reported.statusCode, reported.body).toBe(200);

    const dump = await dumpText();
    for (const canary of CANARIES) expect(dump, canary).not.toContain(canary);
    expect(dump).not.toContain('Canarossi');

    // every reader opens them: the plan, its stored version, the analysis, the recipient's share, the PDF
    const read = (await f.inject('GET', centre.s, planUrl)).json();
    expect(read.goals[0].title).toBe(FREE.goal);
    expect(read.goals[0].actions[0].notes).toBe(FREE.notes);
    expect(read.goals[0].actions[1].notes).toBeNull();
    expect(read.reviews[0].summary).toBe(FREE.review);
    const v1 = (await f.inject('GET', centre.s, `${planUrl}/versions/1`)).json();
    expect(v1.goals[0].title).toBe(FREE.goal);
    expect(v1.goals[0].actions[0].notes).toBe(FREE.notes);
    const versions = (await f.inject('GET', centre.s, `${planUrl}/versions`)).json();
    expect(versions.items?.[0] ?? versions[0]).toMatchObject({ goals: 1, actions: 2 });
    const listed = (await f.inject('GET', centre.s, `/api/v1/cases/${caseId}/needs-assessments`)).json();
    expect(listed.items[0].answers.aspirations_note).toBe(FREE.aspirations);
    const prefill = (await f.inject('GET', centre.s, `/api/v1/cases/${caseId}/needs-assessments/prefill`)).json();
    expect(prefill.answers.aspirations_note).toBe(FREE.aspirations);
    const share = await f.inject('GET', cpi.s, `/api/v1/referrals/${referralId}`);
    expect(share.statusCode).toBe(200);
    expect(share.body).toContain(FREE.goal);
    expect(share.body).toContain(FREE.aspirations);
    expect(share.body).not.toContain(FREE.notes);
    const pdf = await f.inject('GET', centre.s, `${planUrl}/print?lang=it`);
    expect(pdf.statusCode).toBe(200);
    const outcomes = (await f.inject('GET', centre.s, `/api/v1/cases/${caseId}/outcomes`)).json().items;
    expect(outcomes.map((o: { details: { courseTitle?: string } }) => o.details.courseTitle).sort()).toEqual(
      [FREE.course, FREE.reportedCourse].sort(),
    );
    const partner = (await f.inject('GET', centre.s, `/api/v1/cases/${caseId}/partner-reports`)).json();
    expect(partner.items[0].details).toEqual({ certificate: false, courseTitle: FREE.reportedCourse });
    const cpiView = (await f.inject('GET', cpi.s, `/api/v1/referrals/${referralId}`)).json();
    expect(cpiView.reports[0].details.courseTitle).toBe(FREE.reportedCourse);
    expect(cpiView.reports[0].details.certificate).toBe(false);

    // the database itself refuses text in clear
    const goalRow = await t.db.owner.selectFrom('plan_goals').select(['id']).where('case_id', '=', caseId).execute();
    await expect(
      sql`UPDATE plan_goals SET title = 'in chiaro' WHERE id = ${goalRow[0]?.id}`.execute(t.db.owner),
    ).rejects.toThrow();
    await expect(
      sql`UPDATE outcomes SET details = details || '{"courseTitle": "in chiaro"}' WHERE case_id = ${caseId}`.execute(
        t.db.owner,
      ),
    ).rejects.toThrow();
    await expect(
      sql`UPDATE referral_reports SET details = details || '{"courseTitle": "in chiaro"}'
        WHERE referral_id = ${referralId}`.execute(t.db.owner),
    ).rejects.toThrow();
    // and nothing of it reached the logs or the audit trail
    for (const canary of Object.values(FREE)) expect(t.logs.join('\n')).not.toContain(canary);
  });

  it('seals the text written in clear before migration 170 at start, then refuses text in clear', async () => {
    const centre = await f.centreWithCase();
    const caseId = centre.caseId;
    const planUrl = `/api/v1/cases/${caseId}/plan`;
    await put(centre.s, planUrl, { goals: [{ domain: 'work', title: 'Prima', actions: [] }] }, 0);
    const outcome = await f.inject('POST', centre.s, `/api/v1/cases/${caseId}/outcomes`, {
      kind: 'course_completed',
      occurredOn: todayInItaly(),
      details: { certificate: true, courseTitle: 'Prima' },
    });
    expect(outcome.statusCode, outcome.body).toBe(201);
    // an outcome as a database written before 200 holds it: the course title in details
    await sql`ALTER TABLE outcomes DROP CONSTRAINT outcomes_details_sealed`.execute(t.db.owner);
    await sql`UPDATE outcomes SET details = jsonb_set(details, '{courseTitle}', to_jsonb(${FREE.course}::text)),
      course_title_sealed = NULL WHERE case_id = ${caseId}`.execute(t.db.owner);
    await sql`ALTER TABLE outcomes ADD CONSTRAINT outcomes_details_sealed CHECK (NOT details ? 'courseTitle') NOT VALID`.execute(
      t.db.owner,
    );
    // as a database written before 170 would hold them: text in clear, constraints not validated
    await sql`ALTER TABLE plan_goals DROP CONSTRAINT plan_goals_title_sealed`.execute(t.db.owner);
    await sql`ALTER TABLE plan_versions DROP CONSTRAINT plan_versions_snapshot_sealed`.execute(t.db.owner);
    await sql`UPDATE plan_goals SET title = ${FREE.goal}, title_sealed = NULL WHERE case_id = ${caseId}`.execute(
      t.db.owner,
    );
    await sql`UPDATE plan_versions SET snapshot = jsonb_set(snapshot - 'sealed', '{goals,0,title}', to_jsonb(${FREE.goal}::text))
      WHERE case_id = ${caseId}`.execute(t.db.owner);
    await sql`ALTER TABLE plan_goals ADD CONSTRAINT plan_goals_title_sealed
      CHECK (title IS NULL AND title_sealed IS NOT NULL) NOT VALID`.execute(t.db.owner);
    await sql`ALTER TABLE plan_versions ADD CONSTRAINT plan_versions_snapshot_sealed
      CHECK (snapshot->'sealed' = 'true'::jsonb) NOT VALID`.execute(t.db.owner);
    expect(await dumpText()).toContain(FREE.goal);

    expect(await dumpText()).toContain(FREE.course);

    expect(await sealFreeTextLeftInClear(t.db.owner, t.config.masterKey)).toBeGreaterThanOrEqual(3);
    expect(await dumpText()).not.toContain(FREE.goal);
    expect(await dumpText()).not.toContain(FREE.course);
    const outcomes = (await f.inject('GET', centre.s, `/api/v1/cases/${caseId}/outcomes`)).json().items;
    expect(outcomes[0].details).toEqual({ certificate: true, courseTitle: FREE.course });
    const read = (await f.inject('GET', centre.s, planUrl)).json();
    expect(read.goals[0].title).toBe(FREE.goal);
    expect((await f.inject('GET', centre.s, `${planUrl}/versions/1`)).json().goals[0].title).toBe(FREE.goal);
    const valid = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_constraint
      WHERE conname LIKE '%_sealed' AND conrelid::regclass::text IN ('plan_goals', 'plan_actions', 'plan_reviews',
        'plan_versions', 'needs_assessments', 'outcomes', 'referral_reports') AND NOT convalidated`.execute(t.db.owner);
    expect(valid.rows[0]?.n).toBe(0);
    // run again: nothing left to do
    expect(await sealFreeTextLeftInClear(t.db.owner, t.config.masterKey)).toBe(0);
  });
});
