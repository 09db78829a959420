/**
 * The lists a role may export, each read under the same rules as its screen (case.read and RLS for
 * the caseload and follow-ups; the audit rules for the trail). None of them carries her identity:
 * the caseload and follow-ups hold case codes and codes, the trail ids and codes.
 */
import type { ExportLanguage } from '../../shared/codes/exports.ts';
import { AUDIT_EXPORT_MAX, searchAudit } from '../audit/search.ts';
import type { AuditEntry } from '../audit/schemas.ts';
import { listCases } from '../cases/case-queries.ts';
import type { CaseSummary } from '../cases/schemas.ts';
import type { Ctx } from '../http/request-context.ts';
import { listDueFollowUps } from '../outcomes/follow-ups.ts';
import type { FollowUp } from '../outcomes/schemas.ts';
import { type ExportColumn, exportList } from './export-file.ts';
import { labelOf, messagesFor } from './messages.ts';
import type { AuditExportQuery, CaseExportQuery, FollowUpExportQuery } from './schemas.ts';

/** The most cases or follow-ups one export reads. */
export const EXPORT_MAX = 5000;

const both = (it: string, en: string) => ({ it, en });

function caseloadColumns(lang: ExportLanguage): ExportColumn<CaseSummary>[] {
  const m = messagesFor(lang);
  return [
    { header: both('Codice', 'Code'), value: (c) => c.code },
    { header: both('Stato', 'Status'), value: (c) => labelOf(m, 'caseStatus', c.status) },
    { header: both('Presa in carico', 'Taken in charge'), value: (c) => c.takenInChargeOn },
    { header: both('Chiuso il', 'Closed on'), value: (c) => c.closedOn },
    {
      header: both('Esito della chiusura', 'Closure outcome'),
      value: (c) => labelOf(m, 'closureOutcomes', c.closureOutcome),
    },
    { header: both('Ammissibile', 'Eligible'), value: (c) => c.eligibility.eligible },
    { header: both('Fine della finestra', 'Window ends on'), value: (c) => c.eligibility.windowEndsOn },
    { header: both('Rischio', 'Risk'), value: (c) => labelOf(m, 'riskLevels', c.riskLevel) },
    { header: both('Azioni scadute', 'Overdue actions'), value: (c) => c.dueActions },
    { header: both('Verifiche da fare', 'Follow-ups due'), value: (c) => c.dueFollowUps },
    { header: both('Nel mio team', 'On my team'), value: (c) => c.onMyTeam },
  ];
}

export async function exportCaseload(ctx: Ctx, q: CaseExportQuery) {
  const me = ctx.authorise('case.read');
  const { format, lang, ...filters } = q;
  const page = await listCases(ctx.tx, me, { ...filters, limit: EXPORT_MAX, offset: 0 });
  return exportList(ctx, 'caseload', { format, lang }, caseloadColumns(lang ?? 'it'), page.items);
}

const FOLLOW_UP_COLUMNS: ExportColumn<FollowUp>[] = [
  { header: both('Codice del percorso', 'Case code'), value: (f) => f.caseCode },
  { header: both('Mesi dall’assunzione', 'Months after hire'), value: (f) => f.months },
  { header: both('Da fare entro', 'Due on'), value: (f) => f.dueOn },
  { header: both('Fatta il', 'Done on'), value: (f) => f.doneOn },
  { header: both('Lavora ancora', 'Still working'), value: (f) => f.stillWorking },
  { header: both('Contratto', 'Contract'), value: (f) => f.contractType },
  { header: both('Ore settimanali', 'Weekly hours'), value: (f) => f.weeklyHours },
  { header: both('Stesso datore', 'Same employer'), value: (f) => f.sameEmployer },
];

export async function exportFollowUps(ctx: Ctx, q: FollowUpExportQuery) {
  const items = await listDueFollowUps(ctx, { due: q.due, limit: EXPORT_MAX });
  return exportList(ctx, 'follow_ups', q, FOLLOW_UP_COLUMNS, items);
}

function auditColumns(lang: ExportLanguage): ExportColumn<AuditEntry>[] {
  const m = messagesFor(lang);
  return [
    { header: both('N.', 'No.'), value: (e) => e.seq },
    { header: both('Quando', 'When'), value: (e) => e.occurredAt },
    { header: both('Chi', 'Who'), value: (e) => e.actorName },
    { header: both('Ente', 'Body'), value: (e) => e.organisationName },
    { header: both('Azione', 'Action'), value: (e) => labelOf(m, 'actions', e.action) },
    { header: both('Codice dell’azione', 'Action code'), value: (e) => e.action },
    { header: both('Oggetto', 'Object'), value: (e) => labelOf(m, 'subjectTypes', e.subjectType) },
    { header: both('Percorso', 'Case'), value: (e) => e.caseCode },
    { header: both('Nome dell’oggetto', 'Object name'), value: (e) => e.subjectName },
    { header: both('Destinatario', 'Recipient'), value: (e) => e.recipientName },
    { header: both('Finalità', 'Purpose'), value: (e) => e.purpose },
    { header: both('Esito', 'Outcome'), value: (e) => labelOf(m, 'outcomes', e.outcome) },
    { header: both('Id dell’oggetto', 'Object id'), value: (e) => e.subjectId },
  ];
}

/** The trail as the reader may see it, every row (no grouping), up to AUDIT_EXPORT_MAX rows. */
export async function exportAudit(ctx: Ctx, q: AuditExportQuery) {
  const me = ctx.authorise('audit.read_own');
  const { format, lang, ...filters } = q;
  const page = await searchAudit(ctx.tx, me, { ...filters, limit: AUDIT_EXPORT_MAX }, AUDIT_EXPORT_MAX);
  return exportList(ctx, 'audit', { format, lang }, auditColumns(lang ?? 'it'), page.items);
}
