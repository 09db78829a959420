/**
 * Feedback tokens: issued when a plan is printed for her, spent by her one answer. A token proves
 * only "a woman of centre X, plan of month M": the table has no case, no plan, no user and no time
 * finer than the month (migration 110), and only the SHA-256 of the token is kept.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { sha256 } from '../auth/tokens.ts';
import type { Tx } from '../db/context.ts';
import { todayInItaly } from '../db/dates.ts';

/** 16 random bytes, base64url: 22 characters, short enough to type from paper. */
export const newFeedbackToken = () => randomBytes(16).toString('base64url');
export const isFeedbackToken = (token: string) => /^[A-Za-z0-9_-]{22}$/.test(token);

/** Issues a token for the actor's centre and the current month; RLS lets only a centre's operator do it. */
export async function issueFeedbackToken(tx: Tx, organisationId: string, today = todayInItaly()): Promise<string> {
  const token = newFeedbackToken();
  await sql`INSERT INTO feedback_tokens (token_hash, organisation_id, plan_month)
    VALUES (${sha256(token)}, ${organisationId}::uuid, ${`${today.slice(0, 7)}-01`}::date)`.execute(tx);
  return token;
}

export type TokenState = 'open' | 'answered' | 'unknown';

export async function tokenState(tx: Tx, token: string): Promise<TokenState> {
  if (!isFeedbackToken(token)) return 'unknown';
  const r = await sql<{ s: TokenState }>`SELECT feedback_token_state(${sha256(token)}) AS s`.execute(tx);
  return r.rows[0]?.s ?? 'unknown';
}

/** Records her answers ('question:answer' pairs) and spends the token, in one statement. */
export async function answerFeedback(
  tx: Tx,
  token: string,
  pairs: string[],
): Promise<'saved' | 'answered' | 'unknown'> {
  if (!isFeedbackToken(token)) return 'unknown';
  const r = await sql<{
    s: 'saved' | 'answered' | 'unknown';
  }>`SELECT feedback_answer(${sha256(token)}, ${pairs}::text[]) AS s`.execute(tx);
  return r.rows[0]?.s ?? 'unknown';
}
