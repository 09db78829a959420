import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { draftContext, openDraft, sealDraft } from './seal.ts';

describe('draft sealing', () => {
  const key = randomBytes(32);
  const content = { step: 2, identity: { lastName: 'Canarossi' } };

  it('opens with the same author, form and case, never shows the content, and differs every time', () => {
    const ctx = draftContext('u1', 'intake', null);
    const a = sealDraft(key, ctx, content);
    const b = sealDraft(key, ctx, content);
    expect(a).not.toBe(b);
    expect(a).not.toContain('Canarossi');
    expect(openDraft(key, ctx, a)).toEqual(content);
  });

  it('refuses another author, form, case or key', () => {
    const sealed = sealDraft(key, draftContext('u1', 'needs_assessment', 'c1'), content);
    for (const ctx of [
      draftContext('u2', 'needs_assessment', 'c1'),
      draftContext('u1', 'intake', null),
      draftContext('u1', 'needs_assessment', 'c2'),
    ])
      expect(() => openDraft(key, ctx, sealed)).toThrow();
    expect(() => openDraft(randomBytes(32), draftContext('u1', 'needs_assessment', 'c1'), sealed)).toThrow();
  });
});
