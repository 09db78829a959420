// Creates a platform administrator and prints a one-time link where they choose their password;
// they enrol their second factor at first login. Nobody running this sees or sets a password.
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { createLink } from '../src/server/auth/links.ts';
import { loadConfig } from '../src/server/config.ts';
import { setActor } from '../src/server/db/context.ts';
import { migrate } from '../src/server/db/migrate.ts';
import { openDatabase } from '../src/server/db/open.ts';
import { createAccount } from '../src/server/users/create-account.ts';
import { loadNetworkData, seedNetwork } from '../src/server/network/seed-network.ts';

const { values } = parseArgs({
  options: {
    username: { type: 'string' },
    'display-name': { type: 'string' },
    email: { type: 'string' },
    organisation: { type: 'string', default: 'Città metropolitana di Milano' },
  },
});
if (!values.username || !/^[a-z0-9._-]{3,64}$/.test(values.username)) {
  console.error(
    'usage: npm run admin:create -- --username NAME --display-name "Full Name" [--email E] [--organisation NAME]',
  );
  process.exit(2);
}
const config = loadConfig();
const db = await openDatabase(config);
await migrate(db.owner);
await seedNetwork(db.owner, await loadNetworkData());
const org = await db.owner
  .selectFrom('organisations')
  .select(['id', 'name'])
  .where('name', '=', values.organisation as string)
  .executeTakeFirst();
if (!org) {
  console.error('organisation not found');
  process.exit(1);
}
const link = await db.owner.transaction().execute(async (tx) => {
  const user = {
    id: await createAccount(tx, {
      organisationId: org.id,
      username: values.username as string,
      displayName: values['display-name'] ?? (values.username as string),
      email: values.email ?? null,
      passwordHash: null,
      roles: ['platform_admin'],
    }),
  };
  await setActor(tx, { userId: user.id, organisationId: org.id, roles: ['platform_admin'] });
  const made = await createLink(tx, {
    kind: 'reset',
    organisationId: org.id,
    createdBy: user.id,
    userId: user.id,
    username: values.username,
  });
  await tx
    .insertInto('audit_log')
    .values({
      actor_user_id: null,
      organisation_id: org.id,
      action: 'user.invite',
      subject_type: 'user',
      subject_id: user.id,
      outcome: 'success',
      details: JSON.stringify({ roles: ['platform_admin'], via: 'admin_create' }),
    })
    .execute();
  return made;
});
console.log(
  `Platform admin created in ${org.name}. Set the password within 24 hours at:\n${config.publicUrl}/reimposta-password/${link.token}`,
);
await sql`SELECT 1`.execute(db.owner);
await db.close();
