import type { Role } from '../../shared/codes/roles.ts';
import { loginWithPassword } from '../auth/login.ts';
import { readIdentity } from '../cases/identity.ts';
import type { Config } from '../config.ts';
import { setActor, withContext } from '../db/context.ts';
import type { Database } from '../db/database.ts';
import { makeCtx } from '../http/request-context.ts';

/**
 * What the demo DPO (dpo.cadmi) finds in her work queues, through the real use cases: the CADMI
 * operator reads one woman's identity for a stated purpose, and a colleague mistypes her password.
 */
export async function seedDemoTrail(db: Database, config: Config): Promise<void> {
  const operator = await db.owner
    .selectFrom('users')
    .select(['id', 'organisation_id'])
    .where('username', '=', 'operatrice.cadmi')
    .executeTakeFirst();
  if (!operator) return;
  const withIdentity = await db.owner
    .selectFrom('cases')
    .innerJoin('case_identities', 'case_identities.case_id', 'cases.id')
    .select('cases.id')
    .where('cases.organisation_id', '=', operator.organisation_id)
    .orderBy('cases.code')
    .executeTakeFirst();
  if (withIdentity) {
    const actor = {
      userId: operator.id,
      organisationId: operator.organisation_id,
      roles: ['centre_operator'] as Role[],
    };
    await withContext(db, async (tx) => {
      await setActor(tx, actor);
      await readIdentity(makeCtx(tx, actor), config.masterKey, withIdentity.id, 'Colloquio di verifica del piano');
    });
  }
  await withContext(db, (tx) => loginWithPassword(makeCtx(tx, null), 'admin.cadmi', 'password-sbagliata-demo'));
}
