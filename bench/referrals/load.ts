import { benchSides, type Endpoint } from '../cases/load.ts';
import type { ReferralsSetup } from './generate-referrals.ts';
import { INBOX_PATH } from './statements.ts';

/**
 * The referrals' load: the caseload benchmark's (bench/cases/load.ts: 100 closed-loop
 * connections, warm-up, backlog cancelled, wait sampling, the think-time users), on the
 * recipient's inbox and the referral page, against the app and this benchmark's floor.
 */
export type ReferralEndpoint = 'inbox' | 'referral_page';
export const REFERRALS_FLOOR = '../referrals/bare-server.ts';

export function referralEndpoints(setup: ReferralsSetup): Endpoint<ReferralEndpoint>[] {
  return [
    { name: 'inbox', label: `GET ${INBOX_PATH} (newest 100 she sees)`, paths: [INBOX_PATH], weight: 40 },
    {
      name: 'referral_page',
      label: `GET /api/v1/referrals/:id (${setup.referralIds.length} random referrals the CPI sees, in turn; each inserts a view and an audit row)`,
      paths: setup.referralIds.map((id) => `/api/v1/referrals/${id}`),
      weight: 60,
    },
  ];
}

export const benchReferrals = (
  setup: ReferralsSetup,
  o: { floorEnv?: Record<string, string>; users?: boolean; say?: (text: string) => void } = {},
) => benchSides(setup, referralEndpoints(setup), { ...o, floor: REFERRALS_FLOOR });
