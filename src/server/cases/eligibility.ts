/**
 * The regional programme's rule: a woman is eligible while in charge, and for `windowDays` days
 * after her path closed (the Pavia programme's "no more than six months": 182 days by default).
 */
export interface EligibilityInput {
  status: 'open' | 'closed';
  closedOn: string | null;
  windowDays: number;
  programme: string;
}

const DAY = 86_400_000;
const toDay = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
export const addDays = (iso: string, days: number) => new Date(toDay(iso) + days * DAY).toISOString().slice(0, 10);
export const daysBetween = (from: string, to: string) => Math.round((toDay(to) - toDay(from)) / DAY);

export function eligibilityOf(input: EligibilityInput, today: string) {
  if (input.status === 'open' || !input.closedOn) {
    return {
      programme: input.programme,
      eligible: true,
      reason: 'in_charge' as const,
      windowEndsOn: null,
      daysLeft: null,
    };
  }
  const windowEndsOn = addDays(input.closedOn, input.windowDays);
  const daysLeft = daysBetween(today, windowEndsOn);
  return {
    programme: input.programme,
    eligible: daysLeft >= 0,
    reason: daysLeft >= 0 ? ('closed_within_window' as const) : ('window_ended' as const),
    windowEndsOn,
    daysLeft,
  };
}

/** Window closing within this many days: the "closing soon" list. */
export const CLOSING_SOON_DAYS = 30;
