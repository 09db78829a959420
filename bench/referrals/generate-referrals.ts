import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { todayInItaly } from '../../src/server/db/dates.ts';
import { sealMessage, sealShare } from '../../src/server/referrals/pseudonym.ts';
import type { Shared } from '../../src/server/referrals/schemas.ts';
import { RECIPIENT_TYPES } from '../../src/server/referrals/share-check.ts';
import { makeUser, type TestUser, testConfig } from '../../src/server/testing/harness.ts';
import type { BenchDb } from '../pg-setup.ts';
import {
  bulkLoad,
  type CasesSetup,
  dropSecondaryIndexes,
  type Generated,
  pick,
  prepareCases,
  type TableSize,
  tableSizes,
} from '../cases/generate.ts';

/**
 * The referrals benchmark's data: the caseload benchmark's database (bench/cases/generate.ts,
 * called as it is: 100,000 cases over ten years), then 400,000 referrals from the cases' centres
 * to the network's CPIs and other recipients, with consents, history, reports, messages, views,
 * idempotency keys and — for the minority whose access is still open — a share sealed with
 * sealShare under the bench's master key. Set-based SQL as the owner in one transaction, except
 * the shares and the thread messages, which are sealed here (sealShare, sealMessage, as the app
 * does) and written in batches. Not through sendReferral and the lifecycle use cases, which the
 * API and the demo seed use: 400,000 referrals one transaction at a time would take hours; the
 * rows keep the shape those use cases write, so change both together.
 */
export const DEFAULT_REFERRALS = 400_000;

/** Referents per recipient organisation (bulk-inserted; the load user is one more in the biggest CPI). */
const REFERENTS = { cpi: 6, other: 3 };
/** Share of referrals that go to CPIs (Zipf-like over them, s = 0.6); the rest uniformly to the other recipients. */
const CPI_SHARE = 0.6;

export interface ReferralsGenerated {
  referrals: number;
  seconds: number;
  steps: Generated['steps'];
  sizes: TableSize[];
  databaseBytes: number;
  statuses: Record<string, number>;
  /** referrals whose recipient still sees them (referral_access_open), i.e. with a share row */
  open: number;
  recipients: { cpis: number; others: number };
}

export interface ReferralsSetup {
  bench: BenchDb;
  masterKey: Buffer;
  /** a CPI referent of the CPI with the most referrals: the load user */
  user: TestUser;
  cpi: { id: string; name: string; referrals: number; visible: number; referents: number };
  /** referral ids the load user sees (access open), random order, up to 2000: the referral page rotates over them */
  referralIds: string[];
  cases: Pick<CasesSetup, 'generated' | 'centres'>;
  generated: ReferralsGenerated;
}

interface Recipient {
  id: string;
  name: string;
  type: string;
  share: number;
  referents: Array<{
    id: string;
    name: string;
    username: string;
    role: 'cpi_referent' | 'service_operator' | 'centre_operator';
  }>;
}

/** The organisations that receive referrals (share-check.ts RECIPIENT_TYPES): CPIs first, Milan's first. */
async function recipientsOf(owner: pg.Client): Promise<Array<{ id: string; name: string; type: string }>> {
  const r = await owner.query<{ id: string; name: string; type: string }>(
    `SELECT id, name, type FROM organisations WHERE type = ANY($1::text[])
     ORDER BY type = 'employment_centre' DESC, municipality_code = '015146' DESC NULLS LAST, name`,
    [RECIPIENT_TYPES],
  );
  return r.rows;
}

function planRecipients(
  found: Array<{ id: string; name: string; type: string }>,
  loadUser: { id: string; name: string },
): Recipient[] {
  const cpis = found.filter((o) => o.type === 'employment_centre');
  const others = found.filter((o) => o.type !== 'employment_centre');
  const zipf = cpis.map((_, i) => 1 / (i + 1) ** 0.6);
  const total = zipf.reduce((a, b) => a + b, 0);
  return found.map((o, i) => {
    const cpi = o.type === 'employment_centre';
    const role: Recipient['referents'][number]['role'] = cpi
      ? 'cpi_referent'
      : o.type === 'cav' || o.type === 'shelter_operator'
        ? 'centre_operator'
        : 'service_operator';
    const referents: Recipient['referents'] = Array.from({ length: cpi ? REFERENTS.cpi : REFERENTS.other }, (_, k) => ({
      id: randomUUID(),
      name: `Referente ${i + 1}.${k + 1}`,
      username: `bench-ref-${i + 1}-${k + 1}`,
      role,
    }));
    if (i === 0) referents.unshift({ id: loadUser.id, name: loadUser.name, username: '', role: 'cpi_referent' });
    return { ...o, share: cpi ? (CPI_SHARE * (zipf[i] ?? 0)) / total : (1 - CPI_SHARE) / others.length, referents };
  });
}

