import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  HOURLY_CEILING,
  MIN_ACTIVE_HOURS,
  MIN_SIGN_INS,
  PATTERN_FACTOR,
  PATTERN_FLOOR,
  unusualHour,
  usualHourly,
  volumeAlert,
} from './thresholds.ts';

const hours = (n: number, value: number) => Array.from({ length: n }, () => value);

describe('volume of identity reads and exports in one hour', () => {
  it('tells the fixed ceiling at its edge, with or without history', () => {
    expect(volumeAlert(HOURLY_CEILING, [])).toBeNull();
    expect(volumeAlert(HOURLY_CEILING + 1, [])).toBe('ceiling');
    expect(volumeAlert(HOURLY_CEILING + 1, hours(50, 100))).toBe('ceiling');
  });

  it('learns the usual from enough active hours only', () => {
    expect(usualHourly(hours(MIN_ACTIVE_HOURS - 1, 2))).toBeNull();
    expect(usualHourly([...hours(MIN_ACTIVE_HOURS - 1, 2), 0, 0, 0])).toBeNull(); // idle hours do not count
    expect(usualHourly(hours(MIN_ACTIVE_HOURS, 2))).toBe(2);
    // the 90th percentile: one odd busy hour among ten does not raise the usual
    expect(usualHourly([1, 1, 1, 1, 1, 1, 1, 1, 1, 30])).toBe(1);
  });

  it('tells a pattern break at its edges: the floor and the factor', () => {
    const past = hours(MIN_ACTIVE_HOURS, 3); // usual 3 → more than 9 is unusual
    expect(volumeAlert(PATTERN_FACTOR * 3, past)).toBeNull();
    expect(volumeAlert(PATTERN_FLOOR, past)).toBe('pattern'); // 10 > 9 and at the floor
    expect(volumeAlert(PATTERN_FLOOR - 1, hours(MIN_ACTIVE_HOURS, 1))).toBeNull(); // under the floor
    expect(volumeAlert(PATTERN_FLOOR, hours(MIN_ACTIVE_HOURS - 1, 1))).toBeNull(); // not enough history
  });

  it('never tells what is within the usual, and always tells what is over the ceiling (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(60), { maxLength: 200 }), fc.nat(200), (past, count) => {
        const reason = volumeAlert(count, past);
        if (count > HOURLY_CEILING) return reason === 'ceiling';
        if (reason === 'pattern') {
          const usual = usualHourly(past);
          return usual !== null && count >= PATTERN_FLOOR && count > PATTERN_FACTOR * usual;
        }
        return reason === null;
      }),
    );
  });

  it('is monotone: more reads in the hour never turn an alert off (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(60), { maxLength: 100 }), fc.nat(100), fc.nat(50), (past, count, more) => {
        return volumeAlert(count, past) === null || volumeAlert(count + more, past) !== null;
      }),
    );
  });
});

describe('sign-in at an unusual hour for the organisation', () => {
  const office: number[] = Array.from({ length: 24 }, (_, h) => (h >= 8 && h < 18 ? 10 : 0)); // 100 sign-ins, 8–18

  it('flags an hour with under 1% of the sign-ins, once there is enough history', () => {
    expect(unusualHour(3, office)).toBe(true);
    expect(unusualHour(9, office)).toBe(false);
    const little: number[] = office.map((n) => (n ? 4 : 0)); // 40 sign-ins: too few to judge
    expect(little.reduce((a, b) => a + b)).toBeLessThan(MIN_SIGN_INS);
    expect(unusualHour(3, little)).toBe(false);
  });

  it('is exact at the 1% edge', () => {
    const byHour = [...office];
    byHour[22] = 1; // 1 of 101: 0.99% → still unusual
    expect(unusualHour(22, byHour)).toBe(true);
    const even = Array.from({ length: 24 }, () => 0);
    even[9] = 99;
    even[22] = 1; // 1 of 100: exactly 1% → not unusual
    expect(unusualHour(22, even)).toBe(false);
  });

  it('refuses nonsense quietly (property): never unusual outside 0–23 or with a wrong histogram', () => {
    fc.assert(
      fc.property(fc.integer({ min: -50, max: 80 }), fc.array(fc.nat(100), { maxLength: 30 }), (hour, byHour) => {
        const told = unusualHour(hour, byHour);
        if (hour < 0 || hour > 23 || byHour.length !== 24) return told === false;
        const total = byHour.reduce((a, b) => a + b, 0);
        return told === (total >= MIN_SIGN_INS && (byHour[hour] ?? 0) < 0.01 * total);
      }),
    );
  });
});
