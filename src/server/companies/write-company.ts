import { sql } from 'kysely';
import { isCommitment } from '../../shared/codes/companies.ts';
import { normaliseVatNumber, vatProblem } from '../../shared/vat-number.ts';
import type { Actor, Tx } from '../db/context.ts';
import { todayInItaly } from '../db/dates.ts';
import { type FieldError, fieldError, invalidFields, notFound, versionConflict } from '../http/errors.ts';
import { actorNetworks, getCompany, inNetwork } from './queries.ts';
import type { CompanyDetail, CompanyFields, EngagementFields } from './schemas.ts';

const clean = (v: string | null | undefined) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);

async function municipalityExists(tx: Tx, code: string) {
  return Boolean(
    await tx.selectFrom('municipalities').select('istat_code').where('istat_code', '=', code).executeTakeFirst(),
  );
}

/** What the schema cannot check: the VAT check digit, a known municipality, a follower in the network. */
async function check(tx: Tx, input: CompanyFields): Promise<string> {
  const vat = normaliseVatNumber(input.vatNumber);
  const errors: FieldError[] = [];
  if (vatProblem(vat)) errors.push(fieldError('vatNumber', 'vat_number_invalid'));
  if (!(await municipalityExists(tx, input.municipalityCode)))
    errors.push(fieldError('municipalityCode', 'not_allowed_value'));
  if (!(await inNetwork(tx, input.followedBy, input.networkId)))
    errors.push(fieldError('followedBy', 'not_for_this_field'));
  if (errors.length) throw invalidFields(errors);
  return vat;
}

async function vatTaken(tx: Tx, networkId: string, vat: string, except?: string) {
  let q = tx.selectFrom('companies').select('id').where('network_id', '=', networkId).where('vat_number', '=', vat);
  if (except) q = q.where('id', '<>', except);
  return Boolean(await q.executeTakeFirst());
}

/** Registers a company in one of the actor's networks (another network: 404, as if it did not exist). */
export async function createCompany(tx: Tx, actor: Actor, input: CompanyFields): Promise<CompanyDetail> {
  if (!(await actorNetworks(tx, actor)).includes(input.networkId)) throw notFound();
  const vat = await check(tx, input);
  if (await vatTaken(tx, input.networkId, vat)) throw invalidFields([fieldError('vatNumber', 'taken')]);
  const row = await tx
    .insertInto('companies')
    .values({
      network_id: input.networkId,
      name: input.name.trim(),
      vat_number: vat,
      ateco_code: clean(input.atecoCode),
      size_band: input.sizeBand,
      municipality_code: input.municipalityCode,
      contact_name: clean(input.contactName),
      contact_email: clean(input.contactEmail),
      contact_phone: clean(input.contactPhone),
      followed_by: input.followedBy,
      created_by: actor.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const company = await getCompany(tx, actor, row.id);
  if (!company) throw notFound();
  return company;
}

const FIELDS = [
  'name',
  'vatNumber',
  'atecoCode',
  'sizeBand',
  'municipalityCode',
  'contactName',
  'contactEmail',
  'contactPhone',
  'followedBy',
] as const;

/** Changes a company's record if nobody changed it since `version`; returns it and the names of the fields changed. */
export async function updateCompany(
  tx: Tx,
  actor: Actor,
  id: string,
  version: number,
  input: CompanyFields,
): Promise<{ company: CompanyDetail; changed: string[] }> {
  const current = await getCompany(tx, actor, id);
  if (!current) throw notFound();
  if (current.version !== version) throw versionConflict();
  // a company stays in its network: moving it is registering it in the other one
  if (input.networkId !== current.networkId) throw invalidFields([fieldError('networkId', 'not_allowed_value')]);
  const vat = await check(tx, input);
  if (vat !== current.vatNumber) throw invalidFields([fieldError('vatNumber', 'not_allowed_value')]);
  const next = {
    name: input.name.trim(),
    vatNumber: vat,
    atecoCode: clean(input.atecoCode),
    sizeBand: input.sizeBand,
    municipalityCode: input.municipalityCode,
    contactName: clean(input.contactName),
    contactEmail: clean(input.contactEmail),
    contactPhone: clean(input.contactPhone),
    followedBy: input.followedBy,
  };
  const before = {
    ...current,
    municipalityCode: current.municipality.code,
    followedBy: current.followedBy.id,
  };
  const changed = FIELDS.filter((f) => next[f] !== before[f]);
  if (changed.length > 0) {
    const updated = await tx
      .updateTable('companies')
      .set({
        name: next.name,
        ateco_code: next.atecoCode,
        size_band: next.sizeBand,
        municipality_code: next.municipalityCode,
        contact_name: next.contactName,
        contact_email: next.contactEmail,
        contact_phone: next.contactPhone,
        followed_by: next.followedBy,
        updated_at: sql`now()`,
        version: sql`version + 1`,
      })
      .where('id', '=', id)
      .where('version', '=', version)
      .returning('id')
      .executeTakeFirst();
    if (!updated) throw versionConflict();
  }
  const company = await getCompany(tx, actor, id);
  if (!company) throw notFound();
  return { company, changed };
}

/** Records an awareness activity or a commitment of a company, by a body of its network. */
export async function addEngagement(
  tx: Tx,
  actor: Actor,
  companyId: string,
  input: EngagementFields,
): Promise<{ company: CompanyDetail; engagementId: string }> {
  const company = await getCompany(tx, actor, companyId);
  if (!company) throw notFound();
  const errors: FieldError[] = [];
  // an activity has happened; a commitment may start later
  if (input.startedOn > todayInItaly() && !isCommitment(input.kind))
    errors.push(fieldError('startedOn', 'in_the_future'));
  if (input.endedOn && input.endedOn < input.startedOn) errors.push(fieldError('endedOn', 'before_start'));
  if (!(await inNetwork(tx, input.organisationId, company.networkId)))
    errors.push(fieldError('organisationId', 'not_for_this_field'));
  if (errors.length) throw invalidFields(errors);
  const row = await tx
    .insertInto('company_engagements')
    .values({
      company_id: companyId,
      network_id: company.networkId,
      kind: input.kind,
      started_on: input.startedOn,
      ended_on: input.endedOn,
      organisation_id: input.organisationId,
      quantity: input.quantity,
      created_by: actor.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const after = await getCompany(tx, actor, companyId);
  if (!after) throw notFound();
  return { company: after, engagementId: row.id };
}
