import { type FieldError, fieldError, invalidFields } from '../http/errors.ts';
import type { ProfilePatch } from './schemas.ts';

/** Maps the API's profile fields to columns; only the fields present are returned. */
export function profileColumns(p: ProfilePatch) {
  const map = {
    first_contact_on: p.firstContactOn,
    intake_on: p.intakeOn,
    age_band: p.ageBand,
    citizenship: p.citizenship,
    residence_code: p.residenceCode,
    education: p.education,
    employment: p.employment,
    children_count: p.childrenCount,
    minor_children_count: p.minorChildrenCount,
    children_witnessed: p.childrenWitnessed,
    violence_types: p.violenceTypes,
    author_relationships: p.authorRelationships,
    referral_source: p.referralSource,
    risk_tool: p.riskTool,
    risk_level: p.riskLevel,
    risk_assessed_on: p.riskAssessedOn,
    safe_contact: p.safeContact === undefined ? undefined : JSON.stringify(p.safeContact),
  };
  return Object.fromEntries(Object.entries(map).filter(([, v]) => v !== undefined)) as Partial<{
    [K in keyof typeof map]: Exclude<(typeof map)[K], undefined>;
  }>;
}

interface Dated {
  firstContactOn?: string | null;
  intakeOn?: string | null;
  takenInChargeOn?: string | null;
  closedOn?: string | null;
  childrenCount?: number | null;
  minorChildrenCount?: number | null;
  riskLevel?: string | null;
  riskTool?: string | null;
  riskAssessedOn?: string | null;
}

/** Dates in path order, consistent counts: otherwise 400 naming the field, nothing written. */
export function checkProfile(p: Dated, today: string): void {
  const fields: FieldError[] = [];
  const before = (a: string | null | undefined, b: string | null | undefined) => !a || !b || a <= b;
  if (!before(p.firstContactOn, p.intakeOn))
    fields.push(fieldError('intakeOn', 'before_first_contact', 'before the first contact'));
  if (!before(p.intakeOn, p.takenInChargeOn))
    fields.push(fieldError('takenInChargeOn', 'before_intake', 'before the intake'));
  if (!before(p.firstContactOn, p.takenInChargeOn))
    fields.push(fieldError('takenInChargeOn', 'before_first_contact', 'before the first contact'));
  if (!before(p.takenInChargeOn, p.closedOn))
    fields.push(fieldError('closedOn', 'before_taken_in_charge', 'before the taking in charge'));
  for (const [field, value] of Object.entries({
    firstContactOn: p.firstContactOn,
    intakeOn: p.intakeOn,
    takenInChargeOn: p.takenInChargeOn,
    closedOn: p.closedOn,
    riskAssessedOn: p.riskAssessedOn,
  })) {
    if (value && value > today) fields.push(fieldError(field, 'in_the_future'));
  }
  if (p.childrenCount != null && p.minorChildrenCount != null && p.minorChildrenCount > p.childrenCount) {
    fields.push(fieldError('minorChildrenCount', 'more_minors_than_children', 'more than the children'));
  }
  if (p.riskLevel && !p.riskTool) fields.push(fieldError('riskTool', 'risk_tool_needed', 'name the assessment tool'));
  if (fields.length) throw invalidFields(fields);
}