/** Share-field sets, by recipient kind, with weights; identity.phone is dropped where she is reached only through the centre. */
const CPI_FIELDS =
  "ARRAY['profile.ageBand','profile.citizenship','profile.education','profile.employment','plan.goals','plan.actions']";
const FIELDS = {
  cpi: [
    [CPI_FIELDS, 45],
    [`${CPI_FIELDS} || ARRAY['identity.name','identity.phone','identity.languages']`, 30],
    ["ARRAY['profile.ageBand','profile.education','profile.employment','profile.children']", 25],
  ],
  other: [
    ["ARRAY['profile.ageBand','profile.residence','profile.children','plan.goals']", 50],
    [
      "ARRAY['profile.ageBand','profile.residence','profile.children','plan.goals','identity.name','identity.phone']",
      25,
    ],
    ["ARRAY['profile.ageBand','profile.citizenship']", 25],
  ],
} as const;
/** pick() over SQL expressions rather than literals */
const pickSql = (u: string, weighted: ReadonlyArray<readonly [string, number]>) => pick(u, weighted, String);

const MESSAGES = [
  'Buongiorno, confermiamo la presa in carico. Vi aggiorniamo dopo il primo colloquio.',
  'Grazie. La signora preferisce essere contattata al mattino, tramite il centro.',
  'Il colloquio è fissato; serve il documento di identità in originale.',
  'La signora ha chiesto di spostare l’appuntamento alla settimana successiva.',
  'Aggiornamento: iscrizione completata, avviamo il percorso di orientamento.',
  'Ricevuto, grazie. Restiamo a disposizione.',
];
const FIRST_NAMES = [
  'Giulia',
  'Sara',
  'Fatima',
  'Elena',
  'Maria',
  'Amina',
  'Olena',
  'Chiara',
  'Irina',
  'Nadia',
  'Laura',
  'Samira',
];
const LAST_NAMES = [
  'Rossi',
  'Bianchi',
  'El Amrani',
  'Popescu',
  'Ferrari',
  'Kovalenko',
  'Esposito',
  'Romano',
  'Diallo',
  'Colombo',
];

