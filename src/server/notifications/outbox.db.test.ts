import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../config.ts';
import { setActor, withContext } from '../db/context.ts';
import { makeOrg, makeUser, openTestDbPerFile, testConfig } from '../testing/harness.ts';
import { type Receiver, startReceiver } from '../testing/smtp-receiver.ts';
import { notify } from './notify.ts';
import { MAX_ATTEMPTS, type OutboxWorker, startOutboxWorker } from './outbox-worker.ts';

const t = openTestDbPerFile();
let receiver: Receiver;
let worker: OutboxWorker;
let config: Config;
const logs: string[] = [];
const logger = {
  info: (obj: object, msg: string) => logs.push(JSON.stringify({ ...obj, msg })),
  warn: (obj: object, msg: string) => logs.push(JSON.stringify({ ...obj, msg })),
};

beforeAll(async () => {
  receiver = await startReceiver();
  config = testConfig({ smtpUrl: receiver.url, publicUrl: 'https://percorsi.test' });
  worker = startOutboxWorker({ db: t.db, config, logger, intervalMs: 0 });
});
afterEach(() => {
  receiver.refuseNext(0);
  receiver.mails.length = 0;
});
afterAll(async () => {
  await worker?.stop();
  await receiver?.close();
});

const CANARY = `Canarino${randomUUID().slice(0, 8)}`;

/** A CPI referent with a canary name and username, notified of a referral by a centre operator. */
async function queued(kind: 'referral_received' | 'referral_declined' = 'referral_received') {
  const centre = await makeOrg(t.db, { type: 'cav', name: `Centro ${CANARY}` });
  const cpi = await makeOrg(t.db, { type: 'employment_centre', name: `CPI ${CANARY}` });
  const operator = await makeUser(t.db, config, { organisationId: centre, roles: ['centre_operator'] });
  const username = `${CANARY.toLowerCase()}.${randomUUID().slice(0, 6)}`;
  const referent = await makeUser(t.db, config, { organisationId: cpi, roles: ['cpi_referent'], username });
  const address = `${username}@example.test`;
  await t.db.owner
    .updateTable('users')
    .set({ email: address, display_name: `Dott.ssa ${CANARY}` })
    .where('id', '=', referent.id)
    .execute();
  const referralId = randomUUID();
  await withContext(t.db, async (tx) => {
    await setActor(tx, { userId: operator.id, organisationId: centre, roles: ['centre_operator'] });
    await notify(tx, { organisationId: cpi, roles: ['cpi_referent'], kind, referralId });
  });
  const row = await t.db.owner
    .selectFrom('email_outbox')
    .select('id')
    .where('user_id', '=', referent.id)
    .executeTakeFirstOrThrow();
  return { referent, address, referralId, outboxId: row.id };
}

