import { randomBytes } from 'node:crypto';
import { sealShare } from '../../src/server/referrals/pseudonym.ts';
import {
  captureRequests,
  type Classifier,
  type Kind,
  kindOf as caseKindOf,
  type RequestCapture,
  respond as caseRespond,
  SENTINEL,
  type Statement,
} from '../cases/capture.ts';

/**
 * The SQL the app sends for the recipient's inbox and the referral page, captured from the real
 * app (bench/cases/capture.ts: buildApp answering through app.inject on a recording driver),
 * with the kinds the floor (bare-server.ts) and the analysis (explain.ts) read results from.
 * Sentinels stand for the values that only the real rows give: the sender, the case, the
 * viewer's name; `substitutions` maps them to the real ones.
 */
export type ReferralKind =
  | Extract<
      Kind,
      | 'begin'
      | 'commit'
      | 'role'
      | 'find_session'
      | 'session_check'
      | 'set_actor'
      | 'session'
      | 'roles'
      | 'touch'
      | 'audit'
      | 'other'
    >
  | 'planner'
  | 'inbox'
  | 'referral_row'
  | 'org_names'
  | 'case_codes'
  | 'share'
  | 'viewer'
  | 'view_insert'
  | 'reports'
  | 'events'
  | 'history_users';

export const INBOX_PATH = '/api/v1/referrals?box=inbox';
export const SENTINELS = {
  ...SENTINEL,
  referral: '00000000-0000-4000-8000-00000000b001',
  sender: '00000000-0000-4000-8000-00000000b002',
  case: '00000000-0000-4000-8000-00000000b003',
  viewerName: 'bench-referrals-sentinel-viewer',
  roles: 'cpi_referent',
} as const;
export const PAGE_CAPTURE_PATH = `/api/v1/referrals/${SENTINELS.referral}`;

const SHARED_KINDS: readonly string[] = [
  'begin',
  'commit',
  'role',
  'find_session',
  'session_check',
  'set_actor',
  'session',
  'roles',
  'touch',
  'audit',
];

export function kindOf(sql: string): ReferralKind {
  const shared = caseKindOf(sql);
  if (SHARED_KINDS.includes(shared)) return shared as ReferralKind;
  const s = sql.trim();
  // the app's planner hint around the inbox query (read-referral.ts)
  if (/^set local enable_bitmapscan = (off|on)$/i.test(s)) return 'planner';
  if (/^select \* from "referrals" where "recipient_organisation_id" = \$1/.test(s)) return 'inbox';
  if (/^select \* from "referrals" where "id" = \$1/.test(s)) return 'referral_row';
  if (/^select "id", "name" from "organisations" where "id" in/.test(s)) return 'org_names';
  if (/^select "id", "code" from "cases" where "id" in/.test(s)) return 'case_codes';
  if (/from "referral_shares"/.test(s)) return 'share';
  if (/^select "display_name" from "users" where "id" = \$1/.test(s)) return 'viewer';
  if (/^insert into "referral_views"/.test(s)) return 'view_insert';
  if (/from "referral_reports"/.test(s)) return 'reports';
  if (/^select \* from "referral_events"/.test(s)) return 'events';
  if (/^select "id", "display_name" from "users" where "organisation_id" = \$1/.test(s)) return 'history_users';
  return 'other';
}

/** A referral row complete enough for the page: open, with a share. */
const FAKE_REFERRAL = {
  id: SENTINELS.referral,
  case_id: SENTINELS.case,
  organisation_id: SENTINELS.sender,
  recipient_organisation_id: SENTINELS.org,
  recipient_user_id: null,
  recipient_user_name: null,
  network_id: null,
  protocol_id: null,
  purpose: 'work_orientation',
  urgency: 'routine',
  contact_mode: 'through_centre',
  pseudonym: 'P-AAAA-BBBB',
  consent_id: SENTINELS.case,
  identity_consent_id: null,
  share_fields: ['profile.ageBand'],
  plan_action_id: null,
  status: 'accepted',
  sent_at: new Date(),
  sent_on: '2026-01-01',
  ack_due_on: '2026-01-08',
  appointment_due_on: '2026-01-22',
  expires_on: '2026-01-15',
  answered_at: null,
  decline_reason: null,
  appointment_on: null,
  completed_on: null,
  completion_outcome: null,
  access_days: 30,
  access_until: null,
  access_ended_at: null,
  access_end_reason: null,
  created_by: SENTINELS.user,
  updated_at: new Date(),
  version: 1,
};

