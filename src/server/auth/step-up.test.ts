import { describe, expect, it } from 'vitest';
import { freshUntil, isFresh, STEP_UP_MINUTES } from './step-up.ts';

describe('step-up freshness at its edges', () => {
  const at = new Date('2026-12-04T10:00:00.000Z');
  const plus = (ms: number) => new Date(at.getTime() + ms);
  const span = STEP_UP_MINUTES * 60_000;

  it('is fresh from the factor up to one millisecond before 10 minutes, and not at 10 minutes', () => {
    expect(isFresh(at, at)).toBe(true);
    expect(isFresh(at, plus(span - 1))).toBe(true);
    expect(isFresh(at, plus(span))).toBe(false);
    expect(isFresh(at, plus(span + 1))).toBe(false);
  });

  it('is never fresh without a factor, nor for a factor dated in the future', () => {
    expect(isFresh(null, at)).toBe(false);
    expect(isFresh(plus(1), at)).toBe(false);
  });

  it('says until when', () => {
    expect(freshUntil(at).toISOString()).toBe('2026-12-04T10:10:00.000Z');
  });
});
