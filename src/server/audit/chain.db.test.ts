import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { withContext } from '../db/context.ts';
import type { Database } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';
import { auditRows, openTestDb } from '../testing/harness.ts';
import { chainAudit, startAuditChainer } from './chainer.ts';
import { recordAudit } from './record.ts';
import { verifyAuditChain } from './verify.ts';

/** Each test gets its own database: positions and ids start at 1. */
async function withDb(fn: (db: Database) => Promise<void>, options: { migrateBefore?: string } = {}) {
  const db = await openTestDb(options);
  try {
    await fn(db);
  } finally {
    await db.close();
  }
}

const login = (details: Record<string, number | boolean>) =>
  ({ action: 'auth.login', outcome: 'failure', details }) as const;

async function append(db: Database, n: number) {
  for (let i = 0; i < n; i++) await withContext(db, (tx) => recordAudit(tx, null, login({ i })));
}

const chain = (db: Database) => chainAudit(db.owner, { wait: true });

/** Changes rows as the database owner could, bypassing the append-only triggers. */
async function tamper(db: Database, statements: ReturnType<typeof sql>[]) {
  await db.owner.transaction().execute(async (tx) => {
    await sql`SET LOCAL session_replication_role = replica`.execute(tx);
    for (const statement of statements) await statement.execute(tx);
  });
}

const links = async (db: Database) =>
  (
    await sql<{ chain_seq: string; log_seq: string }>`
      SELECT chain_seq::text, log_seq::text FROM audit_chain ORDER BY chain_seq`.execute(db.owner)
  ).rows;

const onPostgres = Boolean(process.env.PERCORSI_TEST_PG);

