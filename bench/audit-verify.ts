/**
 * `npm run bench:audit`: the audit trail at scale, on the real PostgreSQL (PERCORSI_BENCH_PG).
 * 1. A fresh database with AUDIT_ROWS audit rows (default 5,000,000; years of rows), seeded and
 *    chained set-based in SQL, then vacuumed as a long-lived database would be.
 * 2. `verifyAuditChain` (ranges in SQL on two connections): rows/s, twice.
 * 3. Audited writes per second with WRITERS connections: today's design (the chainer every second)
 *    against the old one (a BEFORE INSERT trigger locking one head row until commit, restored for the
 *    measurement on the same table), alternating A B A B, AUDIT_WRITE_SECONDS each.
 * Figures, not assertions; the database is dropped at the end. Results: bench/results/audit-latest.json.
 */
import { execSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { chainAudit, startAuditChainer } from '../src/server/audit/chainer.ts';
import { recordAudit } from '../src/server/audit/record.ts';
import { verifyAuditChain } from '../src/server/audit/verify.ts';
import { setActor, withContext } from '../src/server/db/context.ts';
import { openPostgres } from '../src/server/db/database.ts';
import { ROOT } from './child.ts';
import { cpuMsOf } from './proc.ts';
import { createBenchDb } from './pg-setup.ts';

const ROWS = Number(process.env.AUDIT_ROWS ?? 5_000_000);
const WRITERS = Number(process.env.AUDIT_WRITERS ?? 16);
const WRITE_SECONDS = Number(process.env.AUDIT_WRITE_SECONDS ?? 10);
const started = performance.now();
const say = (text: string) =>
  console.log(`[bench:audit ${((performance.now() - started) / 1000).toFixed(1)} s] ${text}`);
const load = () => os.loadavg().map((n) => Math.round(n * 100) / 100);
const timed = async <T>(fn: () => Promise<T>): Promise<[T, number]> => {
  const t = performance.now();
  const value = await fn();
  return [value, (performance.now() - t) / 1000];
};

const SECONDARY = ['audit_log_actor_idx', 'audit_log_org_idx', 'audit_log_subject_idx', 'audit_log_time_idx'];

/** Old design, for comparison only: what migration 001's trigger did per insert (lock the head row, hash, update). */
const OLD_TRIGGER = `
  CREATE TABLE bench_old_head (id integer PRIMARY KEY, last_seq bigint NOT NULL, last_hash text NOT NULL);
  INSERT INTO bench_old_head VALUES (1, 0, repeat('0', 64));
  CREATE FUNCTION bench_old_chain() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = public, pg_temp AS $$
  DECLARE head record;
  BEGIN
    UPDATE bench_old_head SET last_seq = last_seq + 1 WHERE id = 1 RETURNING last_seq, last_hash INTO head;
    NEW.occurred_at := clock_timestamp();
    UPDATE bench_old_head SET last_hash = audit_link_hash(head.last_seq, head.last_seq, NULL, NEW.occurred_at,
      NEW.actor_user_id, NEW.organisation_id, NEW.action, NEW.subject_type, NEW.subject_id, NEW.purpose, NEW.outcome,
      NEW.details, head.last_hash) WHERE id = 1;
    RETURN NEW;
  END $$;`;

async function main() {
  say(`creating a fresh database; seeding ${ROWS.toLocaleString('en')} audit rows… (load ${load().join(' ')})`);
  // no placeholder history (its hashes would not verify) and no suite template: this bench writes its own chain
  const bench = await createBenchDb('percorsi_bench', 0, '');
  const writers = openPostgres(bench.ownerUrl, bench.appUrl, WRITERS);
  const result: Record<string, unknown> = {
    at: new Date().toISOString(),
    commit: execSync('git rev-parse --short HEAD', { cwd: ROOT }).toString().trim(),
    postgres: bench.serverVersion,
    cpus: `${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}`,
    rows: ROWS,
    loadAtStart: load(),
  };
  try {
    const o = bench.db.owner;
    // Set-based: secondary indexes built after the rows (as a restore would), ~400 users in 40
    // organisations over ~5 years, a few subjects each.
    for (const index of SECONDARY) await sql`DROP INDEX ${sql.ref(index)}`.execute(o);
    const [, insertS] = await timed(() =>
      sql`INSERT INTO audit_log (occurred_at, actor_user_id, organisation_id, action, subject_type, subject_id,
          purpose, outcome, details)
        SELECT now() - make_interval(secs => (${ROWS}::int - i) * 30), md5('u' || (i % 400))::uuid,
          md5('o' || (i % 400 % 40))::uuid, (ARRAY['case.read', 'case.list', 'referral.read', 'auth.login'])[1 + i % 4],
          'case', md5('c' || (i % 100000))::uuid::text, CASE WHEN i % 10 = 0 THEN 'assistance' END,
          CASE WHEN i % 50 = 0 THEN 'denied' ELSE 'success' END, jsonb_build_object('results', i % 25)
        FROM generate_series(1, ${ROWS}::int) i`.execute(o),
    );
    const [, indexS] = await timed(async () => {
      await sql`CREATE INDEX audit_log_actor_idx ON audit_log (actor_user_id, seq)`.execute(o);
      await sql`CREATE INDEX audit_log_org_idx ON audit_log (organisation_id, seq)`.execute(o);
      await sql`CREATE INDEX audit_log_subject_idx ON audit_log (subject_id, seq)`.execute(o);
      await sql`CREATE INDEX audit_log_time_idx ON audit_log (occurred_at)`.execute(o);
    });
    say(`rows inserted in ${insertS.toFixed(0)} s, indexes in ${indexS.toFixed(0)} s; chaining them in one statement…`);
    const [chained, chainS] = await timed(async () => {
      const r = await sql<{ n: number }>`SELECT audit_chain_step(${ROWS}::int) AS n`.execute(o);
      return Number(r.rows[0]?.n);
    });
    say(`chained ${chained.toLocaleString('en')} rows in ${chainS.toFixed(0)} s; VACUUM ANALYZE…`);
    await sql`VACUUM ANALYZE audit_log`.execute(o);
    await sql`VACUUM ANALYZE audit_chain`.execute(o);
    result.seed = {
      insertSeconds: insertS,
      indexSeconds: indexS,
      chainSeconds: chainS,
      chainedRowsPerSecond: chained / chainS,
    };

    const verifications: Array<{
      rows: number;
      seconds: number;
      rowsPerSecond: number;
      rowsPerBackendCpuSecond: number;
      ok: boolean;
      load: number[];
    }> = [];
    // CPU of this database's PostgreSQL backends (the verifier's connections): a figure the other
    // load on the machine disturbs less than wall-clock time
    const backendCpu = async () => {
      const r = await sql<{ pid: number }>`SELECT pid FROM pg_stat_activity WHERE datname = current_database()`.execute(
        o,
      );
      const cpu = new Map<number, number>();
      for (const { pid } of r.rows) {
        try {
          cpu.set(pid, cpuMsOf(pid));
        } catch {
          // ended meanwhile
        }
      }
      return cpu;
    };
    const verifyOnce = async () => {
      const before = await backendCpu();
      const [report, seconds] = await timed(() => verifyAuditChain(o));
      let cpuMs = 0;
      for (const [pid, ms] of await backendCpu()) cpuMs += ms - (before.get(pid) ?? 0);
      const v = {
        rows: report.checked,
        seconds,
        rowsPerSecond: report.checked / seconds,
        rowsPerBackendCpuSecond: cpuMs > 0 ? (report.checked * 1000) / cpuMs : 0,
        ok: report.ok,
        load: load(),
      };
      verifications.push(v);
      say(
        `verify: ${v.ok ? 'intact' : `BROKEN ${JSON.stringify(report.broken)}`}, ${v.rows.toLocaleString('en')} rows in ` +
          `${seconds.toFixed(1)} s = ${Math.round(v.rowsPerSecond).toLocaleString('en')} rows/s; ` +
          `${Math.round(v.rowsPerBackendCpuSecond).toLocaleString('en')} rows per CPU-second of PostgreSQL (load ${v.load.join(' ')})`,
      );
    };
    await verifyOnce();
    await verifyOnce();

    // Audited writes: a request-sized transaction as percorsi_app with its actor, the audit row,
    // then one more statement (the rest of the request) before commit.
    const actor = { userId: md5uuid('u1'), organisationId: md5uuid('o1'), roles: ['centre_operator' as const] };
    const writeFor = async (seconds: number) => {
      const until = performance.now() + seconds * 1000;
      let n = 0;
      await Promise.all(
        Array.from({ length: WRITERS }, async () => {
          while (performance.now() < until) {
            await withContext(writers, async (tx) => {
              await setActor(tx, actor);
              await recordAudit(tx, actor, { action: 'case.read', subjectType: 'case', subjectId: actor.userId });
              await sql`SELECT 1`.execute(tx);
            });
            n++;
          }
        }),
      );
      return n / seconds;
    };
    await sql.raw(OLD_TRIGGER).execute(o);
    const phases: Array<{ design: 'chainer' | 'old trigger'; writesPerSecond: number; load: number[] }> = [];
    for (let round = 0; round < 2; round++) {
      const chainer = startAuditChainer({ db: bench.db, logger: console, intervalMs: 1_000 });
      phases.push({ design: 'chainer', writesPerSecond: await writeFor(WRITE_SECONDS), load: load() });
      await chainer.stop();
      await sql`CREATE TRIGGER bench_old BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION bench_old_chain()`.execute(
        o,
      );
      phases.push({ design: 'old trigger', writesPerSecond: await writeFor(WRITE_SECONDS), load: load() });
      await sql`DROP TRIGGER bench_old ON audit_log`.execute(o);
      for (const p of phases.slice(-2))
        say(
          `${p.design}: ${Math.round(p.writesPerSecond)} audited writes/s, ${WRITERS} writers (load ${p.load.join(' ')})`,
        );
    }
    const lag = await chainAudit(o, { wait: true });
    result.verify = verifications;
    result.writes = { writers: WRITERS, secondsEach: WRITE_SECONDS, phases, chainedAfterLastPhase: lag };
    const median = (xs: number[]) => {
      const sorted = [...xs].sort((a, b) => a - b);
      const mid = Math.floor(sorted.length / 2);
      return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
    };
    const best = Math.max(...verifications.map((v) => v.rowsPerSecond));
    const perCpu = Math.max(...verifications.map((v) => v.rowsPerBackendCpuSecond));
    const newW = median(phases.filter((p) => p.design === 'chainer').map((p) => p.writesPerSecond));
    const oldW = median(phases.filter((p) => p.design === 'old trigger').map((p) => p.writesPerSecond));
    result.loadAtEnd = load();
    result.summary = {
      verifyRowsPerSecond: Math.round(best),
      verifyRowsPerBackendCpuSecond: Math.round(perCpu),
      verifyGoal: '≥ 200,000 rows/s on ≥ 5 M rows',
      verifyMet: best >= 200_000 && ROWS >= 5_000_000,
      auditedWritesPerSecond: { chainer: Math.round(newW), oldTrigger: Math.round(oldW), ratio: newW / oldW },
    };
    console.log('\nAudit trail');
    console.log(`  rows                         ${ROWS.toLocaleString('en')}`);
    console.log(
      `  audit:verify                 ${Math.round(best).toLocaleString('en')} rows/s (best of ${verifications.length}; goal ≥ 200,000 on ≥ 5 M rows: ${(result.summary as { verifyMet: boolean }).verifyMet ? 'met' : 'not met'})`,
    );
    console.log(
      `  verify, per CPU-second        ${Math.round(perCpu).toLocaleString('en')} rows per CPU-second of the PostgreSQL backends (two connections: up to twice that on two free cores)`,
    );
    console.log(
      `  audited writes/s             ${Math.round(newW)} with the chainer, ${Math.round(oldW)} with the old trigger (×${(newW / oldW).toFixed(2)}; median of 2 each, alternating)`,
    );
    console.log(
      `  load average                 start ${String(result.loadAtStart)} · end ${load().join(' ')} on ${os.cpus().length} cores`,
    );
  } finally {
    await writers.close().catch(() => undefined);
    await bench.drop();
    result.seconds = (performance.now() - started) / 1000;
    const dir = path.join(ROOT, 'bench', 'results');
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, 'audit-latest.json'), `${JSON.stringify(result, null, 2)}\n`);
    say('database dropped; results in bench/results/audit-latest.json');
  }
}

function md5uuid(text: string): string {
  // the same ids the seed uses (md5 of the text as a uuid), computed in Node
  const hex = createHash('md5').update(text).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

await main();
