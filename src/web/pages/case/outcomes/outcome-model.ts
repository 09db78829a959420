/** The outcome form's values per kind, their checks and the request's details. */
import type { SummaryError } from '../../../components/ErrorSummary.tsx';
import type { Messages } from '../../../i18n/it.ts';
import { fieldMessage } from '../../../forms/api-errors.ts';

export interface DetailValues {
  certificate: string;
  courseTitle: string;
  sector: string;
  weeklyHours: string;
  completed: string;
  contractType: string;
  reason: string;
  housingType: string;
  days: string;
}
export type DetailKey = keyof DetailValues;

export const emptyDetails = (): DetailValues => ({
  certificate: '',
  courseTitle: '',
  sector: '',
  weeklyHours: '',
  completed: '',
  contractType: '',
  reason: '',
  housingType: '',
  days: '',
});

/** Which fields each kind shows, and which of them are required. */
export const FIELDS: Record<string, { show: DetailKey[]; required: DetailKey[] }> = {
  course_completed: { show: ['certificate', 'courseTitle'], required: ['certificate'] },
  traineeship_started: { show: ['sector', 'weeklyHours'], required: [] },
  traineeship_ended: { show: ['completed'], required: [] },
  hired: { show: ['contractType', 'weeklyHours', 'sector'], required: ['contractType', 'weeklyHours', 'sector'] },
  job_lost: { show: ['reason'], required: [] },
  housing_reached: { show: ['housingType'], required: ['housingType'] },
  freedom_income_granted: { show: [], required: [] },
  leave_used: { show: ['days'], required: ['days'] },
};

export function detailLabels(t: Messages): Record<DetailKey, string> {
  const o = t.outcomes;
  return {
    certificate: o.certificate,
    courseTitle: o.courseTitle,
    sector: o.sector,
    weeklyHours: o.weeklyHours,
    completed: o.completedQ,
    contractType: o.contractType,
    reason: o.reason,
    housingType: o.housingType,
    days: o.days,
  };
}

const intIn = (v: string, min: number, max: number) => /^\d+$/.test(v) && Number(v) >= min && Number(v) <= max;

export function checkDetails(kind: string, v: DetailValues, t: Messages): SummaryError[] {
  const spec = FIELDS[kind];
  if (!spec) return [];
  const L = detailLabels(t);
  const out: SummaryError[] = [];
  for (const k of spec.show) {
    const add = (reason: string) => out.push({ field: `outcome-${k}`, message: fieldMessage(L[k], reason) });
    if (spec.required.includes(k) && !v[k].trim()) add(t.validation.required);
    else if (k === 'weeklyHours' && v[k] && !intIn(v[k], 1, 60)) add(t.validation.hours);
    else if (k === 'days' && v[k] && !intIn(v[k], 1, 90)) add(t.validation.leaveDays);
  }
  return out;
}

export function detailsBody(kind: string, v: DetailValues): Record<string, unknown> {
  const spec = FIELDS[kind];
  const out: Record<string, unknown> = {};
  for (const k of spec?.show ?? []) {
    const value = v[k].trim();
    if (!value) continue;
    if (k === 'certificate' || k === 'completed') out[k] = value === 'yes';
    else if (k === 'weeklyHours' || k === 'days') out[k] = Number(value);
    else out[k] = value;
  }
  return out;
}