/** Writes `count` referrals over the generated cases; seals the shares of those still open. */
async function generateReferrals(
  bench: BenchDb,
  count: number,
  masterKey: Buffer,
  recipients: Recipient[],
  log: (text: string) => void,
): Promise<ReferralsGenerated> {
  if (!Number.isInteger(count) || count < 100 || count > 5_000_000)
    throw new Error(`BENCH_REFERRALS must be an integer in 100…5,000,000, not ${count}`);
  const today = todayInItaly();
  const started = performance.now();
  const { owner, steps, step } = await bulkLoad(bench.ownerUrl, log);
  const t = `'${today}'::date`;
  try {
    await owner.query(`SELECT setseed(0.4040404)`);
    const extra = recipients.flatMap((r) => r.referents.filter((u) => u.username).map((u) => ({ ...u, org: r.id })));
    await step(
      'referents',
      `WITH u AS (INSERT INTO users (id, organisation_id, username, display_name)
         SELECT id, org, username, name FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[]) AS t(id, org, username, name) RETURNING id, organisation_id)
       INSERT INTO user_roles (user_id, organisation_id, role) SELECT u.id, u.organisation_id, r.role FROM u JOIN unnest($1::uuid[], $5::text[]) AS r(id, role) ON r.id = u.id`,
      [
        extra.map((u) => u.id),
        extra.map((u) => u.org),
        extra.map((u) => u.username),
        extra.map((u) => u.name),
        extra.map((u) => u.role),
      ],
    );
    let lo = 0;
    const lows = recipients.map((r) => {
      const here = lo;
      lo += r.share;
      return here;
    });
    await owner.query(
      `CREATE TEMP TABLE bench_recipients (idx int PRIMARY KEY, id uuid, type text, referents uuid[], names text[]) ON COMMIT DROP`,
    );
    await owner.query(
      `INSERT INTO bench_recipients SELECT idx - 1, id, type, string_to_array(refs, ',')::uuid[], string_to_array(names, '|')
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[]) WITH ORDINALITY AS t(id, type, refs, names, idx)`,
      [
        recipients.map((r) => r.id),
        recipients.map((r) => r.type),
        recipients.map((r) => r.referents.map((u) => u.id).join(',')),
        recipients.map((r) => r.referents.map((u) => u.name).join('|')),
      ],
    );
    await step(
      'case numbering',
      `CREATE TEMP TABLE bench_rcase ON COMMIT DROP AS
      SELECT row_number() OVER (ORDER BY c.id)::int AS n, c.id, c.organisation_id AS org, c.network_id, c.taken_in_charge_on AS taken,
        least(coalesce(c.closed_on, ${t}), ${t}) AS until, c.created_by, coalesce((c.safe_contact->>'onlyThroughCentre')::boolean, false) AS otc
      FROM cases c`,
    );
    await owner.query('ALTER TABLE bench_rcase ADD PRIMARY KEY (n)');
    // Draws first (materialised: each made once per referral), then the case and the recipient.
    await step(
      'referral draws',
      `CREATE TEMP TABLE bench_rdraw ON COMMIT DROP AS
      SELECT g AS n, 1 + floor(random() * (SELECT count(*) FROM bench_rcase))::int AS ci,
        width_bucket(random(), $1::float8[]) - 1 AS ri, random() AS ut, random() AS us,
        random() AS u1, random() AS u2, random() AS u3, random() AS u4, random() AS u5, random() AS u6, random() AS u7
      FROM generate_series(1, ${count}) g`,
      [lows],
    );

    // Deadlines in calendar days for the working days of referral_rules (CPI 5/15/10, else 10/30/20).
    // Status by age: within the answer window mostly sent or accepted; later mostly completed,
    // declined or expired (access ended); a 'sent' one never outlives its expiry (the sweep).
    const young = pick('x.us', [
      ['sent', 45],
      ['accepted', 30],
      ['in_progress', 10],
      ['declined', 10],
      ['withdrawn', 5],
    ]);
    const middle = pick('x.us', [
      ['accepted', 8],
      ['in_progress', 30],
      ['completed', 37],
      ['declined', 12],
      ['expired', 8],
      ['withdrawn', 5],
    ]);
    const old = pick('x.us', [
      ['completed', 70],
      ['declined', 12],
      ['expired', 12],
      ['withdrawn', 6],
    ]);
    await step(
      'referral rows',
      `CREATE TEMP TABLE bench_ref ON COMMIT DROP AS
      SELECT y.*,
        CASE WHEN y.status NOT IN ('sent', 'expired') AND NOT (y.status = 'withdrawn' AND y.u5 < 0.5)
          THEN least(y.sent_at + make_interval(days => 1 + floor(y.u1 * 4)::int, hours => floor(y.u2 * 6)::int), now()) END AS answered_at,
        CASE WHEN y.status IN ('in_progress', 'completed') OR (y.status = 'accepted' AND y.u3 < 0.4) THEN y.sent_on + 5 + floor(y.u3 * 20)::int END AS appointment_at
      FROM (
        SELECT x.*, least(x.sent_on + time '08:30' + make_interval(mins => floor(x.u7 * 540)::int), now() - interval '5 minutes') AS sent_at,
          x.sent_on + CASE WHEN x.cpi THEN 14 ELSE 28 END AS expires_on,
          CASE WHEN ${t} <= x.sent_on + CASE WHEN x.cpi THEN 14 ELSE 28 END THEN ${young}
               WHEN ${t} - x.sent_on <= 150 THEN ${middle} ELSE ${old} END AS status
        FROM (
          SELECT d.n, gen_random_uuid() AS id, c.id AS case_id, c.org, c.network_id, c.created_by, c.otc, r.id AS recipient, r.type AS rtype,
            r.type = 'employment_centre' AS cpi, r.referents, r.names,
            least(c.taken + 3 + floor(d.ut * greatest(c.until - c.taken - 3, 0))::int, ${t}) AS sent_on,
            d.us, d.u1, d.u2, d.u3, d.u4, d.u5, d.u6, d.u7
          FROM bench_rdraw d
          JOIN bench_rcase c ON c.n = d.ci
          JOIN bench_recipients p ON p.idx = d.ri
          -- a centre does not refer to itself: the next recipient instead
          JOIN bench_recipients r ON r.idx = CASE WHEN p.id = c.org THEN (p.idx + 1) % (SELECT count(*) FROM bench_recipients) ELSE p.idx END
        ) x
      ) y`,
    );
    // Purpose, fields, consent: a CPI referral for work orientation without identity rests on the
    // case's consent to share with CPIs when it covers the day; every other one on its own consent
    // (for that recipient and purpose, with identity when identity goes), given that day for a year.
    await step(
      'referral details',
      `CREATE TEMP TABLE bench_ref2 ON COMMIT DROP AS
      SELECT z.*, coalesce(k.id, z.new_consent) AS consent_id, k.id IS NULL AS needs_consent,
        coalesce(k.expires_on, z.sent_on + 365) AS consent_expires
      FROM (
        SELECT b.*, gen_random_uuid() AS new_consent,
          CASE WHEN b.otc THEN array_remove(b.f, 'identity.phone') ELSE b.f END AS fields,
          CASE WHEN b.u6 < 0.4 THEN b.referents[1 + floor(b.u2 * cardinality(b.referents))::int] END AS recipient_user,
          b.referents[1 + floor(b.u4 * cardinality(b.referents))::int] AS actor
        FROM (
          SELECT r.*,
            CASE WHEN r.cpi THEN ${pickSql('r.u4', FIELDS.cpi)} ELSE ${pickSql('r.u4', FIELDS.other)} END AS f,
            CASE r.rtype WHEN 'employment_centre' THEN ${pick('r.u5', [
              ['work_orientation', 75],
              ['training', 25],
            ])}
              WHEN 'ats_asst' THEN ${pick('r.u5', [
                ['health', 60],
                ['social_support', 40],
              ])}
              WHEN 'municipality' THEN ${pick('r.u5', [
                ['housing', 50],
                ['social_support', 50],
              ])}
              ELSE ${pick('r.u5', [
                ['social_support', 60],
                ['legal', 40],
              ])} END AS purpose
          FROM bench_ref r
        ) b
      ) z
      LEFT JOIN LATERAL (
        SELECT c.id, c.expires_on FROM consents c
        WHERE z.cpi AND z.purpose = 'work_orientation' AND NOT ('identity.name' = ANY(z.fields))
          AND c.case_id = z.case_id AND c.purpose = 'sharing' AND c.decision = 'granted' AND c.recipient_type = 'employment_centre'
          AND c.sharing_purpose = 'work_orientation' AND c.given_on <= z.sent_on AND c.expires_on >= z.sent_on
        LIMIT 1
      ) k ON true`,
    );

    const rebuild = await dropSecondaryIndexes(owner, [
      'consents',
      'referrals',
      'referral_events',
      'referral_reports',
      'referral_messages',
      'referral_views',
    ]);
    await step(
      'consents',
      `INSERT INTO consents (id, case_id, organisation_id, purpose, recipient_organisation_id, recipient_type, sharing_purpose,
        includes_identity, decision, text_version, method, given_on, expires_on, recorded_by, created_at, kept_duplicate)
      SELECT new_consent, case_id, org, 'sharing', recipient, rtype, purpose, 'identity.name' = ANY(fields), 'granted',
        extract(year FROM sent_on)::int || '-01', 'signed_form', sent_on, sent_on + 365, created_by, sent_at - interval '20 minutes',
        -- a second referral to the same recipient within the year would reuse her consent in the app;
        -- here it gets its own, flagged as a kept duplicate so that migration 030's constraint holds
        coalesce(lag(sent_on) OVER (PARTITION BY case_id, recipient, rtype, purpose ORDER BY sent_on, new_consent) + 365 >= sent_on, false)
      FROM bench_ref2 WHERE needs_consent`,
    );

    const completedOn = `least(b.sent_on + 30 + floor(b.u3 * 150)::int, ${t})`;
    await step(
      'referrals',
      `INSERT INTO referrals (id, case_id, organisation_id, recipient_organisation_id, recipient_user_id, recipient_user_name,
        network_id, protocol_id, purpose, urgency, contact_mode, pseudonym, consent_id, identity_consent_id, share_fields, plan_action_id,
        status, sent_at, sent_on, ack_due_on, appointment_due_on, expires_on, answered_at, decline_reason, appointment_on, completed_on,
        completion_outcome, access_days, access_until, access_ended_at, access_end_reason, created_by, updated_at, version)
      SELECT b.id, b.case_id, b.org, b.recipient, b.recipient_user,
        CASE WHEN b.recipient_user IS NOT NULL THEN b.names[array_position(b.referents, b.recipient_user)] END,
        b.network_id, NULL, b.purpose, ${pick('b.u7', [
          ['routine', 70],
          ['priority', 22],
          ['urgent', 8],
        ])},
        CASE WHEN NOT b.otc AND 'identity.phone' = ANY(b.fields) THEN 'direct' ELSE 'through_centre' END,
        'P-' || substr(h.p, 1, 4) || '-' || substr(h.p, 5, 4),
        b.consent_id, CASE WHEN 'identity.name' = ANY(b.fields) THEN b.consent_id END, b.fields, NULL,
        b.status, b.sent_at, b.sent_on, b.sent_on + CASE WHEN b.cpi THEN 7 ELSE 14 END, b.sent_on + CASE WHEN b.cpi THEN 21 ELSE 42 END,
        b.expires_on, b.answered_at,
        CASE WHEN b.status = 'declined' THEN ${pick('b.u1', [
          ['not_competent', 25],
          ['no_capacity', 20],
          ['not_eligible', 25],
          ['duplicate', 10],
          ['other', 20],
        ])} END,
        CASE WHEN b.status = 'completed' THEN least(b.appointment_at, ${completedOn}) ELSE b.appointment_at END,
        CASE WHEN b.status = 'completed' THEN ${completedOn} END,
        CASE WHEN b.status = 'completed' THEN ${pick('b.u2', [
          ['goal_reached', 45],
          ['partly_reached', 30],
          ['not_reached', 12],
          ['she_withdrew', 8],
          ['other', 5],
        ])} END,
        30,
        CASE WHEN b.status = 'completed' THEN least(${completedOn} + 30, b.consent_expires) ELSE b.consent_expires END,
        CASE b.status WHEN 'declined' THEN b.answered_at
          WHEN 'withdrawn' THEN least(b.sent_at + make_interval(days => 1 + floor(b.u6 * least(${t} - b.sent_on, 60))::int), now())
          WHEN 'expired' THEN (b.expires_on + 1) + time '02:00' END,
        CASE WHEN b.status IN ('declined', 'withdrawn', 'expired') THEN b.status END,
        b.created_by, b.sent_at + interval '3 days',
        1 + (b.answered_at IS NOT NULL)::int + (b.appointment_at IS NOT NULL)::int + (b.status IN ('in_progress', 'completed'))::int
          + (b.status IN ('completed', 'withdrawn', 'expired'))::int
      FROM bench_ref2 b
      CROSS JOIN LATERAL (SELECT translate(upper(md5(b.case_id::text || ':' || b.recipient::text)), '0123456789ABCDEF', 'ABCDEFGHJKLMNPQR') AS p) h`,
    );

    // History: sent; the recipient's answer; booking, start, completion; the sender's withdrawal.
    const ev = (kind: string, actor: 'sender' | 'recipient', details: string, at: string, where: string) =>
      `SELECT r.id, r.organisation_id, r.recipient_organisation_id, ${actor === 'sender' ? 'r.created_by, r.organisation_id' : 'b.actor, r.recipient_organisation_id'},
        '${kind}', ${details}, least(${at}, now()) FROM referrals r JOIN bench_ref2 b ON b.id = r.id WHERE ${where}`;
    const action = (a: string, status: string) => `jsonb_build_object('action', '${a}', 'status', ${status})`;
    await step(
      'referral_events',
      `INSERT INTO referral_events (referral_id, organisation_id, recipient_organisation_id, actor_user_id, actor_organisation_id, kind, details, occurred_at)
      ${[
        ev('sent', 'sender', `jsonb_build_object('fields', cardinality(r.share_fields))`, 'r.sent_at', 'true'),
        ev(
          'accept',
          'recipient',
          action('accept', "'accepted'"),
          'r.answered_at',
          `r.answered_at IS NOT NULL AND r.status <> 'declined'`,
        ),
        ev(
          'decline',
          'recipient',
          `${action('decline', "'declined'")} || jsonb_build_object('reason', r.decline_reason)`,
          'r.answered_at',
          `r.status = 'declined'`,
        ),
        ev(
          'book',
          'recipient',
          `${action('book', "'accepted'")} || jsonb_build_object('appointmentOn', r.appointment_on)`,
          "r.answered_at + interval '1 hour'",
          'r.appointment_on IS NOT NULL',
        ),
        ev(
          'start',
          'recipient',
          action('start', "'in_progress'"),
          "r.appointment_on + time '11:00'",
          `r.status IN ('in_progress', 'completed')`,
        ),
        ev(
          'complete',
          'recipient',
          `${action('complete', "'completed'")} || jsonb_build_object('outcome', r.completion_outcome)`,
          "r.completed_on + time '16:00'",
          `r.status = 'completed'`,
        ),
        ev('withdraw', 'sender', action('withdraw', "'withdrawn'"), 'r.access_ended_at', `r.status = 'withdrawn'`),
      ].join('\nUNION ALL\n')}`,
    );

    // Reports from the recipient: the first appointment; CPIs: registration, some hires; others: an action taken.
    await step(
      'referral_reports',
      `INSERT INTO referral_reports (referral_id, organisation_id, recipient_organisation_id, kind, occurred_on, details, reported_by, reported_by_name, created_at)
      SELECT r.id, r.organisation_id, r.recipient_organisation_id, k.kind, k.on_day, k.details, b.actor, b.names[array_position(b.referents, b.actor)], least(k.on_day + time '15:00', now())
      FROM referrals r JOIN bench_ref2 b ON b.id = r.id
      CROSS JOIN LATERAL (VALUES
        ('first_appointment', r.appointment_on, '{}'::jsonb, r.appointment_on <= ${t}),
        (CASE WHEN b.cpi THEN 'registered' ELSE 'action_taken' END, r.appointment_on + 2, '{}'::jsonb, r.appointment_on + 2 <= ${t} AND b.u5 < 0.6),
        ('hired', r.completed_on - 3, jsonb_build_object('contractType', 'fixed_term', 'weeklyHours', 30, 'sector', 'G'), b.cpi AND r.completion_outcome = 'goal_reached' AND b.u1 < 0.4)
      ) AS k(kind, on_day, details, wanted)
      WHERE r.status IN ('in_progress', 'completed') AND r.appointment_on IS NOT NULL AND k.wanted`,
    );
    await step(
      'report events',
      `INSERT INTO referral_events (referral_id, organisation_id, recipient_organisation_id, actor_user_id, actor_organisation_id, kind, details, occurred_at)
      SELECT referral_id, organisation_id, recipient_organisation_id, reported_by, recipient_organisation_id, 'report',
        jsonb_build_object('action', 'report', 'status', 'in_progress', 'report', kind), created_at FROM referral_reports`,
    );

    // A thread on one in eight: 1–3 messages, the sides in turn; each sealed here with the
    // referral's key (sealMessage, as messages.ts does), bound to the message id.
    await step(
      'message rows',
      `CREATE TEMP TABLE bench_msg ON COMMIT DROP AS
      SELECT gen_random_uuid() AS id, r.id AS referral_id, r.organisation_id, r.recipient_organisation_id,
        CASE WHEN m % 2 = 1 THEN b.actor ELSE r.created_by END AS author_user_id,
        CASE WHEN m % 2 = 1 THEN r.recipient_organisation_id ELSE r.organisation_id END AS author_organisation_id,
        CASE WHEN m % 2 = 1 THEN b.names[array_position(b.referents, b.actor)] ELSE coalesce(u.display_name, 'Operatrice') END AS author_name,
        (m + floor(b.u3 * 6)::int) % ${MESSAGES.length} AS body,
        least(r.sent_at + make_interval(days => m, hours => 2), now()) AS created_at
      FROM referrals r JOIN bench_ref2 b ON b.id = r.id LEFT JOIN users u ON u.id = r.created_by
      CROSS JOIN LATERAL generate_series(1, 1 + floor(b.u7 * 3)::int) m
      WHERE b.u6 > 0.875`,
    );
    await owner.query('ALTER TABLE bench_msg ADD PRIMARY KEY (id)');
    const messages = (
      await owner.query<{ id: string; referral_id: string; body: number }>(
        'SELECT id, referral_id, body FROM bench_msg',
      )
    ).rows;
    await sealedInBatches(
      owner,
      steps,
      log,
      'referral_messages',
      messages.map((m) => [m.id, sealMessage(masterKey, m.referral_id, m.id, MESSAGES[m.body] ?? '')]),
      `INSERT INTO referral_messages (id, referral_id, organisation_id, recipient_organisation_id, author_user_id, author_organisation_id, author_name, body_sealed, created_at)
       SELECT m.id, m.referral_id, m.organisation_id, m.recipient_organisation_id, m.author_user_id, m.author_organisation_id, m.author_name, s.sealed, m.created_at
       FROM unnest($1::uuid[], $2::text[]) AS s(id, sealed) JOIN bench_msg m ON m.id = s.id`,
    );
    // The recipient opened most of them once or a few times.
    await step(
      'referral_views',
      `INSERT INTO referral_views (referral_id, organisation_id, viewer_user_id, viewer_organisation_id, viewer_name, viewed_at)
      SELECT r.id, r.organisation_id, b.actor, r.recipient_organisation_id, b.names[array_position(b.referents, b.actor)],
        least(r.sent_at + make_interval(hours => 3 + v * 20), now())
      FROM referrals r JOIN bench_ref2 b ON b.id = r.id
      CROSS JOIN LATERAL generate_series(1, 1 + floor(b.u2 * 3)::int) v
      WHERE r.status <> 'sent' OR b.u1 < 0.5`,
    );
    await step(
      'idempotency_keys',
      `INSERT INTO idempotency_keys (user_id, key, organisation_id, request_hash, referral_id, created_at)
      SELECT created_by, 'bench-' || id, organisation_id, md5(id::text), id, sent_at FROM referrals`,
    );
    await rebuild(steps, log);

    // The shares of the referrals the recipient still sees, sealed here as send-referral.ts does.
    const open = await owner.query<ShareSource>(`
      SELECT r.id, r.share_fields AS fields, r.recipient_organisation_id AS recipient,
        c.age_band, c.citizenship, c.residence_code, m.name AS residence_name, c.education, c.employment, c.children_count, c.minor_children_count,
        c.safe_contact, b.u1 AS draw,
        (SELECT jsonb_agg(jsonb_build_object('domain', g.domain, 'title', 'Obiettivo ' || g.position, 'status', g.status, 'targetOn', g.target_on) ORDER BY g.position)
           FROM plan_goals g WHERE g.case_id = r.case_id) AS goals,
        (SELECT jsonb_agg(jsonb_build_object('domain', g.domain, 'label', jsonb_build_object('it', k.label_it, 'en', k.label_en), 'status', a.status,
             'startsOn', a.starts_on, 'dueOn', a.due_on) ORDER BY g.position, a.position)
           FROM plan_actions a JOIN plan_goals g ON g.id = a.goal_id JOIN action_catalogue k ON k.code = a.catalogue_code
           WHERE a.case_id = r.case_id AND a.responsible_organisation_id = r.recipient_organisation_id) AS actions
      FROM referrals r JOIN bench_ref2 b ON b.id = r.id JOIN cases c ON c.id = r.case_id LEFT JOIN municipalities m ON m.istat_code = c.residence_code
      WHERE referral_access_open(r.status, r.access_ended_at, r.access_until, r.expires_on)`);
    await sealedInBatches(
      owner,
      steps,
      log,
      'referral_shares',
      open.rows.map((x) => [x.id, sealShare(masterKey, x.id, shareOf(x))]),
      `INSERT INTO referral_shares (referral_id, organisation_id, recipient_organisation_id, sealed)
       SELECT r.id, r.organisation_id, r.recipient_organisation_id, s.sealed FROM unnest($1::uuid[], $2::text[]) AS s(id, sealed) JOIN referrals r ON r.id = s.id`,
    );

    // the steady state the app's periodic sweep keeps: access past its time limit marked ended
    await step('sweep', 'SELECT sweep_referrals(current_date)');
    await step('commit', 'COMMIT');
    await step(
      'vacuum analyze',
      'VACUUM (ANALYZE) consents, users, user_roles, referrals, referral_shares, referral_events, referral_reports, referral_messages, referral_views, idempotency_keys',
    );
    const statuses = await owner.query<{ status: string; n: string }>(
      'SELECT status, count(*) AS n FROM referrals GROUP BY 1 ORDER BY 2 DESC',
    );
    const { sizes, databaseBytes } = await tableSizes(owner, [
      'referrals',
      'referral_shares',
      'referral_events',
      'referral_reports',
      'referral_messages',
      'referral_views',
      'idempotency_keys',
      'consents',
    ]);
    return {
      referrals: sizes.find((s) => s.table === 'referrals')?.rows ?? 0,
      seconds: (performance.now() - started) / 1000,
      steps,
      sizes,
      databaseBytes,
      statuses: Object.fromEntries(statuses.rows.map((r) => [r.status, Number(r.n)])),
      open: open.rows.length,
      recipients: {
        cpis: recipients.filter((r) => r.type === 'employment_centre').length,
        others: recipients.filter((r) => r.type !== 'employment_centre').length,
      },
    };
  } catch (error) {
    await owner.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await owner.end();
  }
}

