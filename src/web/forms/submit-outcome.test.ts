import { describe, expect, it } from 'vitest';
import { ApiError } from '../api.ts';
import { en } from '../i18n/en.ts';
import { failureOf, ifMatch } from './submit-outcome.ts';

const target = (f: string) => (f === 'agreedOn' ? { id: 'agr-date', label: 'Date' } : null);

describe('failureOf: what a failed submission means for the form', () => {
  it('a stale version is a conflict (409 version_conflict, 412, 428), not an error list', () => {
    expect(failureOf(new ApiError(409, 'version_conflict', ''), en, target)).toEqual({ kind: 'conflict' });
    expect(failureOf(new ApiError(412, 'http_412', ''), en, target)).toEqual({ kind: 'conflict' });
    expect(failureOf(new ApiError(428, 'precondition_required', ''), en, target)).toEqual({ kind: 'conflict' });
  });

  it('a 400 with fields: one translated error per control, linked by id', () => {
    const err = new ApiError(400, 'validation_failed', '', [
      { field: 'agreedOn', reason: 'in_the_future', message: 'must not be in the future' },
    ]);
    expect(failureOf(err, en, target)).toEqual({
      kind: 'errors',
      errors: [{ field: 'agr-date', message: 'Date: the date cannot be in the future.' }],
    });
  });

  it('anything else is one form-level message', () => {
    expect(failureOf(new ApiError(409, 'case_closed', ''), en, target)).toEqual({
      kind: 'errors',
      errors: [{ message: en.validation.caseClosed }],
    });
    expect(failureOf(new ApiError(400, 'validation_failed', ''), en)).toEqual({
      kind: 'errors',
      errors: [{ message: en.common.error }],
    });
    expect(failureOf(new TypeError('network'), en)).toEqual({ kind: 'errors', errors: [{ message: en.common.error }] });
  });

  it('If-Match carries the version quoted', () => {
    expect(ifMatch(7)).toEqual({ 'If-Match': '"7"' });
  });
});
