import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_OUTCOMES, LINK_KINDS, SESSION_STAGES, WEBAUTHN_PURPOSES } from '../../shared/codes/auth.ts';
import { CASE_STATUSES, CASE_TEAM_ROLES, CLOSURE_OUTCOMES, RISK_LEVELS, RISK_TOOLS } from '../../shared/codes/cases.ts';
import { AGE_BANDS, CITIZENSHIPS, EDUCATION, EMPLOYMENT } from '../../shared/codes/istat.ts';
import { ACCESSIBILITY_FEATURES, DIRECTORY_SERVICES, SPOKEN_LANGUAGES } from '../../shared/codes/directory.ts';
import {
  COMPANY_SIZE_BANDS,
  CONTRACT_TYPES,
  ENGAGEMENT_KINDS,
  ITALIAN_LEVELS,
  JOB_SECTORS,
  REQUIRED_EDUCATION,
  VACANCY_LANGUAGES,
  VACANCY_STATUSES,
} from '../../shared/codes/companies.ts';
import { DRAFT_FORMS } from '../../shared/codes/drafts.ts';
import { FEEDBACK_QUESTIONS } from '../../shared/codes/feedback.ts';
import { REPORT_LANGUAGES, REPORT_STATUSES } from '../../shared/codes/observatory-report.ts';
import { DOMAINS } from '../../shared/codes/needs.ts';
import { ADHESION_STATUSES, ORGANISATION_TYPES, SIGNATORY_KINDS } from '../../shared/codes/organisations.ts';
import { FOLLOW_UP_MONTHS, OUTCOME_KINDS } from '../../shared/codes/outcomes.ts';
import { ACTION_STATUSES, AGREEMENT_METHODS, GOAL_STATUSES, SECOND_LANGUAGES } from '../../shared/codes/plans.ts';
import {
  ACCESS_END_REASONS,
  COMPLETION_OUTCOMES,
  DECLINE_REASONS,
  OVERDUE_KINDS,
  REFERRAL_STATUSES,
  REPORT_KINDS,
  URGENCIES,
} from '../../shared/codes/referrals.ts';
import { ROLES } from '../../shared/codes/roles.ts';
import { INSIDER_ALERT_KINDS } from '../../shared/codes/insider.ts';
import {
  DOCUMENT_KINDS,
  DOCUMENT_MEDIA_TYPES,
  PROCEDURE_STATUSES,
  ROOM_ACTION_STATUSES,
} from '../../shared/codes/control-room.ts';
import { TRAINING_AUDIENCES } from '../../shared/codes/training.ts';
import { PREVENTION_AUDIENCES, PREVENTION_KINDS, PREVENTION_RESOURCE_KINDS } from '../../shared/codes/prevention.ts';
import { STATS_AGE_BANDS, STATS_CHILDREN, STATS_CITIZENSHIPS } from '../../shared/observatory/dimensions.ts';
import {
  CONSENT_DECISIONS,
  CONSENT_METHODS,
  CONSENT_PURPOSES,
  CONTACT_MODES,
  SHARING_PURPOSES,
} from '../../shared/codes/sharing.ts';
import { openTestDb } from '../testing/harness.ts';
import type { Database } from './database.ts';
import type { DB } from './schema.ts';

type Code = string | number;

