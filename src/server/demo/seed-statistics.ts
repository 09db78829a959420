/**
 * The demo's statistics history (observatory, issue 7). The demo's ~200 paths, written through the
 * use cases, reach the store by the catch-up like any other; spread over 900 days and 8 networks
 * they are too few for a quarter's table to show anything but "<5". So, for the demo only, three
 * years of synthetic facts are written straight into the statistics store at Lombardy's scale
 * (O.R.A.: Milan about 1,300 women a year, Pavia about 500, the other networks 250–300), by the
 * demo's real centres, CPIs and bodies. There are no cases behind them: no identity, no case, no
 * token (each counts as one woman). Deterministic (setseed). Never run outside demo mode.
 */
import { sql, type Transaction } from 'kysely';
import type { Database } from '../db/database.ts';
import { todayInItaly } from '../db/dates.ts';
import type { DB } from '../db/schema.ts';

/** A random pick from an array column: arr[1 + floor(r · n)]. */
const pick = (arr: string, r: string) => `(${arr})[1 + floor(${r} * cardinality(${arr}))::int]`;
const upTo = (d: string) => `CASE WHEN ${d} <= p.today THEN ${d} END`;

export async function seedDemoStatistics(db: Database, today = todayInItaly()): Promise<number> {
  return db.owner.transaction().execute(async (tx) => {
    await sql`SELECT setseed(0.2026)`.execute(tx);
    await sql`CREATE TEMP TABLE demo_paths ON COMMIT DROP AS
      WITH p AS (SELECT ${today}::date AS today),
      centres AS (
        SELECT o.id, n.network_id, count(*) OVER (PARTITION BY n.network_id) AS k
        FROM organisations o JOIN organisation_networks n ON n.organisation_id = o.id
        WHERE o.type IN ('cav', 'shelter_operator')),
      months AS (
        SELECT generate_series(date_trunc('month', p.today) - interval '36 months', date_trunc('month', p.today) - interval '1 month', interval '1 month')::date AS m
        FROM p),
      volume AS (
        SELECT c.id, c.network_id, m.m,
          (CASE c.network_id WHEN 'milano' THEN 110 WHEN 'pavia' THEN 42 ELSE 20 + (hashtext(c.network_id) & 7) END)::numeric / c.k AS per_centre
        FROM centres c CROSS JOIN months m)
      SELECT row_number() OVER () AS n, v.id AS centre_id, v.network_id,
        v.m + (random() * 27)::int AS taken, random() AS r1, random() AS r2, random() AS r3, random() AS r4,
        random() AS r5, random() AS r6, random() AS r7, random() AS r8, random() AS r9, random() AS r10,
        random() AS r11, random() AS r12, random() AS r13, random() AS r14
      FROM volume v, generate_series(1, greatest(1, round(v.per_centre * (0.75 + random() * 0.5))::int)) g`.execute(tx);
    const before = await sql<{
      k: string;
    }>`SELECT coalesce(max(path_key), 0)::text AS k FROM stats_path_source`.execute(tx);
    const from = before.rows[0]?.k ?? '0';
    await sql`INSERT INTO stats_path_source (case_id) SELECT gen_random_uuid() FROM demo_paths ORDER BY n`.execute(tx);
    const cpis = `(SELECT array_agg(id ORDER BY id) FROM organisations WHERE type = 'employment_centre' AND parent_id IS NULL)`;
    await sql`WITH p AS (SELECT ${today}::date AS today),
      keys AS (SELECT path_key, row_number() OVER (ORDER BY path_key) AS rn FROM stats_path_source WHERE path_key > ${from}::bigint),
      d AS (
        SELECT k.path_key, x.*,
          x.taken + (5 + x.r3 * 35)::int AS needs,
          x.taken + (60 + x.r9 * 340)::int AS hired,
          x.taken + (120 + x.r4 * 580)::int AS closed
        FROM demo_paths x JOIN keys k ON k.rn = x.n)
      INSERT INTO stats_paths
      SELECT d.path_key, d.network_id, d.centre_id,
        CASE WHEN d.r13 < 0.6 THEN ${sql.raw(pick(cpis, 'd.r14'))} END,
        d.network_id,
        CASE WHEN d.r1 < 0.2 THEN 'up_to_29' WHEN d.r1 < 0.52 THEN '30_39' WHEN d.r1 < 0.8 THEN '40_49'
          WHEN d.r1 < 0.93 THEN '50_59' WHEN d.r1 < 0.98 THEN '60_69' ELSE '70_plus' END,
        CASE WHEN d.r2 < 0.66 THEN 'italian' WHEN d.r2 < 0.74 THEN 'eu' WHEN d.r2 < 0.98 THEN 'non_eu' ELSE 'unknown' END,
        CASE WHEN d.r3 < 0.33 THEN 'none' WHEN d.r3 < 0.62 THEN 'one' WHEN d.r3 < 0.87 THEN 'two' WHEN d.r3 < 0.97 THEN 'three_plus' ELSE 'unknown' END,
        CASE WHEN d.r5 < 0.38 THEN 'employed' WHEN d.r5 < 0.72 THEN 'unemployed' WHEN d.r5 < 0.77 THEN 'student'
          WHEN d.r5 < 0.9 THEN 'homemaker' WHEN d.r5 < 0.95 THEN 'retired' ELSE 'unknown' END,
        CASE WHEN d.r6 < 0.04 THEN 'primary' WHEN d.r6 < 0.34 THEN 'lower_secondary' WHEN d.r6 < 0.74 THEN 'upper_secondary'
          WHEN d.r6 < 0.94 THEN 'tertiary' ELSE 'unknown' END,
        array_remove(ARRAY[
          'psychological',
          CASE WHEN d.r7 < 0.62 THEN 'physical' END,
          CASE WHEN d.r8 < 0.42 THEN 'economic' END,
          CASE WHEN d.r10 < 0.2 THEN 'stalking' END,
          CASE WHEN d.r11 < 0.15 THEN 'sexual' END,
          CASE WHEN d.r12 < 0.25 THEN 'witnessed' END], NULL),
        ARRAY[CASE WHEN d.r8 < 0.35 THEN 'spouse' WHEN d.r8 < 0.55 THEN 'cohabiting_partner' WHEN d.r8 < 0.67 THEN 'former_spouse'
          WHEN d.r8 < 0.77 THEN 'former_cohabiting_partner' WHEN d.r8 < 0.84 THEN 'partner_not_cohabiting'
          WHEN d.r8 < 0.88 THEN 'father' WHEN d.r8 < 0.91 THEN 'son' WHEN d.r8 < 0.95 THEN 'other_relative'
          WHEN d.r8 < 0.98 THEN 'acquaintance_friend' ELSE 'colleague_employer' END],
        d.taken - (7 + d.r2 * 33)::int, d.taken - (d.r4 * 6)::int, d.taken,
        CASE WHEN d.r5 < 0.85 THEN d.taken END,
        CASE WHEN d.r6 < 0.8 THEN ${sql.raw(upTo('d.needs'))} END,
        CASE WHEN d.r6 < 0.7 THEN ${sql.raw(upTo('d.needs + (5 + d.r7 * 25)::int'))} END,
        CASE WHEN d.r4 < 0.36 THEN ${sql.raw(upTo('d.closed'))} END,
        CASE WHEN d.r4 >= 0.36 AND d.r4 < 0.45 THEN ${sql.raw(upTo('d.closed'))} END,
        CASE WHEN d.r10 < 0.5 THEN ${sql.raw(upTo('d.taken + (15 + d.r11 * 45)::int'))} END,
        CASE WHEN d.r11 < 0.25 THEN ${sql.raw(upTo('d.taken + (30 + d.r12 * 90)::int'))} END,
        CASE WHEN d.r11 < 0.15 THEN ${sql.raw(upTo('d.taken + (90 + d.r12 * 110)::int'))} END,
        CASE WHEN d.r12 < 0.15 THEN ${sql.raw(upTo('d.taken + (60 + d.r13 * 180)::int'))} END,
        CASE WHEN d.r9 < 0.3 THEN ${sql.raw(upTo('d.hired'))} END,
        CASE WHEN d.r9 < 0.3 AND d.hired <= p.today THEN
          CASE WHEN d.r10 < 0.45 THEN 'fixed_term' WHEN d.r10 < 0.65 THEN 'permanent' WHEN d.r10 < 0.75 THEN 'apprenticeship'
            WHEN d.r10 < 0.95 THEN 'agency' ELSE 'self_employed' END END,
        CASE WHEN d.r9 < 0.24 THEN ${sql.raw(upTo('d.hired + 92'))} END,
        CASE WHEN d.r9 < 0.19 THEN ${sql.raw(upTo('d.hired + 183'))} END,
        CASE WHEN d.r9 < 0.15 THEN ${sql.raw(upTo('d.hired + 366'))} END,
        CASE WHEN d.r13 < 0.2 THEN ${sql.raw(upTo('d.taken + (20 + d.r14 * 100)::int'))} END,
        CASE WHEN d.r13 < 0.1 THEN ${sql.raw(upTo('d.taken + (50 + d.r14 * 150)::int'))} END
      FROM d CROSS JOIN p`.execute(tx);
    await seedDemoReferralFacts(tx, today, from);
    await seedDemoFeedback(tx, today);
    const n = await sql<{ n: number }>`SELECT count(*)::int AS n FROM demo_paths`.execute(tx);
    return n.rows[0]?.n ?? 0;
  });
}