/** Writes (id, sealed) pairs, sealed here, 5000 at a time through `insert` ($1 ids, $2 sealed texts); one step. */
async function sealedInBatches(
  owner: pg.Client,
  steps: Generated['steps'],
  log: (text: string) => void,
  name: string,
  sealed: Array<[string, string]>,
  insert: string,
) {
  const at = performance.now();
  for (let i = 0; i < sealed.length; i += 5000) {
    const batch = sealed.slice(i, i + 5000);
    await owner.query(insert, [batch.map((x) => x[0]), batch.map((x) => x[1])]);
  }
  steps.push({ step: `${name} (sealed here)`, seconds: (performance.now() - at) / 1000 });
  log(`  ${name}: ${sealed.length} rows sealed and written, ${steps.at(-1)?.seconds.toFixed(1)} s`);
}

interface ShareSource {
  id: string;
  fields: string[];
  recipient: string;
  age_band: string | null;
  citizenship: string | null;
  residence_code: string | null;
  residence_name: string | null;
  education: string | null;
  employment: string | null;
  children_count: number | null;
  minor_children_count: number | null;
  safe_contact: NonNullable<Shared['safeContact']>;
  draw: number;
  goals: NonNullable<NonNullable<Shared['plan']>['goals']> | null;
  actions: NonNullable<NonNullable<Shared['plan']>['actions']> | null;
}

