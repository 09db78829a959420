/** Exports of the lists a role may see: the same filters as the list, a format and a language. */
import { type Static, Type } from '@sinclair/typebox';
import { EXPORT_FORMATS, EXPORT_LANGUAGES } from '../../shared/codes/exports.ts';
import { AuditFilterFields } from '../audit/schemas.ts';
import { CaseListFields } from '../cases/schemas.ts';
import { Enum, strict } from '../http/schema-kit.ts';

const FileFields = { format: Enum(EXPORT_FORMATS), lang: Type.Optional(Enum(EXPORT_LANGUAGES)) };
const { limit: _limit, offset: _offset, ...caseFilters } = CaseListFields;

export const CaseExportQuery = Type.Object({ ...caseFilters, ...FileFields }, strict);
export type CaseExportQuery = Static<typeof CaseExportQuery>;
export const FollowUpExportQuery = Type.Object(
  { due: Type.Optional(Enum(['overdue', 'next30', 'all'] as const)), ...FileFields },
  strict,
);
export type FollowUpExportQuery = Static<typeof FollowUpExportQuery>;
export const AuditExportQuery = Type.Object({ ...AuditFilterFields, ...FileFields }, strict);
export type AuditExportQuery = Static<typeof AuditExportQuery>;