/** About 1.2 referrals per synthetic path, to the bodies of the demo, with answers and deadlines. */
async function seedDemoReferralFacts(tx: Transaction<DB>, today: string, fromKey: string) {
  const of = (type: string) =>
    `(SELECT coalesce(array_agg(id ORDER BY id), ARRAY[]::uuid[]) FROM organisations WHERE type = '${type}' AND parent_id IS NULL)`;
  await sql`CREATE TEMP TABLE demo_refs ON COMMIT DROP AS
    WITH p AS (SELECT ${today}::date AS today)
    SELECT row_number() OVER () AS n, s.network_id, s.centre_id, s.taken_in_charge_on + (10 + random() * 80)::int AS sent,
      random() AS t, random() AS a, random() AS b, random() AS c, random() AS d, random() AS e
    FROM stats_paths s, generate_series(1, CASE WHEN random() < 0.2 THEN 2 ELSE 1 END) g
    WHERE s.path_key > ${fromKey}::bigint AND random() < 0.75`.execute(tx);
  await sql`DELETE FROM demo_refs WHERE sent > ${today}::date`.execute(tx);
  const before = await sql<{
    k: string;
  }>`SELECT coalesce(max(referral_key), 0)::text AS k FROM stats_referral_source`.execute(tx);
  const from = before.rows[0]?.k ?? '0';
  await sql`INSERT INTO stats_referral_source (referral_id, case_id) SELECT gen_random_uuid(), gen_random_uuid() FROM demo_refs ORDER BY n`.execute(
    tx,
  );
  await sql`WITH p AS (SELECT ${today}::date AS today),
    keys AS (SELECT referral_key, row_number() OVER (ORDER BY referral_key) AS rn FROM stats_referral_source WHERE referral_key > ${from}::bigint),
    x AS (
      SELECT k.referral_key, r.*,
        CASE WHEN r.t < 0.6 THEN 'employment_centre' WHEN r.t < 0.75 THEN 'training_body' WHEN r.t < 0.9 THEN 'social_services' ELSE 'housing_office' END AS rtype,
        r.sent + (1 + r.a * 9)::int AS ack,
        r.sent + (5 + r.c * 25)::int AS appt
      FROM demo_refs r JOIN keys k ON k.rn = r.n),
    y AS (
      SELECT x.*, CASE x.rtype
        WHEN 'employment_centre' THEN ${sql.raw(pick(of('employment_centre'), 'x.d'))}
        WHEN 'training_body' THEN ${sql.raw(pick(of('training_body'), 'x.d'))}
        WHEN 'social_services' THEN ${sql.raw(pick(of('social_services'), 'x.d'))}
        ELSE ${sql.raw(pick(of('housing_office'), 'x.d'))} END AS recipient,
        x.b < 0.88 AND x.ack <= p.today AS answered, x.b < 0.75 AS accepted, x.c < 0.8 AND x.appt <= p.today AS booked
      FROM x CROSS JOIN p)
    INSERT INTO stats_referrals
    SELECT y.referral_key, y.network_id, y.centre_id, y.recipient, y.rtype,
      CASE WHEN y.rtype = 'employment_centre' THEN y.recipient END,
      CASE y.rtype WHEN 'employment_centre' THEN 'work_orientation' WHEN 'training_body' THEN 'training'
        WHEN 'social_services' THEN 'social_support' ELSE 'housing' END,
      CASE WHEN NOT y.answered THEN CASE WHEN y.sent + 30 < p.today THEN 'expired' ELSE 'sent' END
        WHEN NOT y.accepted THEN 'declined' WHEN y.booked AND y.appt + 60 < p.today THEN 'completed' ELSE 'in_progress' END,
      y.sent,
      CASE WHEN y.answered THEN y.ack END,
      CASE WHEN y.answered AND y.accepted THEN y.ack END,
      CASE WHEN y.answered AND NOT y.accepted THEN y.ack END,
      CASE WHEN y.answered AND NOT y.accepted THEN
        CASE WHEN y.e < 0.35 THEN 'no_capacity' WHEN y.e < 0.6 THEN 'not_competent' WHEN y.e < 0.85 THEN 'not_eligible' WHEN y.e < 0.93 THEN 'duplicate' ELSE 'other' END END,
      CASE WHEN y.answered AND y.accepted AND y.booked THEN y.appt END,
      y.sent + 7, y.sent + 21, y.sent + 30,
      CASE WHEN y.answered AND y.accepted AND y.booked AND y.appt + 60 < p.today THEN y.appt + 60 END,
      NOT y.answered AND y.sent + 30 < p.today
    FROM y CROSS JOIN p WHERE y.recipient IS NOT NULL`.execute(tx);
}

