import type { busyness } from '../proc.ts';
import type { Generated } from '../cases/generate.ts';
import {
  type EndpointFigures,
  f,
  type Goal,
  mb,
  printClosing,
  printEndpoints,
  printStatements,
  printUsers,
  table,
} from '../cases/report.ts';
import type { UsersRun } from '../cases/users.ts';
import type { ReferralsAnalysis } from './explain.ts';
import type { ReferralsGenerated, ReferralsSetup } from './generate-referrals.ts';
import type { ReferralEndpoint } from './load.ts';

/** The referrals benchmark's results (bench/results/referrals-latest.json). */
export interface ReferralsResults {
  at: string;
  environment: Record<string, string | number>;
  machine: { start: ReturnType<typeof busyness>; end: ReturnType<typeof busyness> };
  scale: { requestedCases: number; requestedReferrals: number };
  cases: Pick<Generated, 'cases' | 'actions' | 'seconds'> | null;
  generated: ReferralsGenerated | null;
  cpi: ReferralsSetup['cpi'] | null;
  load: { connections: number; warmupConnections: number; warmupSeconds: number; seconds: number; sessions: number };
  endpoints: Array<EndpointFigures<ReferralEndpoint>>;
  users: UsersRun | null;
  /** the app server's VmRSS during the open-loop users */
  usersRssMb?: { max: number; median: number } | null;
  /** the app and the floor again with the proposed change (bitmap scans off for the inbox query) */
  whatIf: {
    change: string;
    endpoints: Array<EndpointFigures<ReferralEndpoint>>;
    users: { app: UsersRun | null; floor: UsersRun | null };
    /** the floor's bodies with the change against the app's without: the change alters no answer */
    bodiesIdenticalToApp: Record<string, boolean | null>;
  } | null;
  analysis: ReferralsAnalysis | null;
  findings: string[];
  goals: Goal[];
  method: string[];
  errors: string[];
  seconds: number;
}

export function printReferralsReport(r: ReferralsResults): void {
  console.log('\n=== Percorsi referrals benchmark ===');
  for (const [k, v] of Object.entries(r.environment)) console.log(`${k}: ${v}`);
  const { start, end } = r.machine;
  console.log(`load average (1 min) at start / end: ${start.loadAverage} / ${end.loadAverage} on ${start.cores} cores`);
  if (start.busy || end.busy)
    console.log(
      'WARNING: other processes were competing for the CPU: req/s and latencies are unreliable; CPU ms/req less so.',
    );

  if (r.cases)
    console.log(
      `\nCases (bench/cases/generate.ts): ${r.cases.cases} cases (requested ${r.scale.requestedCases}), ${r.cases.actions} plan actions, ${f(r.cases.seconds)} s`,
    );
  const g = r.generated;
  if (g) {
    console.log(
      `Referrals: ${g.referrals} (requested ${r.scale.requestedReferrals}) to ${g.recipients.cpis} CPIs and ${g.recipients.others} other recipients, generated in ${f(g.seconds)} s (set-based SQL; the ${g.open} open shares sealed with sealShare, the messages with sealMessage)`,
    );
    console.log(
      `statuses: ${Object.entries(g.statuses)
        .map(([k, v]) => `${k} ${v}`)
        .join(
          ', ',
        )}; access still open (share row): ${g.open} (${((g.open / Math.max(1, g.referrals)) * 100).toFixed(1)}%)`,
    );
    console.log(
      table([
        ['table', 'rows', 'size (pg_total_relation_size)'],
        ...g.sizes.map((s) => [s.table, String(s.rows), mb(s.bytes)]),
        ['(database)', '', mb(g.databaseBytes)],
      ]),
    );
  }
  if (r.cpi) {
    console.log(
      `\nLoad user: a CPI referent (cpi_referent) of "${r.cpi.name}", the CPI with the most referrals: ${r.cpi.referrals} received, ${r.cpi.visible} she still sees (access open); ${r.cpi.referents} referents there.`,
    );
  }

  printEndpoints(r.load, r.endpoints);
  if (r.users) printUsers('The app', r.users);
  const w = r.whatIf;
  if (w) {
    console.log(`\nWith the proposed change (${w.change})`);
    printEndpoints(r.load, w.endpoints);
    if (w.users.app) printUsers('The app with the change', w.users.app);
    if (w.users.floor) printUsers('The floor with the change', w.users.floor);
    console.log(
      `floor with the change, bodies identical to the app's without it: ${Object.entries(w.bodiesIdenticalToApp)
        .map(([k, v]) => `${k} ${v === null ? '?' : v ? 'yes' : 'NO'}`)
        .join(', ')}`,
    );
  }

  const a = r.analysis;
  if (a) {
    printStatements(a.statements, a.perRequestMs);
    console.log(
      `page: ${f(a.pagePlanningMs, 1)} ms of planning in its statements; the same statements named (prepared once per connection): ${f(a.pagePreparedMs, 1)} ms per request`,
    );
    const e = a.inboxEstimate;
    if (e) {
      console.log(
        `inbox under RLS: ${e.scan}; the planner expected ${e.estimatedRows} of the CPI's referrals to pass the policies, ${e.actualRows} did (${a.recipient.visible} of ${a.recipient.referrals} are visible); ${e.removedByFilter} rows read and removed by the policies' filter${e.heapBlocks ? `, ${e.heapBlocks} heap blocks read` : ''}`,
      );
    }
    console.log('\nThe inbox query, variants (median ms, timed in turn round after round)');
    console.log(table([['variant', 'median ms'], ...a.whatIf.map((x) => [x.variant, f(x.medianMs.inbox, 2)])]));
    for (const x of a.whatIf) if (x.change !== 'none') console.log(`- ${x.variant}: ${x.change}`);
  }
  if (r.findings.length) {
    console.log('\nFindings');
    for (const x of r.findings) console.log(`- ${x}`);
  }
  printClosing(r);
}
