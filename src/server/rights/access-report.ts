import { sql } from 'kysely';
import { IDENTITY_FIELDS } from '../../shared/codes/sharing.ts';
import { requireFreshFactor } from '../auth/step-up.ts';
import { loadCase } from '../cases/access.ts';
import { describeCase } from '../cases/case-queries.ts';
import { dataKeyOf, openWith } from '../cases/keys.ts';
import type { Identity } from '../cases/schemas.ts';
import type { Tx } from '../db/context.ts';
import { isoDate, isoDateOrNull, isoTimestamp, todayInItaly } from '../db/dates.ts';
import { notFound } from '../http/errors.ts';
import type { Ctx } from '../http/request-context.ts';
import { consentStatus } from '../consents/validity.ts';
import type { AccessReport, ReadKind } from './schemas.ts';

/**
 * Which audited actions at the centre are a read of her record, and of what kind. Writes are not
 * reads; lists (caseload, exports) carry no identity and are not about her alone.
 */
export const READ_ACTIONS: Record<string, ReadKind> = {
  'case.identity_read': 'identity',
  'case.read': 'record',
  'case.timeline_read': 'record',
  'plan.print': 'print',
  'consent.form_print': 'print',
  'referral.read': 'referral',
  'referral.preview': 'referral',
  'referral.messages_read': 'referral',
  'case.access_report': 'report',
};

const IDENTITY = new Set<string>(IDENTITY_FIELDS);

interface ReadRow {
  at: Date | string;
  side: 'centre' | 'recipient';
  organisation_id: string;
  user_id: string | null;
  action: string;
  purpose: string | null;
  referral_id: string | null;
  roles: string[] | null;
  staff_name: string | null;
  fields: string[] | null;
}

/**
 * Every read of her record, in one query over the audit trail and the referral views: the
 * centre's own audited reads of the case and of its referrals (the DPO reads the centre's trail),
 * and each view by a recipient (which the centre reads in `referral_views`, the recipient's own
 * audit rows being the recipient's). Successful reads only: a refused one showed nothing.
 */
export async function readsOf(tx: Tx, organisationId: string, caseId: string): Promise<ReadRow[]> {
  const actions = Object.keys(READ_ACTIONS);
  const rows = await sql<ReadRow>`
    WITH her_referrals AS (SELECT id, purpose, share_fields FROM referrals WHERE case_id = ${caseId}::uuid)
    SELECT a.occurred_at AS at, 'centre' AS side, a.organisation_id, a.actor_user_id AS user_id, a.action,
      a.purpose, CASE WHEN a.subject_type = 'referral' THEN a.subject_id END AS referral_id,
      (SELECT array_agg(r.role ORDER BY r.role) FROM user_roles r WHERE r.user_id = a.actor_user_id) AS roles,
      (SELECT u.display_name FROM users u WHERE u.id = a.actor_user_id) AS staff_name,
      NULL::text[] AS fields
    FROM audit_log a
    WHERE a.organisation_id = ${organisationId}::uuid AND a.outcome = 'success'
      AND a.action = ANY(${actions}::text[])
      AND ((a.subject_type = 'case' AND a.subject_id = ${caseId})
        OR (a.subject_type = 'referral' AND a.subject_id IN (SELECT id::text FROM her_referrals)))
    UNION ALL
    SELECT v.viewed_at, 'recipient', v.viewer_organisation_id, v.viewer_user_id, 'referral.read',
      h.purpose, v.referral_id::text, v.viewer_roles, v.viewer_name, h.share_fields
    FROM referral_views v JOIN her_referrals h ON h.id = v.referral_id
    ORDER BY 1, 2`.execute(tx);
  return rows.rows;
}

async function settingsOf(tx: Tx, organisationId: string): Promise<{ reportStaffNames: boolean; version: number }> {
  const row = await tx
    .selectFrom('privacy_settings')
    .select(['report_staff_names', 'version'])
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
  return { reportStaffNames: row?.report_staff_names ?? false, version: row?.version ?? 0 };
}
export { settingsOf };

async function identityOf(tx: Tx, masterKey: Buffer, organisationId: string, caseId: string) {
  const stored = await tx
    .selectFrom('case_identities')
    .select('sealed')
    .where('case_id', '=', caseId)
    .executeTakeFirst();
  if (!stored) return null;
  const key = await dataKeyOf(tx, masterKey, organisationId);
  const { codeWord: _secret, ...identity } = JSON.parse(openWith(key, stored.sealed, `identity:${caseId}`)) as Identity;
  return {
    firstName: identity.firstName,
    lastName: identity.lastName,
    birthDate: identity.birthDate ?? null,
    taxCode: identity.taxCode ?? null,
    phone: identity.phone ?? null,
    email: identity.email ?? null,
    address: identity.address ?? null,
    languages: identity.languages ?? [],
  };
}

/**
 * Her access report for one case (GDPR art. 15), for the centre's DPO only: her identity and path
 * as the centre holds them, her consents, every referral with what it shared, with whom and until
 * when, and who saw her record. Audited `case.access_report` (ids and counts only).
 */
