import { describe, expect, it } from 'vitest';
import { FIELD_REASONS } from '../../shared/field-reasons.ts';
import { ApiError, fieldErrorsOf } from '../api.ts';
import { en } from '../i18n/en.ts';
import { it as itMessages } from '../i18n/it.ts';
import { apiErrorText, isConflict, serverFieldErrors } from './api-errors.ts';

describe('field errors from the server', () => {
  it('reads {field, reason, message}; an unknown reason reads as "invalid", a malformed entry is dropped', () => {
    expect(
      fieldErrorsOf([
        { field: 'a', reason: 'in_the_future', message: 'in the future' },
        { field: 'b', reason: 'something_new', message: 'x' },
        { reason: 'required' },
        'junk',
      ]),
    ).toEqual([
      { field: 'a', reason: 'in_the_future', message: 'in the future' },
      { field: 'b', reason: 'invalid', message: 'x' },
    ]);
    expect(fieldErrorsOf(undefined)).toEqual([]);
  });

  it('every reason has a text in both languages', () => {
    for (const r of FIELD_REASONS) {
      expect(itMessages.fieldReasons[r], r).toMatch(/\S/);
      expect(en.fieldReasons[r], r).toMatch(/\S/);
    }
  });

  it('translates the reason, not the English message, and links the field; unknown fields become form errors', () => {
    const err = new ApiError(400, 'validation_failed', 'The request is not valid', [
      { field: 'closedOn', reason: 'before_taken_in_charge', message: 'anything at all' },
      { field: 'closedOn', reason: 'in_the_future', message: 'in the future' },
      { field: 'mystery', reason: 'tax_code_invalid', message: 'invalid tax code' },
    ]);
    const target = (f: string) => (f === 'closedOn' ? { id: 'x-closedOn', label: 'Chiusura' } : null);
    expect(serverFieldErrors(err, itMessages, target)).toEqual([
      { field: 'x-closedOn', message: 'Chiusura: non può precedere la presa in carico.' },
      { message: 'il codice fiscale non è valido.' },
    ]);
    expect(serverFieldErrors(err, en, target)[0]?.message).toBe('Chiusura: cannot be before the taking in charge.');
  });

  it('form-level texts by code and status; conflicts', () => {
    expect(apiErrorText(new ApiError(409, 'case_closed', ''), en)).toBe(en.validation.caseClosed);
    expect(apiErrorText(new ApiError(404, 'not_found', ''), en)).toBe(en.common.notFound);
    expect(apiErrorText(new Error('x'), en)).toBe(en.common.error);
    expect(isConflict(new ApiError(409, 'version_conflict', ''))).toBe(true);
    expect(isConflict(new ApiError(428, 'precondition_required', ''))).toBe(true);
    expect(isConflict(new ApiError(409, 'case_closed', ''))).toBe(false);
  });
});
