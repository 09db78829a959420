import { describe, expect, it } from 'vitest';
import { NEEDS_SECTIONS } from '../../shared/codes/needs.ts';
import { SECTIONS } from './questionnaire.ts';

describe('questionnaire sections', () => {
  it('are the shared list of sections, in its order (each is a share field needs.<section>)', () => {
    expect(SECTIONS.map((s) => s.id)).toEqual([...NEEDS_SECTIONS]);
  });
});
