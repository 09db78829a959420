import type { Tx } from '../db/context.ts';
import { isoDate } from '../db/dates.ts';
import { QUESTIONS, SECTIONS } from '../needs/questionnaire.ts';
import type { NeedsProfile } from '../needs/needs-profile.ts';
import { readGoals } from '../plans/read-plan.ts';
import { caseTexts } from '../cases/case-text.ts';
import { joinTextAnswers } from '../needs/text-answers.ts';
import type { CaseRow } from '../cases/access.ts';
import type { Identity, SafeContact } from '../cases/schemas.ts';
import type { Shared } from './schemas.ts';
import { isDirectContactField } from './share-fields.ts';

type Label = { it: string; en: string };

/** The answers of one section, as labels a recipient reads (no codes to look up). */
function sectionAnswers(sectionId: string, answers: Record<string, unknown>) {
  const section = SECTIONS.find((s) => s.id === sectionId);
  const out: Array<{ question: Label; values: Label[] }> = [];
  for (const q of section?.questions ?? []) {
    const value = answers[q.id];
    if (value === undefined || value === null) continue;
    const full = QUESTIONS.get(q.id);
    if (!full) continue;
    const asLabel = (v: unknown): Label => {
      if ('options' in full) {
        const o = full.options.find((x) => x.value === v);
        if (o) return o.label;
      }
      if (typeof v === 'boolean') return v ? { it: 'Sì', en: 'Yes' } : { it: 'No', en: 'No' };
      return { it: String(v), en: String(v) };
    };
    out.push({ question: q.label, values: Array.isArray(value) ? value.map(asLabel) : [asLabel(value)] });
  }
  return { id: sectionId, label: section?.label ?? { it: sectionId, en: sectionId }, answers: out };
}

export interface ShareSources {
  row: CaseRow;
  identity: Identity | null;
  note: string | null;
  /** opens her sealed free text (plan goal titles, text answers) */
  masterKey: Buffer;
  recipientOrganisationId: string;
  /** the plan action the referral serves: marked among the shared actions */
  planActionId?: string | null;
}

/** The snapshot the recipient will see: exactly the chosen fields, built from the case now. */
export async function buildShare(tx: Tx, fields: readonly string[], s: ShareSources): Promise<Shared> {
  const has = (f: string) => fields.includes(f);
  const shared: Shared = { note: s.note, fields: [...fields] };
  const r = s.row;
  if (fields.some((f) => f.startsWith('profile.'))) {
    const residence =
      has('profile.residence') && r.residence_code
        ? await tx
            .selectFrom('municipalities')
            .select(['istat_code', 'name'])
            .where('istat_code', '=', r.residence_code)
            .executeTakeFirst()
        : undefined;
    shared.profile = {
      ...(has('profile.ageBand') ? { ageBand: r.age_band } : {}),
      ...(has('profile.citizenship') ? { citizenship: r.citizenship } : {}),
      ...(has('profile.residence')
        ? { residence: residence ? { code: residence.istat_code, name: residence.name } : null }
        : {}),
      ...(has('profile.education') ? { education: r.education } : {}),
      ...(has('profile.employment') ? { employment: r.employment } : {}),
      ...(has('profile.children') ? { children: { count: r.children_count, minors: r.minor_children_count } } : {}),
    };
  }
  if (fields.some((f) => f.startsWith('needs.'))) {
    const latest = await tx
      .selectFrom('needs_assessments')
      .select(['assessed_on', 'answers', 'text_answers_sealed', 'profile'])
      .where('case_id', '=', r.id)
      .orderBy('assessed_on', 'desc')
      .orderBy('created_at', 'desc')
      .executeTakeFirst();
    if (latest) {
      const answers = joinTextAnswers(
        latest.text_answers_sealed ? await caseTexts(tx, s.masterKey, r.id) : null,
        latest.answers,
        latest.text_answers_sealed,
      );
      const profile = latest.profile as NeedsProfile;
      shared.needs = {
        assessedOn: isoDate(latest.assessed_on),
        ...(has('needs.profile')
          ? { levels: Object.fromEntries(Object.entries(profile).map(([d, n]) => [d, n.level])) }
          : {}),
        sections: SECTIONS.filter((sec) => has(`needs.${sec.id}`)).map((sec) => sectionAnswers(sec.id, answers)),
      };
    } else shared.needs = null;
  }
  if (has('plan.goals') || has('plan.actions')) {
    const goals = await readGoals(tx, s.masterKey, r.id);
    shared.plan = {
      ...(has('plan.goals')
        ? { goals: goals.map((g) => ({ domain: g.domain, title: g.title, status: g.status, targetOn: g.targetOn })) }
        : {}),
      // only the actions this recipient is responsible for; never notes or the centre's operators
      ...(has('plan.actions')
        ? {
            actions: goals.flatMap((g) =>
              g.actions
                .filter((a) => a.responsibleOrganisationId === s.recipientOrganisationId)
                .map((a) => ({
                  domain: g.domain,
                  label: { it: a.label, en: a.labelEn },
                  status: a.status,
                  startsOn: a.startsOn,
                  dueOn: a.dueOn,
                  ...(a.id === s.planActionId ? { served: true } : {}),
                })),
            ),
          }
        : {}),
    };
  }
  if (fields.some((f) => f.startsWith('identity.')) && s.identity) {
    const i = s.identity;
    shared.identity = {
      ...(has('identity.name') ? { firstName: i.firstName, lastName: i.lastName } : {}),
      ...(has('identity.birthDate') ? { birthDate: i.birthDate ?? null } : {}),
      ...(has('identity.taxCode') ? { taxCode: i.taxCode ?? null } : {}),
      ...(has('identity.phone') ? { phone: i.phone ?? null } : {}),
      ...(has('identity.email') ? { email: i.email ?? null } : {}),
      ...(has('identity.languages') ? { languages: i.languages ?? [] } : {}),
    };
  }
  if (fields.some(isDirectContactField)) {
    const sc = r.safe_contact as SafeContact;
    shared.safeContact = {
      channels: sc.channels,
      windows: sc.windows,
      noVoicemail: sc.noVoicemail,
      onlyThroughCentre: sc.onlyThroughCentre,
    };
  }
  return shared;
}
