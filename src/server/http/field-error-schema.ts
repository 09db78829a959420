import { Type } from '@sinclair/typebox';
import { FIELD_REASONS, type FieldReason } from '../../shared/field-reasons.ts';

/** One refused field of an error body: `{field, reason, message}` (reason: a stable code; message: English). */
export const FieldErrorSchema = Type.Object(
  {
    field: Type.String(),
    reason: Type.Unsafe<FieldReason>({ type: 'string', enum: [...FIELD_REASONS] }),
    message: Type.String(),
  },
  { additionalProperties: false },
);
