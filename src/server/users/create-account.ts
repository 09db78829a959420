import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';

/** What an account starts with. The second factor is optional: without it, enrolment follows at first login. */
export interface NewAccount {
  id?: string;
  organisationId: string;
  username: string;
  displayName: string;
  email: string | null;
  passwordHash: string | null;
  /** The TOTP secret already sealed for this account id (auth/secrets.ts), and so enrolled. */
  sealedTotpSecret?: string | null;
  /** Role codes (src/shared/codes/roles.ts); the user_roles CHECK refuses any other. */
  roles: readonly string[];
}

/**
 * Writes an account and its roles: the one place that does, for an accepted invitation, the first
 * platform administrator, the demo people and the test users. Returns the account id.
 */
export async function createAccount(tx: Transaction<DB> | Kysely<DB>, account: NewAccount): Promise<string> {
  const id = account.id ?? randomUUID();
  await tx
    .insertInto('users')
    .values({
      id,
      organisation_id: account.organisationId,
      username: account.username,
      display_name: account.displayName,
      email: account.email,
      password_hash: account.passwordHash,
      totp_secret: account.sealedTotpSecret ?? null,
      totp_enrolled_at: account.sealedTotpSecret ? new Date() : null,
    })
    .execute();
  if (account.roles.length > 0) {
    await tx
      .insertInto('user_roles')
      .values(account.roles.map((role) => ({ user_id: id, organisation_id: account.organisationId, role })))
      .execute();
  }
  return id;
}
