/**
 * net-control: a protocol whose control room is run by a coordinator, with its signatory bodies and
 * the people around it, and a second protocol run by another coordinator (the attacker's side).
 */
import { randomUUID } from 'node:crypto';
import type { App } from '../app.ts';
import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import { makeOrg, makeUser, type Signed, signIn } from './harness.ts';

interface T {
  app: App;
  db: Database;
  config: Config;
}

export async function makeProtocol(db: Database, signatories: string[]): Promise<string> {
  const p = await db.owner
    .insertInto('protocols')
    .values({
      code: `p-${randomUUID().slice(0, 8)}`,
      name: 'Protocollo di prova',
      signed_on: '2024-01-01',
      scope: 'prova',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const org of signatories)
    await db.owner
      .insertInto('protocol_signatories')
      .values({ protocol_id: p.id, organisation_id: org, kind: 'original', joined_on: '2024-01-01' })
      .execute();
  return p.id;
}

export async function controlRoomFixture(t: T) {
  const city = await makeOrg(t.db, { type: 'municipality' });
  const centre = await makeOrg(t.db, { type: 'cav' });
  const cpi = await makeOrg(t.db, { type: 'employment_centre' });
  const metro = await makeOrg(t.db, { type: 'metro_city' });
  const elsewhere = await makeOrg(t.db, { type: 'municipality' });
  const outsider = await makeOrg(t.db, { type: 'ngo' });
  const protocolId = await makeProtocol(t.db, [city, centre, cpi, metro]);
  const otherProtocolId = await makeProtocol(t.db, [elsewhere]);
  const sign = async (organisationId: string, roles: Parameters<typeof makeUser>[2]['roles']): Promise<Signed> =>
    signIn(t.app, t.db, await makeUser(t.db, t.config, { organisationId, roles }));
  return {
    protocolId,
    otherProtocolId,
    orgs: { city, centre, cpi, metro, elsewhere, outsider },
    coordinator: await sign(city, ['network_coordinator']),
    member: await sign(metro, ['control_room_member']),
    centreAdmin: await sign(centre, ['org_admin']),
    operator: await sign(centre, ['centre_operator']),
    cpiReferent: await sign(cpi, ['cpi_referent']),
    otherCoordinator: await sign(elsewhere, ['network_coordinator']),
  };
}

/** A multipart body: text fields first, then one file. */
export function multipart(fields: Record<string, string>, file?: { name: string; bytes: Uint8Array; type?: string }) {
  const boundary = `----percorsi${randomUUID().replace(/-/g, '')}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields))
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`,
      ),
    );
    parts.push(Buffer.from(file.bytes));
    parts.push(Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

export const PDF_BYTES = new TextEncoder().encode(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);
export const PNG_BYTES = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
export const HTML_BYTES = new TextEncoder().encode('<!doctype html><html><script>alert(1)</script></html>');
