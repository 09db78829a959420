import { describe, expect, it } from 'vitest';
import { ApiError } from '../api.ts';
import { en } from '../i18n/en.ts';
import { failureOf, ifMatch } from './submit-outcome.ts';

const target = (f: string) => (f === 'agreedOn' ? { id: 'agr-date', label: 'Date' } : null);

describe('failureOf: what a failed submission means for the form', () => {
  it('a stale version is a conflict (409 version_conflict, 412, 428), not an error list', () => {
    expect(failureOf(new ApiError(409, 'version_conflict', ''), en, { target })).toEqual({ kind: 'conflict' });
    expect(failureOf(new ApiError(412, 'http_412', ''), en, { target })).toEqual({ kind: 'conflict' });
    expect(failureOf(new ApiError(428, 'precondition_required', ''), en, { target })).toEqual({ kind: 'conflict' });
  });

  it('a 400 with fields: one translated error per control, linked by id', () => {
    const err = new ApiError(400, 'validation_failed', '', [
      { field: 'agreedOn', reason: 'in_the_future', message: 'must not be in the future' },
    ]);
    expect(failureOf(err, en, { target })).toEqual({
      kind: 'errors',
      errors: [{ field: 'agr-date', message: 'Date: the date cannot be in the future.' }],
    });
  });

  it('anything else is one form-level message', () => {
    expect(failureOf(new ApiError(409, 'case_closed', ''), en, { target })).toEqual({
      kind: 'errors',
      errors: [{ message: en.validation.caseClosed }],
    });
    expect(failureOf(new ApiError(400, 'validation_failed', ''), en)).toEqual({
      kind: 'errors',
      errors: [{ message: en.common.error }],
    });
    expect(failureOf(new TypeError('network'), en)).toEqual({ kind: 'errors', errors: [{ message: en.common.error }] });
  });

  it('a 409 naming fields (a code already taken) points at its control too', () => {
    const err = new ApiError(409, 'code_taken', '', [{ field: 'agreedOn', reason: 'taken', message: 'taken' }]);
    expect(failureOf(err, en, { target })).toEqual({
      kind: 'errors',
      errors: [{ field: 'agr-date', message: `Date: ${en.fieldReasons.taken}` }],
    });
  });

  it('a form\'s own words per field replace "Label: reason", on known and unknown fields alike', () => {
    const err = new ApiError(400, 'validation_failed', '', [
      { field: 'agreedOn', reason: 'invalid', message: '' },
      { field: 'website', reason: 'invalid', message: '' },
      { field: 'other', reason: 'required', message: '' },
    ]);
    const fieldText = (f: string) => (f === 'agreedOn' ? 'Pick a date' : f === 'website' ? 'Use https://' : undefined);
    expect(failureOf(err, en, { target, fieldText })).toEqual({
      kind: 'errors',
      errors: [
        { field: 'agr-date', message: 'Pick a date' },
        { message: 'Use https://' },
        { message: en.fieldReasons.required },
      ],
    });
  });

  it("the form's own reading comes first: a list replaces the common one, [] shows nothing, undefined falls through", () => {
    const conflict = new ApiError(409, 'version_conflict', '');
    expect(failureOf(conflict, en, { explain: () => [{ message: 'Reloaded' }] })).toEqual({
      kind: 'errors',
      errors: [{ message: 'Reloaded' }],
    });
    expect(failureOf(conflict, en, { explain: () => [] })).toEqual({ kind: 'errors', errors: [] });
    expect(failureOf(conflict, en, { explain: () => undefined })).toEqual({ kind: 'conflict' });
    const seen: unknown[] = [];
    failureOf(conflict, en, { explain: (e) => void seen.push(e) });
    expect(seen).toEqual([conflict]);
  });

  it('If-Match carries the version quoted', () => {
    expect(ifMatch(7)).toEqual({ 'If-Match': '"7"' });
  });
});
