import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isActionOverdue,
  isConsentExpiring,
  isFollowUpDue,
  isHighRisk,
  isWindowClosing,
  plusDays,
  referralOverdue,
} from './urgency.ts';

const today = '2026-12-03';

describe('urgency rules', () => {
  it('high risk is the level "high" only', () => {
    expect(isHighRisk('high')).toBe(true);
    expect(isHighRisk('medium')).toBe(false);
    expect(isHighRisk(null)).toBe(false);
  });

  it('a plan action is overdue the day after its due date, while planned or in progress', () => {
    expect(isActionOverdue({ status: 'planned', dueOn: '2026-12-02' }, today)).toBe(true);
    expect(isActionOverdue({ status: 'in_progress', dueOn: '2026-01-01' }, today)).toBe(true);
    expect(isActionOverdue({ status: 'planned', dueOn: today }, today)).toBe(false);
    expect(isActionOverdue({ status: 'done', dueOn: '2026-12-02' }, today)).toBe(false);
    expect(isActionOverdue({ status: 'cancelled', dueOn: '2026-12-02' }, today)).toBe(false);
    expect(isActionOverdue({ status: 'planned', dueOn: null }, today)).toBe(false);
  });

  it('a follow-up is due from its due date until done', () => {
    expect(isFollowUpDue({ dueOn: today, doneOn: null }, today)).toBe(true);
    expect(isFollowUpDue({ dueOn: '2026-12-04', doneOn: null }, today)).toBe(false);
    expect(isFollowUpDue({ dueOn: '2026-11-01', doneOn: '2026-11-02' }, today)).toBe(false);
  });

  it('a referral misses its answer until it expires, then its first appointment until booked', () => {
    const r = { ackDueOn: '2026-12-01', appointmentDueOn: '2026-12-10', appointmentOn: null, expiresOn: '2026-12-20' };
    expect(referralOverdue({ ...r, status: 'sent' }, today)).toBe('acknowledgement');
    expect(referralOverdue({ ...r, status: 'sent' }, '2026-12-01')).toBe(null);
    expect(referralOverdue({ ...r, status: 'sent' }, '2026-12-21')).toBe(null);
    expect(referralOverdue({ ...r, status: 'accepted' }, '2026-12-11')).toBe('first_appointment');
    expect(referralOverdue({ ...r, status: 'in_progress' }, '2026-12-10')).toBe(null);
    expect(referralOverdue({ ...r, status: 'accepted', appointmentOn: '2026-12-15' }, '2026-12-11')).toBe(null);
    for (const status of ['declined', 'completed', 'withdrawn', 'expired'])
      expect(referralOverdue({ ...r, status }, '2026-12-11')).toBe(null);
  });

  it('a consent is expiring within 30 days, if granted and not revoked', () => {
    const c = { decision: 'granted', revokedOn: null };
    expect(isConsentExpiring({ ...c, expiresOn: today }, today)).toBe(true);
    expect(isConsentExpiring({ ...c, expiresOn: '2027-01-02' }, today)).toBe(true);
    expect(isConsentExpiring({ ...c, expiresOn: '2027-01-03' }, today)).toBe(false);
    expect(isConsentExpiring({ ...c, expiresOn: '2026-12-02' }, today)).toBe(false);
    expect(isConsentExpiring({ ...c, expiresOn: null }, today)).toBe(false);
    expect(isConsentExpiring({ ...c, expiresOn: today, revokedOn: '2026-11-01' }, today)).toBe(false);
    expect(isConsentExpiring({ decision: 'refused', revokedOn: null, expiresOn: today }, today)).toBe(false);
  });

  it('a closed case is closing its window in the last 30 days of it', () => {
    const c = { status: 'closed', windowDays: 182 };
    expect(isWindowClosing({ ...c, closedOn: plusDays(today, -182) }, today)).toBe(true);
    expect(isWindowClosing({ ...c, closedOn: plusDays(today, -152) }, today)).toBe(true);
    expect(isWindowClosing({ ...c, closedOn: plusDays(today, -151) }, today)).toBe(false);
    expect(isWindowClosing({ ...c, closedOn: plusDays(today, -183) }, today)).toBe(false);
    expect(isWindowClosing({ status: 'open', closedOn: null, windowDays: 182 }, today)).toBe(false);
  });

  it('plusDays walks the calendar across months, years and DST', () => {
    expect(plusDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(plusDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(plusDays('2026-03-29', 1)).toBe('2026-03-30');
    fc.assert(
      fc.property(fc.integer({ min: -2000, max: 2000 }), fc.integer({ min: -400, max: 400 }), (a, b) => {
        expect(plusDays(plusDays(today, a), b)).toBe(plusDays(today, a + b));
      }),
    );
  });
});