/** Every SQL CHECK that lists codes (`table.column`), and the shared list it must hold. */
const SHARED_LISTS: Record<string, readonly Code[]> = {
  'audit_log.outcome': AUDIT_OUTCOMES,
  'case_team.role_in_case': CASE_TEAM_ROLES,
  'cases.age_band': AGE_BANDS,
  'cases.citizenship': CITIZENSHIPS,
  'cases.closure_outcome': CLOSURE_OUTCOMES,
  'cases.education': EDUCATION,
  'cases.employment': EMPLOYMENT,
  'cases.risk_level': RISK_LEVELS,
  'cases.risk_tool': RISK_TOOLS,
  'cases.status': CASE_STATUSES,
  'consents.decision': CONSENT_DECISIONS,
  'directory_entries.accessibility': ACCESSIBILITY_FEATURES,
  'training_courses.audiences': TRAINING_AUDIENCES,
  'prevention_activities.audiences': PREVENTION_AUDIENCES,
  'prevention_activities.kind': PREVENTION_KINDS,
  'prevention_resources.kind': PREVENTION_RESOURCE_KINDS,
  'directory_entries.languages': SPOKEN_LANGUAGES,
  'directory_entries.services': DIRECTORY_SERVICES,
  'directory_published.accessibility': ACCESSIBILITY_FEATURES,
  'directory_published.languages': SPOKEN_LANGUAGES,
  'directory_published.services': DIRECTORY_SERVICES,
  'consents.method': CONSENT_METHODS,
  'consents.purpose': CONSENT_PURPOSES,
  'consents.sharing_purpose': SHARING_PURPOSES,
  'follow_ups.months': FOLLOW_UP_MONTHS,
  'form_drafts.form': DRAFT_FORMS,
  'invitations.kind': LINK_KINDS,
  'organisations.type': ORGANISATION_TYPES,
  'outcomes.kind': OUTCOME_KINDS,
  'plan_actions.status': ACTION_STATUSES,
  'plan_goals.domain': DOMAINS,
  'plan_goals.status': GOAL_STATUSES,
  'plan_versions.agreement_method': AGREEMENT_METHODS,
  'plans.second_language': SECOND_LANGUAGES,
  'protocol_adhesions.status': ADHESION_STATUSES,
  'protocol_adhesions.applicant_type': ORGANISATION_TYPES,
  'protocol_signatories.kind': SIGNATORY_KINDS,
  'referral_reports.kind': REPORT_KINDS,
  'referrals.access_end_reason': ACCESS_END_REASONS,
  'referrals.completion_outcome': COMPLETION_OUTCOMES,
  'referrals.contact_mode': CONTACT_MODES,
  'referrals.decline_reason': DECLINE_REASONS,
  'referrals.overdue_notified': OVERDUE_KINDS,
  'referrals.purpose': SHARING_PURPOSES,
  'referrals.status': REFERRAL_STATUSES,
  'referrals.urgency': URGENCIES,
  'sessions.stage': SESSION_STAGES,
  // observatory (issue 7)
  'stats_paths.age_band': STATS_AGE_BANDS,
  'stats_paths.children': STATS_CHILDREN,
  'stats_paths.citizenship': STATS_CITIZENSHIPS,
  'user_roles.role': ROLES,
  // obs-report
  'feedback_answers.question': FEEDBACK_QUESTIONS,
  'observatory_reports.lang': REPORT_LANGUAGES,
  'observatory_reports.status': REPORT_STATUSES,
  // net-control
  'control_room_actions.status': ROOM_ACTION_STATUSES,
  'documents.kind': DOCUMENT_KINDS,
  'documents.media_type': DOCUMENT_MEDIA_TYPES,
  'procedure_versions.status': PROCEDURE_STATUSES,
  'procedures.applies_to_type': ORGANISATION_TYPES,
  // net-companies
  'companies.size_band': COMPANY_SIZE_BANDS,
  'company_engagements.kind': ENGAGEMENT_KINDS,
  'vacancies.contract_type': CONTRACT_TYPES,
  'vacancies.education_min': REQUIRED_EDUCATION,
  'vacancies.italian_min': ITALIAN_LEVELS,
  'vacancies.languages': VACANCY_LANGUAGES,
  'vacancies.sector': JOB_SECTORS,
  'vacancies.status': VACANCY_STATUSES,
  // issue 12
  'insider_alerts.kind': INSIDER_ALERT_KINDS,
  'webauthn_challenges.purpose': WEBAUTHN_PURPOSES,
};

/**
 * `CHECK ((purpose = ANY (ARRAY['a'::text, 'b'::text])))`, as pg_get_constraintdef prints `purpose IN ('a', 'b')`;
 * or, for a column holding a list of codes, `CHECK ((services <@ ARRAY['a'::text, 'b'::text]))`.
 */
const LIST_CHECK = /^CHECK \(\((\w+) (?:= ANY \(ARRAY\[(.*)\]\)|<@ ARRAY\[(.*)\])\)\)$/;
const VALUE = /^'((?:[^']|'')*)'::text$|^(-?\d+)$/;

interface SqlLists {
  lists: Map<string, Code[]>;
  /** constraints that list values in a shape this reader does not know: a test must look at them */
  unread: string[];
}

