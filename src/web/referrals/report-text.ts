/** A recipient's report in words: "Tirocinio avviato il 12/03/2026 (Q — Sanità…, 20 ore settimanali)". */
import { fmt } from '../i18n/index.tsx';
import type { Messages } from '../i18n/it.ts';
import type { Report } from './types.ts';

type LabelFn = (group: keyof Messages['labels'], code: string) => string;

export function reportDetails(r: Pick<Report, 'details'>, t: Messages, label: LabelFn): string {
  const d = r.details;
  const parts: string[] = [];
  if (typeof d.contractType === 'string') parts.push(label('contractTypes', d.contractType));
  if (typeof d.weeklyHours === 'number') parts.push(fmt(t.referral.weeklyHours, { n: d.weeklyHours }));
  if (typeof d.sector === 'string') parts.push(label('atecoSections', d.sector));
  if (typeof d.certificate === 'boolean')
    parts.push(d.certificate ? t.referral.withCertificate : t.referral.withoutCertificate);
  if (typeof d.courseTitle === 'string') parts.push(d.courseTitle);
  return parts.join(', ');
}

export function reportText(
  r: Pick<Report, 'kind' | 'occurredOn' | 'details'>,
  t: Messages,
  label: LabelFn,
  date: (iso: string) => string,
): string {
  const details = reportDetails(r, t, label);
  const head = fmt(t.referral.reportOn, { kind: label('reportKinds', r.kind), date: date(r.occurredOn) });
  return details ? `${head} (${details})` : head;
}
