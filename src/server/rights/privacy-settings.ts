import { sql } from 'kysely';
import type { Ctx } from '../http/request-context.ts';
import { settingsOf } from './access-report.ts';
import type { PrivacySettings } from './schemas.ts';

/** The centre's privacy settings (its DPO only): the defaults until first saved. */
export async function readPrivacySettings(ctx: Ctx): Promise<PrivacySettings> {
  const me = ctx.authorise('privacy.manage');
  return settingsOf(ctx.tx, me.organisationId);
}

/** Saves them (last write wins: one switch); audited `privacy.settings_update`. */
export async function savePrivacySettings(ctx: Ctx, body: { reportStaffNames: boolean }): Promise<PrivacySettings> {
  const me = ctx.authorise('privacy.manage');
  await ctx.tx
    .insertInto('privacy_settings')
    .values({ organisation_id: me.organisationId, report_staff_names: body.reportStaffNames, updated_by: me.userId })
    .onConflict((oc) =>
      oc.column('organisation_id').doUpdateSet({
        report_staff_names: body.reportStaffNames,
        updated_by: me.userId,
        updated_at: sql`now()`,
        version: sql`privacy_settings.version + 1`,
      }),
    )
    .execute();
  await ctx.audit({
    action: 'privacy.settings_update',
    subjectType: 'organisation',
    subjectId: me.organisationId,
    details: { reportStaffNames: body.reportStaffNames },
  });
  return settingsOf(ctx.tx, me.organisationId);
}
