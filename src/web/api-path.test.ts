import { describe, expect, it } from 'vitest';
import { buildPath, queryString } from './api-path.ts';

describe('buildPath', () => {
  it('fills and encodes the path parameters', () => {
    expect(buildPath('/cases/:id', { id: 'a1' }, undefined)).toBe('/cases/a1');
    expect(buildPath('/cases/:id/consents/:consentId/revocation', { id: 'a/b', consentId: 'c?d#e' }, undefined)).toBe(
      '/cases/a%2Fb/consents/c%3Fd%23e/revocation',
    );
    expect(buildPath('/cases/:id/plan/versions/:version', { id: 'x', version: 3 }, undefined)).toBe(
      '/cases/x/plan/versions/3',
    );
    expect(buildPath('/users/:id/roles', { id: '../me' }, undefined)).toBe('/users/..%2Fme/roles');
  });

  it('refuses a missing parameter rather than calling a wrong URL', () => {
    expect(() => buildPath('/cases/:id', {}, undefined)).toThrow(/id/);
    expect(() => buildPath('/cases/:id', { id: '' }, undefined)).toThrow(/id/);
  });

  it('adds the non-empty query values, encoded', () => {
    expect(buildPath('/cases', undefined, { status: 'open', mine: true, limit: 50, offset: undefined, q: '' })).toBe(
      '/cases?status=open&mine=true&limit=50',
    );
    expect(queryString({ purpose: 'Colloquio: a&b=c d' })).toBe('?purpose=Colloquio%3A%20a%26b%3Dc%20d');
    expect(queryString({ a: null, b: undefined })).toBe('');
  });
});
