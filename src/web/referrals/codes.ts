/**
 * The codes the referral API accepts come from src/shared/codes (one list for server, database
 * and UI); what stays here is the web's own.
 */
import { CASE_HOLDER_TYPES } from '../../shared/codes/organisations.ts';
import { OPEN_REFERRAL_STATUSES } from '../../shared/codes/referrals.ts';

export {
  COMPLETION_OUTCOMES,
  DECLINE_REASONS,
  REFERRAL_STATUSES as STATUSES,
  REPORT_KINDS,
  URGENCIES,
} from '../../shared/codes/referrals.ts';
export { FIELD_GROUPS, SHARING_PURPOSES as PURPOSES } from '../../shared/codes/sharing.ts';

/** Statuses in which the referral is still open (deadlines matter). */
export const OPEN_STATUSES: readonly string[] = OPEN_REFERRAL_STATUSES;
/** Organisation types that hold cases and send referrals. */
export const SENDER_TYPES: readonly string[] = CASE_HOLDER_TYPES;

/** A fresh Idempotency-Key (random UUID). */
export const newIdempotencyKey = () => crypto.randomUUID();

export const referralPath = (id: string) => `/invii/${encodeURIComponent(id)}`;
