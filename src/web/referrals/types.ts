/** Shapes of the referral API: the server's schema types (src/server/referrals/schemas.ts), import type only. */
import type { ReferralSummary, Shared } from '../../server/referrals/schemas.ts';

export type {
  Destinations,
  HistoryEntry,
  Message,
  OverdueItem,
  Preview,
  ReferralCreate,
  ReferralDetail,
  ReferralSummary,
  Report,
  ShareCheck,
  Shared,
  TransitionOut,
  View,
} from '../../server/referrals/schemas.ts';

export type Label = NonNullable<NonNullable<Shared['needs']>['sections'][number]['label']>;
export type OrgRef = ReferralSummary['sender'];
export type ContactMode = ReferralSummary['contactMode'];
export type Box = ReferralSummary['box'];
