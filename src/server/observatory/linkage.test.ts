import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePeriod, periodsUntil } from '../../shared/observatory/periods.ts';
import { CATALOGUE, definitionOf } from '../../shared/observatory/catalogue.ts';
import { foldName, linkageText, linkageToken } from './linkage.ts';

const key = Buffer.alloc(32, 7);

describe('linkage token', () => {
  it('folds accents, case, spaces, apostrophes and hyphens', () => {
    expect(foldName("  D'Angelò  Maria-José ")).toBe('DANGELOMARIAJOSE');
    expect(linkageToken(key, { firstName: 'maria josé', lastName: "d'angelo", birthDate: '1980-01-02' })).toBe(
      linkageToken(key, { firstName: 'MARIA JOSE', lastName: 'D ANGELO', birthDate: '1980-01-02' }),
    );
  });

  it('uses the tax code when present, else name and birth date; no birth date: no token', () => {
    const cf = 'RSSMRA80A41F205X';
    expect(linkageText({ firstName: 'A', lastName: 'B', taxCode: cf.toLowerCase() })).toBe(`cf:${cf}`);
    expect(linkageText({ firstName: 'A', lastName: 'B' })).toBeNull();
    expect(linkageToken(key, { firstName: 'A', lastName: 'B', birthDate: '1980-01-01' })).not.toBe(
      linkageToken(key, { firstName: 'A', lastName: 'B', birthDate: '1980-01-02' }),
    );
  });

  it('is a keyed HMAC: another key gives another token, and the token never contains her name', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 3 }), fc.string({ minLength: 3 }), (first, last) => {
        const id = { firstName: first, lastName: last, birthDate: '1990-05-05' };
        const a = linkageToken(key, id);
        expect(a).toMatch(/^[0-9a-f]{64}$/);
        expect(linkageToken(Buffer.alloc(32, 8), id)).not.toBe(a);
      }),
    );
  });
});

describe('periods and catalogue', () => {
  it('accepts only the fixed lists', () => {
    expect(parsePeriod('quarter:2026-Q3')).toEqual({
      kind: 'quarter',
      key: '2026-Q3',
      from: '2026-07-01',
      to: '2026-09-30',
    });
    expect(parsePeriod('month:2024-02')?.to).toBe('2024-02-29');
    expect(parsePeriod('year:2025')?.from).toBe('2025-01-01');
    for (const bad of ['quarter:2026-Q0', 'month:2026-13', 'year:2026-01', '2026-07-01', 'week:2026-30'])
      expect(parsePeriod(bad)).toBeNull();
    const ps = periodsUntil('2026-12-03');
    expect(ps.filter((p) => p.kind === 'quarter')[1]?.key).toBe('2026-Q3');
    for (const p of ps) expect(parsePeriod(`${p.kind}:${p.key}`)).toEqual(p);
  });

  it('keeps every version of every indicator, numbered from 1 without gaps', () => {
    const codes = new Set(CATALOGUE.map((d) => d.code));
    for (const code of codes) {
      const versions = CATALOGUE.filter((d) => d.code === code)
        .map((d) => d.version)
        .sort((a, b) => a - b);
      expect(versions).toEqual(versions.map((_, i) => i + 1));
      expect(definitionOf(code, '2026-09-30').code).toBe(code);
    }
    for (const needed of [
      'funnel.contacts',
      'funnel.abandoned',
      'referrals.overdue_now',
      'work.retention_rate',
      'housing.reached',
      'profile.age_band',
      'network.trained_cpi_referents',
    ]) {
      expect(codes.has(needed), needed).toBe(true);
    }
  });
});
