import { randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { makeOrg, makeUser, openTestDbPerFile, testConfig } from '../testing/harness.ts';
import { purgeSystemData, retentionFrom } from './retention.ts';
import { type Job, startJobs } from './runner.ts';
import { systemJobs } from './schedule.ts';

const t = openTestDbPerFile();
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

function counting(name: string, everyMs: number, ms = 30) {
  const job = {
    calls: 0,
    name,
    everyMs,
    async run() {
      job.calls++;
      await new Promise((r) => setTimeout(r, ms));
      return { done: 1 };
    },
  };
  return job;
}

const runsOf = async (job: string) =>
  (
    await sql<{ runs: string; last_node: string; last_ok: boolean; last_result: unknown }>`
      SELECT runs::text, last_node, last_ok, last_result FROM job_runs WHERE job = ${job}`.execute(t.db.owner)
  ).rows[0];

describe('job runner (one run per period across nodes)', () => {
  it('runs a job once when several nodes ask at the same moment', async () => {
    const job = counting('race_once', 60_000);
    const nodes = ['node-a', 'node-b', 'node-c', 'node-d'].map((node) =>
      startJobs({ owner: t.db.owner, logger: quiet, jobs: [job], node, manual: true }),
    );
    const results = await Promise.all(nodes.map((n) => n.runNow('race_once')));
    expect(job.calls).toBe(1);
    expect(results.filter((r) => r !== null)).toEqual([{ done: 1 }]);
    // not due again until its period has passed, on any node
    expect(await nodes[1]?.runNow('race_once')).toBeNull();
    expect(job.calls).toBe(1);
    const row = await runsOf('race_once');
    expect(row?.runs).toBe('1');
    expect(row?.last_ok).toBe(true);
    expect(row?.last_result).toEqual({ done: 1 });
    await Promise.all(nodes.map((n) => n.stop()));
  });

  it('runs again once the period has passed, on whichever node asks', async () => {
    const job = counting('short_period', 200, 1);
    const a = startJobs({ owner: t.db.owner, logger: quiet, jobs: [job], node: 'node-a', manual: true });
    const b = startJobs({ owner: t.db.owner, logger: quiet, jobs: [job], node: 'node-b', manual: true });
    expect(await a.runNow('short_period')).not.toBeNull();
    expect(await b.runNow('short_period')).toBeNull();
    await new Promise((r) => setTimeout(r, 250));
    expect(await b.runNow('short_period')).not.toBeNull();
    expect((await runsOf('short_period'))?.last_node).toBe('node-b');
    await Promise.all([a.stop(), b.stop()]);
  });

  it('keeps ticking on timers, and records a failure as an error code only', async () => {
    const failing: Job = {
      name: 'failing_job',
      everyMs: 100,
      run: async () => {
        throw Object.assign(new Error('Mario Rossi wrote something'), { code: 'boom_code' });
      },
    };
    const job = counting('timed_job', 100, 1);
    const runner = startJobs({ owner: t.db.owner, logger: quiet, jobs: [job, failing], node: 'node-t' });
    await new Promise((r) => setTimeout(r, 600));
    await runner.stop();
    expect(job.calls).toBeGreaterThanOrEqual(3);
    expect(job.calls).toBeLessThanOrEqual(8);
    const row = await sql<{ last_ok: boolean; last_error: string }>`
      SELECT last_ok, last_error FROM job_runs WHERE job = 'failing_job'`.execute(t.db.owner);
    expect(row.rows[0]).toEqual({ last_ok: false, last_error: 'boom_code' });
  });

  it('lists every periodic job of the server, the outbox only with SMTP', () => {
    const deps = { db: t.db, config: testConfig(), logger: quiet as never, outbox: null, env: {} };
    expect(systemJobs(deps).map((j) => j.name)).toEqual([
      'referral_sweep',
      'draft_sweep',
      'stale_entries',
      'statistics',
      'retention',
      'training_coverage',
      'insider_alerts',
    ]);
    const outbox = { runOnce: async () => ({ sent: 0, failed: 0 }), stop: async () => undefined };
    const withMail = systemJobs({ ...deps, outbox, env: { PERCORSI_JOBS_EVERY_MS: '500' } });
    expect(withMail.map((j) => j.name)).toContain('email_outbox');
    expect(new Set(withMail.map((j) => j.everyMs))).toEqual(new Set([500]));
  });

  it('runs each server job through the runner without error', async () => {
    const runner = startJobs({
      owner: t.db.owner,
      logger: quiet,
      jobs: systemJobs({ db: t.db, config: testConfig(), logger: quiet as never, outbox: null, env: {} }),
      node: 'node-s',
      manual: true,
    });
    for (const name of [
      'referral_sweep',
      'draft_sweep',
      'stale_entries',
      'statistics',
      'retention',
      'training_coverage',
      'insider_alerts',
    ]) {
      expect(await runner.runNow(name), name).not.toBeNull();
      expect((await runsOf(name))?.last_ok, name).toBe(true);
    }
    await runner.stop();
  });
});

describe('retention of system data', () => {
  it('reads the e-mail retention from PERCORSI_EMAIL_RETENTION_DAYS', () => {
    expect(retentionFrom({}).emailDays).toBe(30);
    expect(retentionFrom({ PERCORSI_EMAIL_RETENTION_DAYS: '7' }).emailDays).toBe(7);
    expect(() => retentionFrom({ PERCORSI_EMAIL_RETENTION_DAYS: 'soon' })).toThrow(/PERCORSI_EMAIL_RETENTION_DAYS/);
  });

  it('purges old sent and failed e-mails, ended sessions, old one-time links and idempotency keys, and nothing else', async () => {
    const config = testConfig();
    const org = await makeOrg(t.db);
    const user = await makeUser(t.db, config, { organisationId: org, roles: ['centre_operator'] });
    const o = t.db.owner;
    const mail = (fields: string) =>
      sql<{ id: string }>`INSERT INTO email_outbox (user_id, organisation_id, to_address, template, sent_at, failed_at)
        SELECT ${user.id}, ${org}, 'op@example.test', 'referral_received', ${sql.raw(fields)} RETURNING id::text`
        .execute(o)
        .then((r) => r.rows[0]?.id);
    await mail(`now() - interval '31 days', NULL`);
    await mail(`NULL, now() - interval '40 days'`);
    const newSent = await mail(`now() - interval '2 days', NULL`);
    const pending = await mail('NULL, NULL');
    await sql`UPDATE email_outbox SET created_at = now() - interval '90 days' WHERE id = ${pending}::bigint`.execute(o);

    const session = (id: string, stage: string, lastSeen: string, expires: string) =>
      sql`INSERT INTO sessions (id_hash, user_id, organisation_id, stage, csrf_token, last_seen_at, expires_at)
        VALUES (${id}, ${user.id}, ${org}, ${stage}, 'x', now() - ${sql.raw(`interval '${lastSeen}'`)},
          now() + ${sql.raw(`interval '${expires}'`)})`.execute(o);
    const tag = randomBytes(4).toString('hex');
    await session(`live-${tag}`, 'full', '1 minute', '8 hours');
    await session(`idle-${tag}`, 'full', '2 hours', '6 hours');
    await session(`over-${tag}`, 'full', '1 minute', '-1 minute');
    await session(`pre-${tag}`, 'pre_auth', '1 minute', '-5 minutes');

    const link = (hash: string, expires: string, used: string | null) =>
      sql`INSERT INTO invitations (organisation_id, token_hash, kind, user_id, expires_at, used_at)
        VALUES (${org}, ${hash}, 'reset', ${user.id}, now() + ${sql.raw(`interval '${expires}'`)},
          ${used ? sql`now() - ${sql.raw(`interval '${used}'`)}` : null})`.execute(o);
    await link(`pending-${tag}`, '1 day', null);
    await link(`justexpired-${tag}`, '-2 hours', null);
    await link(`expired-${tag}`, '-3 days', null);
    await link(`used-${tag}`, '1 day', '2 days');

    // an idempotency key needs a referral: the foreign key is left aside for this row only
    await o.transaction().execute(async (tx) => {
      await sql`SET LOCAL session_replication_role = replica`.execute(tx);
      for (const [key, age] of [
        [`old-key-${tag}`, '8 days'],
        [`new-key-${tag}`, '1 hour'],
      ] as const) {
        await sql`INSERT INTO idempotency_keys (user_id, key, organisation_id, request_hash, referral_id, created_at)
          VALUES (${user.id}, ${key}, ${org}, 'h', ${randomUUID()}, now() - ${sql.raw(`interval '${age}'`)})`.execute(
          tx,
        );
      }
    });

    const purged = await purgeSystemData(o, retentionFrom({}));
    expect(purged).toMatchObject({ emails: 2, sessions: 3, links: 2, idempotencyKeys: 1 });

    const left = async (q: ReturnType<typeof sql<{ k: string }>>) => (await q.execute(o)).rows.map((r) => r.k).sort();
    expect(await left(sql`SELECT id::text AS k FROM email_outbox WHERE user_id = ${user.id}`)).toEqual(
      [newSent, pending].sort(),
    );
    expect(await left(sql`SELECT id_hash AS k FROM sessions WHERE user_id = ${user.id}`)).toEqual([`live-${tag}`]);
    expect(await left(sql`SELECT token_hash AS k FROM invitations WHERE user_id = ${user.id}`)).toEqual(
      [`justexpired-${tag}`, `pending-${tag}`].sort(),
    );
    expect(await left(sql`SELECT key AS k FROM idempotency_keys WHERE user_id = ${user.id}`)).toEqual([
      `new-key-${tag}`,
    ]);
    // the trail says what was deleted, as counts
    const trail = await sql<{ details: Record<string, number> }>`
      SELECT details FROM audit_log WHERE action = 'system.retention' ORDER BY seq DESC LIMIT 1`.execute(o);
    expect(trail.rows[0]?.details).toEqual({ emails: 2, links: 2, idempotencyKeys: 1 });
    // a second run finds nothing more
    expect(await purgeSystemData(o, retentionFrom({}))).toMatchObject({
      emails: 0,
      sessions: 0,
      links: 0,
      idempotencyKeys: 0,
    });
    // a shorter e-mail retention reaches the newer mail, never the one still waiting
    expect((await purgeSystemData(o, retentionFrom({ PERCORSI_EMAIL_RETENTION_DAYS: '1' }))).emails).toBe(1);
    expect(await left(sql`SELECT id::text AS k FROM email_outbox WHERE user_id = ${user.id}`)).toEqual([pending]);
  });
});