/** What build-share.ts would have snapshotted for these fields (identity: made-up names). */
function shareOf(s: ShareSource): Shared {
  const has = (f: string) => s.fields.includes(f);
  const n = Math.floor(s.draw * 1e6);
  const shared: Shared = {
    note: n % 2 ? 'Segnalata per un percorso di inserimento lavorativo; disponibile la mattina.' : null,
    fields: [...s.fields],
  };
  shared.profile = {
    ...(has('profile.ageBand') ? { ageBand: s.age_band } : {}),
    ...(has('profile.citizenship') ? { citizenship: s.citizenship } : {}),
    ...(has('profile.residence')
      ? { residence: s.residence_code && s.residence_name ? { code: s.residence_code, name: s.residence_name } : null }
      : {}),
    ...(has('profile.education') ? { education: s.education } : {}),
    ...(has('profile.employment') ? { employment: s.employment } : {}),
    ...(has('profile.children') ? { children: { count: s.children_count, minors: s.minor_children_count } } : {}),
  };
  if (has('plan.goals') || has('plan.actions')) {
    shared.plan = {
      ...(has('plan.goals') ? { goals: s.goals ?? [] } : {}),
      ...(has('plan.actions') ? { actions: s.actions ?? [] } : {}),
    };
  }
  if (has('identity.name')) {
    shared.identity = {
      firstName: FIRST_NAMES[n % FIRST_NAMES.length] as string,
      lastName: LAST_NAMES[(n >> 4) % LAST_NAMES.length] as string,
      ...(has('identity.phone') ? { phone: `+39 3${String(n).padStart(9, '0').slice(0, 9)}` } : {}),
      ...(has('identity.languages') ? { languages: n % 3 ? ['it'] : ['ar', 'fr'] } : {}),
    };
  }
  if (has('identity.phone')) {
    const sc = s.safe_contact;
    shared.safeContact = {
      channels: sc.channels,
      windows: sc.windows,
      noVoicemail: sc.noVoicemail,
      onlyThroughCentre: sc.onlyThroughCentre,
    };
  }
  return shared;
}

