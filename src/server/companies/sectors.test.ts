import { describe, expect, it } from 'vitest';
import { JOB_SECTORS } from '../../shared/codes/companies.ts';
import { QUESTIONS } from '../needs/questionnaire.ts';

describe('one vocabulary of sectors', () => {
  it('a vacancy sector is a sector of the needs questionnaire (last job, desired sectors), and back', () => {
    for (const q of ['last_job_sector', 'desired_sectors']) {
      const question = QUESTIONS.get(q);
      const options = question && 'options' in question ? question.options.map((o) => o.value) : [];
      expect(options).toEqual([...JOB_SECTORS]);
    }
  });
});