export async function buildAccessReport(
  ctx: Ctx,
  masterKey: Buffer,
  caseId: string,
  lang: 'it' | 'en',
  format: 'json' | 'pdf',
): Promise<AccessReport> {
  const { row } = await loadCase(ctx, caseId, 'read');
  const me = ctx.authorise('case.access_report', { organisationId: row.organisation_id });
  // it opens her identity: a fresh second factor, as for reading it (step-up, issue 12)
  await requireFreshFactor(ctx);
  const tx = ctx.tx;
  const detail = await describeCase(tx, me, caseId);
  const centre = await tx
    .selectFrom('organisations')
    .select(['id', 'name'])
    .where('id', '=', row.organisation_id)
    .executeTakeFirst();
  if (!detail || !centre) throw notFound();
  const settings = await settingsOf(tx, row.organisation_id);
  const today = todayInItaly();

  const consents = await tx
    .selectFrom('consents')
    .leftJoin('organisations', 'organisations.id', 'consents.recipient_organisation_id')
    .selectAll('consents')
    .select('organisations.name as recipient_name')
    .where('consents.case_id', '=', caseId)
    .orderBy('consents.given_on')
    .orderBy('consents.created_at')
    .execute();
  const referrals = await tx
    .selectFrom('referrals')
    .innerJoin('organisations', 'organisations.id', 'referrals.recipient_organisation_id')
    .select([
      'referrals.id',
      'referrals.recipient_organisation_id',
      'organisations.name',
      'referrals.purpose',
      'referrals.status',
      'referrals.sent_at',
      'referrals.share_fields',
      'referrals.access_until',
      'referrals.access_ended_at',
      'referrals.access_end_reason',
    ])
    .where('referrals.case_id', '=', caseId)
    .orderBy('referrals.sent_at')
    .execute();
  // the audit row before the reads are gathered, so the report lists itself as the last read
  await ctx.audit({
    action: 'case.access_report',
    subjectType: 'case',
    subjectId: caseId,
    details: { lang, format, referrals: referrals.length, consents: consents.length },
  });
  const reads = await readsOf(tx, row.organisation_id, caseId);
  const orgIds = [...new Set(reads.map((r) => r.organisation_id))];
  const orgNames = new Map(
    orgIds.length
      ? (await tx.selectFrom('organisations').select(['id', 'name']).where('id', 'in', orgIds).execute()).map((o) => [
          o.id,
          o.name,
        ])
      : [],
  );

  return {
    lang,
    generatedAt: new Date().toISOString(),
    centre: { id: centre.id, name: centre.name },
    staffNames: settings.reportStaffNames,
    case: {
      id: detail.id,
      code: detail.code,
      status: detail.status,
      takenInChargeOn: detail.takenInChargeOn,
      closedOn: detail.closedOn,
      closureOutcome: detail.closureOutcome,
      firstContactOn: detail.firstContactOn,
      intakeOn: detail.intakeOn,
      ageBand: detail.ageBand,
      citizenship: detail.citizenship,
      residenceCode: detail.residenceCode,
      education: detail.education,
      employment: detail.employment,
      childrenCount: detail.childrenCount,
      minorChildrenCount: detail.minorChildrenCount,
      violenceTypes: detail.violenceTypes,
      authorRelationships: detail.authorRelationships,
      referralSource: detail.referralSource,
      riskLevel: detail.riskLevel,
      safeContact: detail.safeContact,
    },
    identity: await identityOf(tx, masterKey, row.organisation_id, caseId),
    consents: consents.map((c) => {
      const expiresOn = isoDateOrNull(c.expires_on);
      const revokedOn = isoDateOrNull(c.revoked_on);
      return {
        id: c.id,
        purpose: c.purpose,
        decision: c.decision,
        recipientOrganisationName: c.recipient_name,
        recipientType: c.recipient_type,
        sharingPurpose: c.sharing_purpose,
        includesIdentity: c.includes_identity,
        method: c.method,
        textVersion: c.text_version,
        givenOn: isoDate(c.given_on),
        expiresOn,
        revokedOn,
        status: consentStatus({ decision: c.decision, expiresOn, revokedOn }, today),
      };
    }),
    referrals: referrals.map((r) => ({
      id: r.id,
      recipientOrganisationId: r.recipient_organisation_id,
      recipientOrganisationName: r.name,
      purpose: r.purpose,
      status: r.status,
      sentAt: isoTimestamp(r.sent_at),
      sharedFields: r.share_fields,
      sharesIdentity: r.share_fields.some((f) => IDENTITY.has(f)),
      accessUntil: isoDateOrNull(r.access_until),
      accessEndedAt: r.access_ended_at ? isoTimestamp(r.access_ended_at) : null,
      accessEndReason: r.access_end_reason,
    })),
    reads: reads.map((r) => ({
      at: isoTimestamp(r.at),
      side: r.side,
      organisationId: r.organisation_id,
      organisationName: orgNames.get(r.organisation_id) ?? '',
      roles: r.roles ?? [],
      staffName: settings.reportStaffNames ? r.staff_name : null,
      kind: r.side === 'recipient' ? 'shared' : (READ_ACTIONS[r.action] ?? 'record'),
      action: r.action,
      purpose: r.purpose,
      referralId: r.referral_id,
      fields: r.fields ?? (r.action === 'case.identity_read' ? ['identity'] : []),
    })),
  };
}
