import { sql } from 'kysely';
import type { Actor, Tx } from '../db/context.ts';
import { fieldError, invalidFields, notFound, versionConflict } from '../http/errors.ts';
import { getCompany, getVacancy } from './queries.ts';
import type { Vacancy, VacancyFields } from './schemas.ts';

async function municipalityExists(tx: Tx, code: string) {
  return Boolean(
    await tx.selectFrom('municipalities').select('istat_code').where('istat_code', '=', code).executeTakeFirst(),
  );
}

const clean = (v: string | null) => (v && v.trim() !== '' ? v.trim() : null);

const values = (input: VacancyFields) => ({
  occupation_code: clean(input.occupationCode),
  occupation_label: input.occupationLabel.trim(),
  sector: input.sector,
  municipality_code: input.municipalityCode,
  contract_type: input.contractType,
  hours_per_week: input.hoursPerWeek,
  shifts: input.shifts,
  education_min: input.educationMin,
  italian_min: input.italianMin,
  languages: input.languages,
  driving_licence: input.drivingLicence,
  reserved: input.reserved,
  status: input.status,
});

/**
 * Enters a vacancy of a company of the actor's networks, entered by the actor's organisation (a CPI,
 * the network's coordinating body). A company the actor cannot see is a 404.
 */
export async function createVacancy(tx: Tx, actor: Actor, input: VacancyFields): Promise<Vacancy> {
  const company = await getCompany(tx, actor, input.companyId);
  if (!company) throw notFound();
  if (!(await municipalityExists(tx, input.municipalityCode)))
    throw invalidFields([fieldError('municipalityCode', 'not_allowed_value')]);
  const row = await tx
    .insertInto('vacancies')
    .values({
      company_id: company.id,
      network_id: company.networkId,
      ...values(input),
      entered_by: actor.organisationId,
      created_by: actor.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const vacancy = await getVacancy(tx, actor, row.id);
  if (!vacancy) throw notFound();
  return vacancy;
}

/** Changes a vacancy (also opens or closes it) if nobody changed it since `version`. */
export async function updateVacancy(
  tx: Tx,
  actor: Actor,
  id: string,
  version: number,
  input: VacancyFields,
): Promise<{ vacancy: Vacancy; changed: string[] }> {
  const current = await getVacancy(tx, actor, id);
  if (!current) throw notFound();
  if (current.version !== version) throw versionConflict();
  if (input.companyId !== current.company.id) throw invalidFields([fieldError('companyId', 'not_allowed_value')]);
  if (!(await municipalityExists(tx, input.municipalityCode)))
    throw invalidFields([fieldError('municipalityCode', 'not_allowed_value')]);
  const next = values(input);
  const before = {
    occupation_code: current.occupationCode,
    occupation_label: current.occupationLabel,
    sector: current.sector,
    municipality_code: current.municipality.code,
    contract_type: current.contractType,
    hours_per_week: current.hoursPerWeek,
    shifts: current.shifts,
    education_min: current.educationMin,
    italian_min: current.italianMin,
    languages: current.languages,
    driving_licence: current.drivingLicence,
    reserved: current.reserved,
    status: current.status,
  };
  const changed = (Object.keys(next) as Array<keyof typeof next>).filter(
    (k) => JSON.stringify(next[k]) !== JSON.stringify(before[k]),
  );
  if (changed.length > 0) {
    const updated = await tx
      .updateTable('vacancies')
      .set({ ...next, updated_at: sql`now()`, version: sql`version + 1` })
      .where('id', '=', id)
      .where('version', '=', version)
      .returning('id')
      .executeTakeFirst();
    if (!updated) throw versionConflict();
  }
  const vacancy = await getVacancy(tx, actor, id);
  if (!vacancy) throw notFound();
  return { vacancy, changed };
}