/**
 * Her anonymous feedback for the demo: about one woman in eight of each centre's monthly paths
 * answers the form printed on her plan (spent tokens, answers from the form's fixed lists, mostly
 * positive, with what was missing), over the last 24 months.
 */
async function seedDemoFeedback(tx: Transaction<DB>, today: string) {
  await sql`CREATE TEMP TABLE demo_feedback ON COMMIT DROP AS
    SELECT c.centre_id AS organisation_id, date_trunc('month', c.taken)::date AS plan_month,
      md5(random()::text) || md5(random()::text) AS token_hash,
      random() AS a, random() AS b, random() AS c2, random() AS d, random() AS e
    FROM demo_paths c
    WHERE c.taken >= date_trunc('month', ${today}::date) - interval '24 months' AND random() < 0.125`.execute(tx);
  await sql`INSERT INTO feedback_tokens (token_hash, organisation_id, plan_month, answered)
    SELECT token_hash, organisation_id, plan_month, true FROM demo_feedback`.execute(tx);
  await sql`INSERT INTO feedback_answers (organisation_id, plan_month, question, answer)
    SELECT organisation_id, plan_month, q, x FROM demo_feedback f CROSS JOIN LATERAL (VALUES
      ('listened', CASE WHEN f.a < 0.72 THEN 'yes' WHEN f.a < 0.93 THEN 'partly' ELSE 'no' END),
      ('referral_helped', CASE WHEN f.b < 0.44 THEN 'yes' WHEN f.b < 0.68 THEN 'partly' WHEN f.b < 0.79 THEN 'no' ELSE 'not_referred' END),
      ('plan_own', CASE WHEN f.c2 < 0.63 THEN 'yes' WHEN f.c2 < 0.91 THEN 'partly' ELSE 'no' END),
      ('missing', CASE WHEN f.d < 0.16 THEN 'nothing' WHEN f.d < 0.42 THEN 'work' WHEN f.d < 0.63 THEN 'housing'
        WHEN f.d < 0.74 THEN 'income' WHEN f.d < 0.83 THEN 'childcare' WHEN f.d < 0.9 THEN 'time' WHEN f.d < 0.95 THEN 'legal' ELSE 'health' END),
      ('missing', CASE WHEN f.d >= 0.16 AND f.e < 0.35 THEN (CASE WHEN f.d < 0.42 THEN 'housing' ELSE 'work' END) END)
    ) AS v(q, x)
    WHERE x IS NOT NULL`.execute(tx);
}

/** Once, on a demo database whose store holds nothing yet. */
export async function seedDemoStatisticsOnce(db: Database): Promise<number> {
  const any = await sql<{ n: number }>`SELECT count(*)::int AS n FROM stats_paths`.execute(db.owner);
  if ((any.rows[0]?.n ?? 0) > 0) return 0;
  return seedDemoStatistics(db);
}