// every test opens its own database (migrations included): slow on a busy machine
describe('audit chain', { timeout: 240_000 }, () => {
  it('chains committed rows after the fact and verifies them, in numeric order past 9', () =>
    withDb(async (db) => {
      await append(db, 25);
      const before = await verifyAuditChain(db.owner);
      expect(before).toMatchObject({ ok: true, checked: 0, pending: { count: 25 } });
      // the server's chainer (main.ts), on a short timer
      const chainer = startAuditChainer({ db, logger: console, intervalMs: 20 });
      for (let i = 0; i < 500 && (await verifyAuditChain(db.owner)).checked < 25; i++)
        await new Promise((resolve) => setTimeout(resolve, 20));
      await chainer.stop();
      const report = await verifyAuditChain(db.owner, { rangeSize: 7 });
      expect(report).toMatchObject({
        ok: true,
        checked: 25,
        headSeq: '25',
        pending: { count: 0, oldestSeconds: null },
      });
      expect(await chain(db)).toBe(0);
    }));

  it('cannot be changed, deleted, numbered or chained by the app role', () =>
    withDb(async (db) => {
      await append(db, 1);
      await chain(db);
      await expect(
        withContext(db, (tx) => sql`UPDATE audit_log SET outcome = 'success'`.execute(tx)),
      ).rejects.toThrow();
      await expect(withContext(db, (tx) => sql`DELETE FROM audit_log`.execute(tx))).rejects.toThrow();
      await expect(sql`DELETE FROM audit_log`.execute(db.owner)).rejects.toThrow(/append-only/);
      await expect(sql`DELETE FROM audit_chain`.execute(db.owner)).rejects.toThrow(/append-only/);
      // the id, time and transaction come from the database, never from the request
      for (const forged of [
        sql`INSERT INTO audit_log (seq, action, outcome) VALUES (99, 'auth.login', 'failure')`,
        sql`INSERT INTO audit_log (occurred_at, action, outcome) VALUES ('2000-01-01', 'auth.login', 'failure')`,
        sql`INSERT INTO audit_log (tx, action, outcome) VALUES ('1', 'auth.login', 'failure')`,
        sql`SELECT count(*) FROM audit_chain`,
        sql`INSERT INTO audit_chain VALUES (2, 2, 'x', 'y')`,
        sql`SELECT audit_chain_step(10)`,
        sql`UPDATE audit_chain_head SET chain_seq = 0`,
      ]) {
        await expect(withContext(db, (tx) => forged.execute(tx))).rejects.toMatchObject({ code: '42501' });
      }
      expect(await verifyAuditChain(db.owner)).toMatchObject({ ok: true, checked: 1 });
    }));

  it.each([
    // an edited row fails its own hash
    ['an edited row', [sql`UPDATE audit_log SET outcome = 'success' WHERE seq = 3`], ['3', 'hash_mismatch']],
    // …and when its hash is recomputed too, the next link no longer points at it
    [
      'an edited row with its hash recomputed',
      [
        sql`UPDATE audit_log SET outcome = 'success' WHERE seq = 3`,
        sql`UPDATE audit_chain c SET hash = audit_link_hash(c.chain_seq, l.seq, l.tx, l.occurred_at, l.actor_user_id,
          l.organisation_id, l.action, l.subject_type, l.subject_id, l.purpose, l.outcome, l.details, c.prev_hash)
          FROM audit_log l WHERE l.seq = c.log_seq AND c.chain_seq = 3`,
      ],
      ['4', 'prev_hash_mismatch'],
    ],
    ['a deleted row', [sql`DELETE FROM audit_log WHERE seq = 3`], ['3', 'missing_row']],
    // a row deleted with its link leaves a gap: the chain breaks at the link that followed it
    [
      'a deleted row and its link',
      [sql`DELETE FROM audit_log WHERE seq = 3`, sql`DELETE FROM audit_chain WHERE chain_seq = 3`],
      ['4', 'sequence_gap'],
    ],
    [
      'two rows swapped',
      [
        sql`UPDATE audit_log SET seq = -1 WHERE seq = 3`,
        sql`UPDATE audit_log SET seq = 3 WHERE seq = 4`,
        sql`UPDATE audit_log SET seq = 4 WHERE seq = -1`,
      ],
      ['3', 'hash_mismatch'],
    ],
    [
      'two links swapped',
      [
        sql`UPDATE audit_chain SET chain_seq = -1 WHERE chain_seq = 3`,
        sql`UPDATE audit_chain SET chain_seq = 3 WHERE chain_seq = 4`,
        sql`UPDATE audit_chain SET chain_seq = 4 WHERE chain_seq = -1`,
      ],
      ['3', 'prev_hash_mismatch'],
    ],
    [
      'a removed tail',
      [sql`DELETE FROM audit_log WHERE seq = 6`, sql`DELETE FROM audit_chain WHERE chain_seq = 6`],
      ['6', 'missing_tail'],
    ],
    ['a forged link after the head', [sql`INSERT INTO audit_chain VALUES (7, 99, 'x', 'y')`], ['7', 'missing_tail']],
  ])('detects %s at that link', (_name, change, [chainSeq, reason]) =>
    withDb(async (db) => {
      await append(db, 6);
      await chain(db);
      await tamper(db, change);
      const report = await verifyAuditChain(db.owner, { rangeSize: 2 });
      expect(report.ok).toBe(false);
      expect(report.broken).toEqual({ chainSeq, reason });
    }),
  );

  it('a rolled-back request leaves no row and no gap in the chain', () =>
    withDb(async (db) => {
      await append(db, 1);
      await expect(
        withContext(db, async (tx) => {
          await recordAudit(tx, null, login({ rolledBack: true }));
          throw new Error('the request fails after its audit row');
        }),
      ).rejects.toThrow('the request fails');
      await append(db, 1);
      expect(await chain(db)).toBe(2);
      const ids = (await auditRows(db)).map((r) => Number(r.seq));
      expect(ids).toEqual([1, 3]); // the id was used, the row is gone
      expect(await links(db)).toEqual([
        { chain_seq: '1', log_seq: '1' },
        { chain_seq: '2', log_seq: '3' },
      ]);
      expect(await verifyAuditChain(db.owner)).toMatchObject({ ok: true, checked: 2 });
    }));

  it('chains a row whose transaction commits after rows with higher ids were chained', () =>
    withDb(async (db) => {
      if (db.kind === 'postgres') {
        let commit!: () => void;
        let inserted!: () => void;
        const gate = new Promise<void>((resolve) => {
          commit = resolve;
        });
        const didInsert = new Promise<void>((resolve) => {
          inserted = resolve;
        });
        const late = withContext(db, async (tx) => {
          await recordAudit(tx, null, login({ late: true }));
          inserted();
          await gate;
        });
        await didInsert;
        await append(db, 2);
        expect(await chain(db)).toBe(2); // the late row is not committed: not seen, not skipped
        commit();
        await late;
      } else {
        // PGlite has one connection: the late commit is an id taken first and used last
        const taken = await sql<{ id: string }>`SELECT nextval('audit_log_seq_seq')::text AS id`.execute(db.owner);
        await append(db, 2);
        expect(await chain(db)).toBe(2);
        await sql`INSERT INTO audit_log (seq, action, outcome) VALUES (${taken.rows[0]?.id}::bigint, 'auth.login', 'failure')`.execute(
          db.owner,
        );
      }
      expect(await chain(db)).toBe(1);
      expect(await links(db)).toEqual([
        { chain_seq: '1', log_seq: '2' },
        { chain_seq: '2', log_seq: '3' },
        { chain_seq: '3', log_seq: '1' },
      ]);
      expect(await verifyAuditChain(db.owner)).toMatchObject({ ok: true, checked: 3, pending: { count: 0 } });
    }));

  it.runIf(onPostgres)('concurrent writers and a running chainer make one unforked chain', () =>
    withDb(async (db) => {
      let writing = true;
      const chainer = (async () => {
        let chained = 0;
        while (writing) {
          chained += (await chainAudit(db.owner)) ?? 0;
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
        return chained;
      })();
      const writers = Array.from({ length: 5 }, async (_, w) => {
        for (let i = 0; i < 30; i++) {
          await withContext(db, async (tx) => {
            await recordAudit(tx, null, login({ w, i }));
            if (i % 7 === 3) throw new Error('rolled back');
          }).catch(() => undefined);
        }
      });
      await Promise.all(writers);
      writing = false;
      const whileWriting = await chainer;
      const after = (await chain(db)) ?? 0;
      const rows = await auditRows(db);
      expect(rows.length).toBe(5 * 30 - 5 * 4);
      expect(whileWriting + after).toBe(rows.length);
      const report = await verifyAuditChain(db.owner);
      expect(report).toMatchObject({ ok: true, checked: rows.length, pending: { count: 0 } });
      expect(new Set((await links(db)).map((l) => l.log_seq)).size).toBe(rows.length);
    }),
  );

  it.runIf(onPostgres)('lets one chainer at a time extend the chain', () =>
    withDb(async (db) => {
      await append(db, 2);
      await db.owner.transaction().execute(async (tx) => {
        const first = await sql<{ n: number }>`SELECT audit_chain_step(100) AS n`.execute(tx);
        const second = await sql<{ n: number }>`SELECT audit_chain_step(100) AS n`.execute(db.owner);
        expect([first.rows[0]?.n, second.rows[0]?.n]).toEqual([2, -1]);
      });
      expect(await verifyAuditChain(db.owner)).toMatchObject({ ok: true, checked: 2 });
    }),
  );

  it('reports rows not chained yet apart from breaks; before chaining, the owner can remove one unseen', () =>
    withDb(async (db) => {
      await append(db, 3);
      await chain(db);
      await append(db, 2);
      const report = await verifyAuditChain(db.owner);
      expect(report.ok).toBe(true);
      expect(report.checked).toBe(3);
      expect(report.pending.count).toBe(2);
      expect(report.pending.oldestSeconds).toBeGreaterThanOrEqual(0);
      // The window: a row not chained yet is protected only by the append-only grants and triggers.
      // The database owner deleting it then leaves no trace (ids have gaps anyway, from rollbacks).
      await tamper(db, [sql`DELETE FROM audit_log WHERE seq = 5`]);
      expect(await chain(db)).toBe(1);
      expect(await verifyAuditChain(db.owner)).toMatchObject({ ok: true, checked: 4, pending: { count: 0 } });
      // Once chained, the same deletion is a break.
      await tamper(db, [sql`DELETE FROM audit_log WHERE seq = 4`]);
      expect((await verifyAuditChain(db.owner)).broken).toEqual({ chainSeq: '4', reason: 'missing_row' });
    }));

  it('continues the chain written before migration 070, whose rows still verify', () =>
    withDb(
      async (db) => {
        await append(db, 3); // numbered and chained by the old insert trigger
        await migrate(db.owner);
        await append(db, 2);
        expect(await chain(db)).toBe(2);
        expect(await links(db)).toEqual(['1', '2', '3', '4', '5'].map((n) => ({ chain_seq: n, log_seq: n })));
        expect(await verifyAuditChain(db.owner)).toMatchObject({ ok: true, checked: 5 });
        await tamper(db, [sql`UPDATE audit_log SET details = '{"i": 9}' WHERE seq = 2`]);
        expect((await verifyAuditChain(db.owner)).broken).toEqual({ chainSeq: '2', reason: 'hash_mismatch' });
      },
      { migrateBefore: '070' },
    ));
});