async function readCheckLists(db: Kysely<DB>): Promise<SqlLists> {
  const rows = (
    await sql<{ tbl: string; name: string; def: string }>`
      SELECT c.relname AS tbl, con.conname AS name, pg_get_constraintdef(con.oid) AS def
      FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid
      WHERE con.contype = 'c' AND con.connamespace = 'public'::regnamespace
      ORDER BY 1, 2`.execute(db)
  ).rows;
  const lists = new Map<string, Code[]>();
  const unread: string[] = [];
  for (const r of rows) {
    if (!r.def.includes('ARRAY[')) continue;
    const m = LIST_CHECK.exec(r.def);
    const values = (m?.[2] ?? m?.[3])?.split(', ').map((v) => VALUE.exec(v));
    if (!m || !values || values.some((v) => !v)) {
      unread.push(`${r.tbl}.${r.name}: ${r.def}`);
      continue;
    }
    lists.set(
      `${r.tbl}.${m[1]}`,
      values.map((v) => (v?.[2] !== undefined ? Number(v[2]) : (v?.[1] ?? '').replaceAll("''", "'"))),
    );
  }
  return { lists, unread };
}

/** Every difference between the SQL lists and the shared ones, as sentences; none when they agree. */
function differences(sqlLists: Map<string, Code[]>, shared: Record<string, readonly Code[]>): string[] {
  const out: string[] = [];
  for (const [column, values] of sqlLists) {
    const mine = shared[column];
    if (!mine) {
      out.push(`${column}: the SQL CHECK lists codes but no shared list is mapped to it in codes.db.test.ts`);
      continue;
    }
    const missing = values.filter((v) => !mine.includes(v));
    const extra = mine.filter((v) => !values.includes(v));
    if (missing.length) out.push(`${column}: in the SQL CHECK but not in the shared list: ${missing.join(', ')}`);
    if (extra.length) out.push(`${column}: in the shared list but not in the SQL CHECK: ${extra.join(', ')}`);
  }
  for (const column of Object.keys(shared)) {
    if (!sqlLists.has(column)) out.push(`${column}: mapped to a shared list, but no SQL CHECK lists its codes`);
  }
  return out;
}

let db: Database;
beforeAll(async () => {
  db = await openTestDb();
});
afterAll(async () => db?.close());

describe('SQL CHECK code lists', () => {
  it('are the shared code lists (src/shared/codes), each one', async () => {
    const { lists, unread } = await readCheckLists(db.owner);
    expect(unread).toEqual([]);
    expect(lists.size).toBe(Object.keys(SHARED_LISTS).length);
    expect(differences(lists, SHARED_LISTS)).toEqual([]);
  });

  it('would name a code added in SQL only, a code added to a shared list only, and an unmapped CHECK', async () => {
    const rollback = new Error('rollback');
    let seen: string[] = [];
    await db.owner
      .transaction()
      .execute(async (tx) => {
        await sql`ALTER TABLE referrals DROP CONSTRAINT referrals_purpose_check`.execute(tx);
        await sql`ALTER TABLE referrals ADD CONSTRAINT referrals_purpose_check
          CHECK (purpose IN ('work_orientation', 'training', 'housing', 'social_support', 'health', 'legal', 'childcare'))`.execute(
          tx,
        );
        await sql`ALTER TABLE networks ADD CONSTRAINT networks_kind_check CHECK (name IN ('a', 'b'))`.execute(tx);
        const { lists } = await readCheckLists(tx);
        const shared = { ...SHARED_LISTS, 'consents.sharing_purpose': [...SHARING_PURPOSES, 'childcare'] };
        seen = differences(lists, shared);
        throw rollback;
      })
      .catch((e) => {
        if (e !== rollback) throw e;
      });
    expect(seen.sort()).toEqual([
      'consents.sharing_purpose: in the shared list but not in the SQL CHECK: childcare',
      'networks.name: the SQL CHECK lists codes but no shared list is mapped to it in codes.db.test.ts',
      'referrals.purpose: in the SQL CHECK but not in the shared list: childcare',
    ]);
    // and the rollback left the real lists alone
    expect(differences((await readCheckLists(db.owner)).lists, SHARED_LISTS)).toEqual([]);
  });
});