/**
 * The whole setting: the caseload benchmark's database and cases (prepareCases), then the
 * referrals (addReferrals). The database is dropped if anything fails.
 */
export async function prepareReferrals(
  cases: number,
  referrals: number,
  log: (text: string) => void = () => undefined,
): Promise<ReferralsSetup> {
  const setup = await prepareCases(cases, log);
  try {
    return {
      ...(await addReferrals(setup.bench, setup.masterKey, referrals, log)),
      cases: { generated: setup.generated, centres: setup.centres },
    };
  } catch (error) {
    await setup.bench.drop();
    throw error;
  }
}

/**
 * On a database with generated cases: a CPI referent of the CPI with the most referrals (made
 * with the test harness, so that she signs in for real), the referents of every recipient, the
 * referrals; then what the load needs to know of them.
 */
export async function addReferrals(
  bench: BenchDb,
  masterKey: Buffer,
  referrals: number,
  log: (text: string) => void,
): Promise<Omit<ReferralsSetup, 'cases'>> {
  const owner = new pg.Client({ connectionString: bench.ownerUrl });
  await owner.connect();
  const found = await recipientsOf(owner).finally(() => owner.end());
  const biggest = found[0];
  if (biggest?.type !== 'employment_centre')
    throw new Error('the seeded network has no CPI (organisation of type employment_centre)');
  const user = await makeUser(bench.db, testConfig({ masterKey }), {
    organisationId: biggest.id,
    roles: ['cpi_referent'],
  });
  const recipients = planRecipients(found, { id: user.id, name: `Utente ${user.username}` });
  log(
    `${recipients.length} recipients (${recipients.filter((r) => r.type === 'employment_centre').length} CPIs); generating ${referrals} referrals…`,
  );
  const generated = await generateReferrals(bench, referrals, masterKey, recipients, log);
  const c = new pg.Client({ connectionString: bench.ownerUrl });
  await c.connect();
  try {
    const stats = await c.query<{ n: string; visible: string }>(
      `SELECT count(*) AS n, count(*) FILTER (WHERE referral_access_open(status, access_ended_at, access_until, expires_on)) AS visible
       FROM referrals WHERE recipient_organisation_id = $1`,
      [biggest.id],
    );
    const ids = await c.query<{ id: string }>(
      `SELECT id FROM referrals WHERE recipient_organisation_id = $1 AND referral_access_open(status, access_ended_at, access_until, expires_on)
       ORDER BY random() LIMIT 2000`,
      [biggest.id],
    );
    return {
      bench,
      masterKey,
      user,
      cpi: {
        id: biggest.id,
        name: biggest.name,
        referrals: Number(stats.rows[0]?.n ?? 0),
        visible: Number(stats.rows[0]?.visible ?? 0),
        referents: recipients[0]?.referents.length ?? 0,
      },
      referralIds: ids.rows.map((r) => r.id),
      generated,
    };
  } finally {
    await c.end();
  }
}
