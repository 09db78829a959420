/** The observatory's HTTP schemas: exactly the published shapes of src/shared/observatory/types.ts. */
import { type Static, Type } from '@sinclair/typebox';
import { EXPORT_FORMATS, EXPORT_LANGUAGES } from '../../shared/codes/exports.ts';
import { BREAKDOWNS, DASHBOARDS, PERIOD_KINDS } from '../../shared/observatory/types.ts';
import { Enum, Label, Nullable, Obj } from '../http/schema-kit.ts';

export const PeriodSchema = Obj({
  kind: Enum(PERIOD_KINDS),
  key: Type.String(),
  from: Type.String({ format: 'date' }),
  to: Type.String({ format: 'date' }),
});

export const CellSchema = Obj({
  value: Nullable(Type.Number()),
  status: Enum(['published', 'small', 'complementary', 'no_data'] as const),
});

export const IndicatorRefSchema = Obj({
  code: Type.String(),
  version: Type.Integer(),
  name: Label,
  unit: Enum(['count', 'rate', 'days'] as const),
});

const Heading = Obj({ key: Type.String(), label: Label });

export const PublishedTableSchema = Obj({
  indicator: IndicatorRefSchema,
  period: PeriodSchema,
  rowDimension: Type.String(),
  columnDimension: Type.String(),
  rows: Type.Array(Heading),
  columns: Type.Array(Heading),
  cells: Type.Array(Type.Array(CellSchema)),
  rowTotals: Type.Array(CellSchema),
  columnTotals: Type.Array(CellSchema),
  total: CellSchema,
  threshold: Type.Integer(),
  notes: Type.Array(Label),
});

export const DashboardAnswerSchema = Obj({
  dashboard: Enum(DASHBOARDS),
  period: PeriodSchema,
  by: Enum(BREAKDOWNS),
  tables: Type.Array(PublishedTableSchema),
});

export const ObservatoryScopeSchema = Obj({
  breakdowns: Type.Array(Enum(BREAKDOWNS)),
  networks: Type.Array(Obj({ id: Type.String(), name: Type.String() })),
  periods: Type.Array(PeriodSchema),
  threshold: Type.Integer(),
  unsuppressedOrganisationId: Nullable(Type.String()),
  // added beside the fixed shape: the dashboards this caller may open
  dashboards: Type.Array(Enum(DASHBOARDS)),
});

export const IndicatorDefinitionSchema = Obj({
  code: Type.String(),
  version: Type.Integer(),
  validFrom: Type.String({ format: 'date' }),
  dashboard: Enum(DASHBOARDS),
  name: Label,
  unit: Enum(['count', 'rate', 'days'] as const),
  numerator: Label,
  denominator: Nullable(Label),
  period: Label,
  dimensions: Type.Array(Type.String()),
  source: Type.String(),
});
export const CatalogueSchema = Obj({ indicators: Type.Array(IndicatorDefinitionSchema) });

export const DashboardParams = Obj({ dashboard: Enum(DASHBOARDS) });
/** period: "quarter:2026-Q3", "month:2026-09" or "year:2026" (fixed lists only). */
const PERIOD_PATTERN = '^(month:\\d{4}-(0[1-9]|1[0-2])|quarter:\\d{4}-Q[1-4]|year:\\d{4})$';
export const DashboardQuery = Obj({
  period: Type.String({ maxLength: 20, pattern: PERIOD_PATTERN }),
  by: Type.Optional(Enum(BREAKDOWNS)),
  network: Type.Optional(Type.String({ maxLength: 60, pattern: '^[a-z0-9-]{1,60}$' })),
});
export type DashboardQuery = Static<typeof DashboardQuery>;
export const DashboardExportQuery = Obj({
  ...DashboardQuery.properties,
  format: Enum(EXPORT_FORMATS),
  lang: Type.Optional(Enum(EXPORT_LANGUAGES)),
  /** one table by its indicator code; all tables when absent */
  table: Type.Optional(Type.String({ maxLength: 60, pattern: '^[a-z_.0-9]{1,60}$' })),
});
export type DashboardExportQuery = Static<typeof DashboardExportQuery>;
