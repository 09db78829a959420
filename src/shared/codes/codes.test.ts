import { describe, expect, it } from 'vitest';
import { AGE_BANDS, ISTAT_AGE_BAND_OF, ISTAT_AGE_BANDS } from './istat.ts';
import { REPORT_OUTCOMES } from './outcomes.ts';
import { contactModeOf, DIRECT_CONTACT_FIELDS, SHARE_FIELDS } from './sharing.ts';

describe('shared codes', () => {
  it('put every case age band in one ISTAT band, and every ISTAT band is reached in order', () => {
    expect(AGE_BANDS.map((b) => ISTAT_AGE_BAND_OF[b])).toEqual([
      'up_to_29',
      'up_to_29',
      '30_39',
      '40_49',
      '50_59',
      '60_69',
      '70_plus',
    ]);
    expect([...new Set(Object.values(ISTAT_AGE_BAND_OF))]).toEqual([...ISTAT_AGE_BANDS]);
  });

  it('make a referral direct only when her phone or e-mail goes with it', () => {
    expect(DIRECT_CONTACT_FIELDS.every((f) => SHARE_FIELDS.includes(f))).toBe(true);
    expect(contactModeOf(['identity.name', 'profile.ageBand'])).toBe('through_centre');
    expect(contactModeOf(['identity.name', 'identity.email'])).toBe('direct');
    expect(contactModeOf(['identity.phone'])).toBe('direct');
  });

  it('have no code twice in a list', () => {
    for (const list of [SHARE_FIELDS, REPORT_OUTCOMES, ISTAT_AGE_BANDS]) expect(new Set(list).size).toBe(list.length);
  });
});
