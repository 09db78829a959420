import { createAccount } from '../users/create-account.ts';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'kysely';
import type { Role } from '../../shared/codes/roles.ts';
import { hashPassword } from '../auth/passwords.ts';
import { sealSecret } from '../auth/secrets.ts';
import { newTotpSecret } from '../auth/totp.ts';
import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';

export interface DemoLogin {
  username: string;
  password: string;
  totpSecret: string;
  role: Role;
  organisationId: string;
  organisationName: string;
}

/**
 * Synthetic people for every role, in real organisations of the network (name pattern → users).
 * A display name is a person's name only: the UI says her role in the reader's language.
 */
const DEMO_PEOPLE: Array<{ org: string; username: string; displayName: string; role: Role }> = [
  {
    org: '%(CADMI)%',
    username: 'operatrice.cadmi',
    displayName: 'Giulia Demo',
    role: 'centre_operator',
  },
  { org: '%(CADMI)%', username: 'admin.cadmi', displayName: 'Paola Demo', role: 'org_admin' },
  { org: '%(CADMI)%', username: 'dpo.cadmi', displayName: 'Marta Demo', role: 'dpo' },
  {
    org: '%HARA%Rho%',
    username: 'operatrice.hara',
    displayName: 'Sara Demo',
    role: 'centre_operator',
  },
  {
    org: "Centro per l'Impiego di Milano%",
    username: 'referente.cpi.milano',
    displayName: 'Luca Demo',
    role: 'cpi_referent',
  },
  {
    org: "Centro per l'Impiego di Rho",
    username: 'referente.cpi.rho',
    displayName: 'Anna Demo',
    role: 'cpi_referent',
  },
  {
    org: 'Comune di Milano',
    username: 'coordinatrice.milano',
    displayName: 'Elena Demo',
    role: 'network_coordinator',
  },
  {
    org: 'Comune di Milano',
    username: 'servizi.milano',
    displayName: 'Franco Demo',
    role: 'service_operator',
  },
  {
    org: 'Comune di Pavia',
    username: 'coordinatrice.pavia',
    displayName: 'Chiara Demo',
    role: 'network_coordinator',
  },
  {
    org: 'Città metropolitana di Milano',
    username: 'cabina.regia',
    displayName: 'Roberto Demo',
    role: 'control_room_member',
  },
  {
    org: 'Città metropolitana di Milano',
    username: 'admin.piattaforma',
    displayName: 'Irene Demo',
    role: 'platform_admin',
  },
  {
    org: 'AFOL Metropolitana%',
    username: 'formazione.afol',
    displayName: 'Davide Demo',
    role: 'training_coordinator',
  },
  {
    org: 'AFOL Metropolitana%',
    username: 'aziende.afol',
    displayName: 'Silvia Demo',
    role: 'company_liaison',
  },
];

export const demoLoginsPath = (config: Config) => path.join(config.dataDir, 'demo-logins.json');

const demoPassword = () => `Demo-${randomBytes(9).toString('base64url')}`;

/**
 * On an empty database creates the demo users and writes demo-logins.json; on later starts
 * returns the logins saved in that file. Never runs with demo mode off.
 */
export async function seedDemo(db: Database, config: Config): Promise<DemoLogin[] | null> {
  if (!config.demo) return null;
  const existing = await sql<{ n: number }>`SELECT count(*)::int AS n FROM users`.execute(db.owner);
  if ((existing.rows[0]?.n ?? 0) > 0) {
    const file = demoLoginsPath(config);
    return existsSync(file) ? (JSON.parse(await readFile(file, 'utf8')) as DemoLogin[]) : null;
  }
  const logins: DemoLogin[] = [];
  // argon2 runs on libuv's thread pool: hash all demo passwords at once, not one after the other
  const passwords = DEMO_PEOPLE.map(demoPassword);
  const hashes = await Promise.all(passwords.map(hashPassword));
  await db.owner.transaction().execute(async (tx) => {
    for (const [i, person] of DEMO_PEOPLE.entries()) {
      const org = await tx
        .selectFrom('organisations')
        .select(['id', 'name'])
        .where('name', 'like', person.org)
        .orderBy('name')
        .executeTakeFirst();
      if (!org) throw new Error(`demo organisation not found for ${person.username}`);
      const id = randomUUID();
      const password = passwords[i] as string;
      const totpSecret = newTotpSecret();
      await createAccount(tx, {
        id,
        organisationId: org.id,
        username: person.username,
        displayName: person.displayName,
        email: `${person.username}@demo.percorsi.invalid`,
        passwordHash: hashes[i] as string,
        sealedTotpSecret: sealSecret(config.masterKey, totpSecret, id),
        roles: [person.role],
      });
      logins.push({
        username: person.username,
        password,
        totpSecret,
        role: person.role,
        organisationId: org.id,
        organisationName: org.name,
      });
    }
  });
  await writeFile(demoLoginsPath(config), `${JSON.stringify(logins, null, 2)}\n`, { mode: 0o600 });
  return logins;
}

export function printDemoLogins(logins: DemoLogin[], config: Config): void {
  const rows = logins.map((l) => [l.username, l.password, l.totpSecret, l.role, l.organisationName.slice(0, 48)]);
  const header = ['username', 'password', 'TOTP secret', 'role', 'organisation'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
  console.log(`\nDEMO — dati sintetici. Logins (also in ${demoLoginsPath(config)}):\n`);
  console.log(line(header));
  for (const r of rows) console.log(line(r));
  console.log(
    `\nOpen ${config.publicUrl} — add the TOTP secret to an authenticator app (or: npx tsx scripts/totp.ts SECRET).\n`,
  );
}