function classifier(masterKey: Buffer): Classifier<ReferralKind> {
  const sealed = sealShare(masterKey, SENTINELS.referral, {
    fields: ['profile.ageBand'],
    note: null,
    profile: { ageBand: '30_39' },
  });
  return {
    kindOf,
    respond(kind) {
      switch (kind) {
        case 'session_check':
          return [
            {
              status: 'ok',
              user_id: SENTINELS.user,
              organisation_id: SENTINELS.org,
              roles: [SENTINELS.roles],
              csrf_token: 'x',
            },
          ];
        case 'session':
          return [
            {
              stage: 'full',
              csrf_token: 'x',
              disabled_at: null,
              expired: false,
              stale: true,
              roles: [SENTINELS.roles],
            },
          ];
        case 'roles':
          return [{ role: SENTINELS.roles }];
        case 'inbox':
        case 'referral_row':
          return [FAKE_REFERRAL];
        case 'org_names':
          return [
            { id: SENTINELS.sender, name: 'Centro' },
            { id: SENTINELS.org, name: 'CPI' },
          ];
        case 'share':
          return [{ sealed }];
        case 'viewer':
          return [{ display_name: SENTINELS.viewerName }];
        default:
          return caseRespond(kind as Kind);
      }
    },
  };
}

export type ReferralCapture = RequestCapture<ReferralKind>;
export type ReferralStatement = Statement<ReferralKind>;

/** The statements of the inbox and of the referral page (recipient side, open, with a share). */
export async function captureReferralRequests(): Promise<{ inbox: ReferralCapture; page: ReferralCapture }> {
  const masterKey = randomBytes(32);
  const [inbox, page] = await captureRequests([INBOX_PATH, PAGE_CAPTURE_PATH], classifier(masterKey), { masterKey });
  if (!inbox || !page) throw new Error('capture: no statements');
  for (const c of [inbox, page]) {
    const other = c.statements.filter((s) => s.kind === 'other');
    if (other.length)
      throw new Error(
        `capture of ${c.path}: statements of no known kind (the app changed?): ${other.map((s) => s.sql.slice(0, 80)).join(' | ')}`,
      );
  }
  return { inbox, page };
}

/** What the sentinels of a request stand for (the session's and the row's values). */
export interface Substitutions {
  idHash: string;
  userId: string;
  organisationId: string;
  roles: string;
  referralId?: string;
  senderId?: string;
  caseId?: string;
  viewerName?: string;
  today: string;
  /** the audit row's details, as the app would write them for this answer */
  auditDetails?: string;
}

/** `in ($1, …)` lists rebuilt for the real values (withNames: one placeholder per distinct id). */
const IN_LIST = /in \(\$\d+(?:, \$\d+)*\)/;

/** The statement's SQL and parameters with the sentinels replaced; `inValues` for the in-lists. */
export function bindReferral(
  s: ReferralStatement,
  b: Substitutions,
  capturedToday: string,
  inValues?: string[],
): { sql: string; params: unknown[] } {
  if (inValues && IN_LIST.test(s.sql)) {
    return { sql: s.sql.replace(IN_LIST, `in (${inValues.map((_, i) => `$${i + 1}`).join(', ')})`), params: inValues };
  }
  const params = s.parameters.map((p, i) => {
    // the roles as known at this point (none before the session row is read, as the app does)
    if (s.kind === 'set_actor' && i === 2) return b.roles;
    if (p === SENTINELS.idHash) return b.idHash;
    if (p === SENTINELS.user) return b.userId;
    if (p === SENTINELS.org) return b.organisationId;
    if (p === SENTINELS.referral) return b.referralId ?? p;
    if (p === SENTINELS.sender) return b.senderId ?? p;
    if (p === SENTINELS.case) return b.caseId ?? p;
    if (p === SENTINELS.viewerName) return b.viewerName ?? p;
    if (p === capturedToday) return b.today;
    if (s.kind === 'audit' && typeof p === 'string' && p.startsWith('{') && b.auditDetails) return b.auditDetails;
    return p;
  });
  return { sql: s.sql, params };
}

/** The planner hint the app sends around the inbox query (read-referral.ts). */
export const BITMAP_OFF = 'SET LOCAL enable_bitmapscan = off';
export const BITMAP_ON = 'SET LOCAL enable_bitmapscan = on';
