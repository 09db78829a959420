import { type Static, Type } from '@sinclair/typebox';
import { REPORT_LANGUAGES, REPORT_STATUSES } from '../../shared/codes/observatory-report.ts';
import { DateTime, Enum, IdParams, Nullable, Obj, Uuid } from '../http/schema-kit.ts';

export const Quarter = Type.String({ pattern: '^[0-9]{4}-Q[1-4]$', maxLength: 7, description: 'e.g. 2026-Q3' });

export const ReportRequest = Obj({ quarter: Quarter, lang: Type.Optional(Enum(REPORT_LANGUAGES)) });
export type ReportRequest = Static<typeof ReportRequest>;

export const Report = Obj({
  id: Uuid,
  quarter: Quarter,
  lang: Enum(REPORT_LANGUAGES),
  status: Enum(REPORT_STATUSES),
  progress: Type.Integer({ minimum: 0, maximum: 100 }),
  requestedAt: DateTime,
  finishedAt: Nullable(DateTime),
  /** sha256 of the published tables and indicator versions it was made from */
  dataHash: Nullable(Type.String()),
  pdfHash: Nullable(Type.String()),
  errorCode: Nullable(Type.String()),
  mine: Type.Boolean(),
});
export type Report = Static<typeof Report>;

export const ReportList = Obj({ items: Type.Array(Report) });
export const ReportParams = IdParams;

export const ExtractParams = Obj({
  year: Type.String({ pattern: '^[0-9]{4}$', maxLength: 4 }),
  file: Type.String({ pattern: '^[a-z0-9_]{1,40}\\.(csv|md)$', maxLength: 44 }),
});
export const ExtractYearParams = Obj({ year: Type.String({ pattern: '^[0-9]{4}$', maxLength: 4 }) });
export const ExtractFile = Obj({ name: Type.String(), title: Type.String(), rows: Type.Integer() });
export const ExtractIndex = Obj({ year: Type.String(), files: Type.Array(ExtractFile) });
