/** Blank paper forms: built from the same lists as the web forms, for the centre's operators, audited. */
import { describe, expect, it } from 'vitest';
import { AGE_BANDS } from '../../shared/codes/istat.ts';
import { messagesFor } from '../exports/messages.ts';
import { QUESTIONNAIRE } from '../needs/questionnaire.ts';
import { auditRows, makeOrg, openTestAppPerFile, signInNew } from '../testing/harness.ts';
import { paperForm } from './paper-forms.ts';

const t = openTestAppPerFile();

describe('blank forms', () => {
  it('lists every option of the web forms’ code lists and questionnaire, in both languages', () => {
    for (const lang of ['it', 'en'] as const) {
      const m = messagesFor(lang);
      const intake = paperForm('intake', lang);
      const ageBand = intake.sections.flatMap((s) => s.questions).find((q) => q.label === m.caseFields.ageBand);
      expect(ageBand?.options).toEqual([
        ...AGE_BANDS.map((c) => (m.labels.ageBands as Record<string, string>)[c]),
        m.caseFields.notSpecified,
      ]);
      const needs = paperForm('needs', lang);
      expect(needs.sections.map((s) => s.title)).toEqual(QUESTIONNAIRE.sections.map((s) => s.label[lang]));
      const first = QUESTIONNAIRE.sections[0]?.questions[0];
      const printed = needs.sections[0]?.questions[0];
      expect(printed?.label).toBe(first?.label[lang]);
      if (first && 'options' in first) expect(printed?.options).toEqual(first.options.map((o) => o.label[lang]));
    }
  });

  it('prints a PDF for an operator, audited; other roles and no session get nothing', async () => {
    const orgId = await makeOrg(t.db, { type: 'cav' });
    const s = await signInNew(t, { organisationId: orgId, roles: ['centre_operator'] });
    const before = (await auditRows(t.db)).length;
    for (const [form, lang] of [
      ['intake', 'it'],
      ['needs', 'en'],
    ] as const) {
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/forms/${form}?lang=${lang}`, headers: s.headers });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
      expect(res.rawPayload.length).toBeGreaterThan(3000);
    }
    const rows = (await auditRows(t.db)).slice(before);
    expect(rows.map((r) => [r.action, r.details])).toEqual([
      ['form.print', { form: 'intake', lang: 'it' }],
      ['form.print', { form: 'needs', lang: 'en' }],
    ]);
    const cpi = await signInNew(t, {
      organisationId: await makeOrg(t.db, { type: 'employment_centre' }),
      roles: ['cpi_referent'],
    });
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/forms/intake', headers: cpi.headers })).statusCode).toBe(
      404,
    );
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/forms/intake' })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/forms/plan', headers: s.headers })).statusCode).toBe(400);
  });
});