const rowOf = (id: string) =>
  t.db.owner.selectFrom('email_outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
/** Seconds from the database's now() to the row's next attempt. */
const waitOf = async (id: string) =>
  Number(
    (
      await sql<{
        s: number;
      }>`SELECT extract(epoch FROM next_attempt_at - now())::float8 AS s FROM email_outbox WHERE id = ${id}`.execute(
        t.db.owner,
      )
    ).rows[0]?.s,
  );
const makeDue = (id: string) =>
  t.db.owner
    .updateTable('email_outbox')
    .set({ next_attempt_at: sql`now() - interval '1 second'` })
    .where('id', '=', id)
    .execute();

describe('the e-mail outbox', () => {
  it('sends a queued mail through SMTP once, in Italian and English, with no personal data', async () => {
    const q = await queued();
    expect(await worker.runOnce()).toEqual({ sent: 1, failed: 0 });
    expect(receiver.mails).toHaveLength(1);
    const mail = receiver.mails[0];
    if (!mail) throw new Error('no mail');
    expect(mail.to).toEqual([q.address]);
    expect(mail.parsed.subject).toBe('Percorsi: hai un nuovo invio / You have a new referral');
    expect(mail.parsed.from?.value).toEqual([{ name: 'Percorsi', address: 'no-reply@percorsi.invalid' }]);
    expect(mail.parsed.text).toContain('Accedi a https://percorsi.test e apri la pagina Notifiche');
    expect(mail.parsed.text).toContain('Sign in at https://percorsi.test');
    const content = `${mail.parsed.subject}\n${mail.parsed.text}`;
    for (const secret of [CANARY, CANARY.toLowerCase(), q.referralId, q.referent.id])
      expect(content).not.toContain(secret);
    expect(mail.raw).not.toContain(CANARY); // not in any header either, the To address aside
    const row = await rowOf(q.outboxId);
    expect([row.attempts, row.last_error, row.failed_at, row.sent_at instanceof Date]).toEqual([0, null, null, true]);
    expect(await worker.runOnce()).toEqual({ sent: 0, failed: 0 });
    expect(receiver.mails).toHaveLength(1);
  });

  it('retries a refused mail with exponential backoff and sends it in the end', async () => {
    const q = await queued('referral_declined');
    receiver.refuseNext(2);
    expect(await worker.runOnce()).toEqual({ sent: 0, failed: 1 });
    let row = await rowOf(q.outboxId);
    expect([row.attempts, row.last_error, row.sent_at, row.failed_at]).toEqual([1, 'EENVELOPE_550', null, null]);
    expect(await waitOf(q.outboxId)).toBeGreaterThan(55);
    expect(await waitOf(q.outboxId)).toBeLessThanOrEqual(60);
    expect(await worker.runOnce()).toEqual({ sent: 0, failed: 0 }); // not due yet

    await makeDue(q.outboxId);
    expect(await worker.runOnce()).toEqual({ sent: 0, failed: 1 });
    row = await rowOf(q.outboxId);
    expect(row.attempts).toBe(2);
    expect(await waitOf(q.outboxId)).toBeGreaterThan(115);
    expect(await waitOf(q.outboxId)).toBeLessThanOrEqual(120);

    await makeDue(q.outboxId);
    expect(await worker.runOnce()).toEqual({ sent: 1, failed: 0 });
    row = await rowOf(q.outboxId);
    expect([row.attempts, row.last_error, row.failed_at, row.sent_at instanceof Date]).toEqual([2, null, null, true]);
    expect(receiver.refused).toBeGreaterThanOrEqual(2);
    expect(receiver.mails.map((m) => m.parsed.subject)).toEqual([
      'Percorsi: un invio non è stato accettato / A referral was declined',
    ]);
    // the server's reply quoted the address: neither the outbox nor the log lines carry it
    expect(JSON.stringify(logs)).not.toContain(CANARY.toLowerCase());
    expect(JSON.stringify(logs)).toContain('EENVELOPE_550');
  });

  it(`gives up after ${MAX_ATTEMPTS} failures and does not retry`, async () => {
    const q = await queued();
    receiver.refuseNext(Number.POSITIVE_INFINITY);
    const waits: number[] = [];
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      await makeDue(q.outboxId);
      expect(await worker.runOnce()).toEqual({ sent: 0, failed: 1 });
      waits.push(Math.round((await waitOf(q.outboxId)) / 60));
    }
    expect(waits.slice(0, 7)).toEqual([1, 2, 4, 8, 16, 32, 60]);
    const row = await rowOf(q.outboxId);
    expect([row.attempts, row.last_error, row.sent_at, row.failed_at instanceof Date]).toEqual([
      MAX_ATTEMPTS,
      'EENVELOPE_550',
      null,
      true,
    ]);
    await makeDue(q.outboxId);
    receiver.refuseNext(0);
    expect(await worker.runOnce()).toEqual({ sent: 0, failed: 0 });
    expect(receiver.mails).toHaveLength(0);
  });

  it('sends each mail once when several nodes run the worker at the same time', async () => {
    const ids = [(await queued()).outboxId, (await queued()).outboxId, (await queued()).outboxId];
    const others = [1, 2].map(() => startOutboxWorker({ db: t.db, config, logger, intervalMs: 0 }));
    try {
      const runs = await Promise.all([worker, ...others].map((w) => w.runOnce()));
      expect(runs.reduce((n, r) => n + r.sent, 0)).toBe(3);
    } finally {
      await Promise.all(others.map((w) => w.stop()));
    }
    expect(receiver.mails).toHaveLength(3);
    for (const id of ids) expect((await rowOf(id)).sent_at).toBeInstanceOf(Date);
  });

  it('never sends to a user disabled since the mail was queued', async () => {
    const q = await queued();
    await t.db.owner.updateTable('users').set({ disabled_at: new Date() }).where('id', '=', q.referent.id).execute();
    expect(await worker.runOnce()).toEqual({ sent: 0, failed: 1 });
    const row = await rowOf(q.outboxId);
    expect([row.last_error, row.sent_at, row.failed_at instanceof Date]).toEqual(['user_disabled', null, true]);
    expect(receiver.mails).toHaveLength(0);
  });

  it('records a connection failure as a code and keeps the mail for later', async () => {
    const q = await queued();
    const closed = await startReceiver();
    await closed.close();
    const offline = startOutboxWorker({ db: t.db, config: { ...config, smtpUrl: closed.url }, logger, intervalMs: 0 });
    try {
      expect(await offline.runOnce()).toEqual({ sent: 0, failed: 1 });
    } finally {
      await offline.stop();
    }
    const row = await rowOf(q.outboxId);
    expect([row.attempts, row.failed_at, row.sent_at]).toEqual([1, null, null]);
    expect(row.last_error).toMatch(/^[A-Z0-9_]+$/);
  });
});
