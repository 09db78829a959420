/** Form values of her identity and of the safe-contact preferences, with their checks. */
import type { ContactChannel, Weekday } from '../../shared/codes/cases.ts';
import type { SummaryError } from '../components/ErrorSummary.tsx';
import type { Messages } from '../i18n/it.ts';
import { EMAIL } from './codes.ts';
import { fieldMessage } from '../forms/api-errors.ts';
import type { Identity, SafeContact } from './types.ts';
import { isValidTaxCode } from '../../shared/codes/tax-code.ts';

export interface IdentityValues {
  firstName: string;
  lastName: string;
  birthDate: string;
  taxCode: string;
  phone: string;
  email: string;
  address: string;
  /** comma-separated */
  languages: string;
  codeWord: string;
}
export type IdentityKey = keyof IdentityValues;
export const IDENTITY_KEYS: IdentityKey[] = [
  'firstName',
  'lastName',
  'birthDate',
  'taxCode',
  'phone',
  'email',
  'address',
  'languages',
  'codeWord',
];

export const emptyIdentity = (): IdentityValues => ({
  firstName: '',
  lastName: '',
  birthDate: '',
  taxCode: '',
  phone: '',
  email: '',
  address: '',
  languages: '',
  codeWord: '',
});

export function identityFromApi(i: Identity): IdentityValues {
  return {
    firstName: i.firstName,
    lastName: i.lastName,
    birthDate: i.birthDate ?? '',
    taxCode: i.taxCode ?? '',
    phone: i.phone ?? '',
    email: i.email ?? '',
    address: i.address ?? '',
    languages: (i.languages ?? []).join(', '),
    codeWord: i.codeWord ?? '',
  };
}

const orNull = (v: string) => (v.trim() === '' ? null : v.trim());
export const splitLanguages = (v: string) =>
  v
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);

export function identityPayload(v: IdentityValues): Identity {
  return {
    firstName: v.firstName.trim(),
    lastName: v.lastName.trim(),
    birthDate: orNull(v.birthDate),
    taxCode: orNull(v.taxCode.toUpperCase()),
    phone: orNull(v.phone),
    email: orNull(v.email),
    address: orNull(v.address),
    languages: splitLanguages(v.languages),
    codeWord: orNull(v.codeWord),
  };
}

export function identityLabels(t: Messages): Record<IdentityKey, string> {
  const f = t.caseFields;
  return {
    firstName: f.firstName,
    lastName: f.lastName,
    birthDate: f.birthDate,
    taxCode: f.taxCode,
    phone: f.phone,
    email: f.email,
    address: f.address,
    languages: f.languages,
    codeWord: f.codeWord,
  };
}

export function checkIdentity(v: IdentityValues, today: string, t: Messages, prefix: string): SummaryError[] {
  const L = identityLabels(t);
  const out: SummaryError[] = [];
  const add = (key: IdentityKey, reason: string) =>
    out.push({ field: `${prefix}${key}`, message: fieldMessage(L[key], reason) });
  if (!v.firstName.trim()) add('firstName', t.validation.required);
  if (!v.lastName.trim()) add('lastName', t.validation.required);
  if (v.birthDate && v.birthDate > today) add('birthDate', t.validation.future);
  if (v.taxCode.trim() && !isValidTaxCode(v.taxCode)) add('taxCode', t.validation.taxCode);
  if (v.phone.trim() && !/^[0-9+()./ -]{3,30}$/.test(v.phone.trim())) add('phone', t.validation.phone);
  if (v.email.trim() && !EMAIL.test(v.email.trim())) add('email', t.validation.email);
  const langs = splitLanguages(v.languages);
  if (langs.length > 10 || langs.some((l) => l.length < 2 || l.length > 30)) add('languages', t.validation.languages);
  return out;
}

export interface WindowValues {
  days: Weekday[];
  from: string;
  to: string;
}
export interface SafeContactValues {
  channels: ContactChannel[];
  windows: WindowValues[];
  noVoicemail: boolean;
  onlyThroughCentre: boolean;
}

export const emptySafeContact = (): SafeContactValues => ({
  channels: [],
  windows: [],
  noVoicemail: false,
  onlyThroughCentre: false,
});

export const safeContactFrom = (s: SafeContact): SafeContactValues => ({
  channels: [...s.channels],
  windows: s.windows.map((w) => ({ days: [...w.days], from: w.from, to: w.to })),
  noVoicemail: s.noVoicemail,
  onlyThroughCentre: s.onlyThroughCentre,
});

export const safeContactPayload = (v: SafeContactValues): SafeContact => ({
  channels: v.channels,
  windows: v.windows.map((w) => ({ days: w.days, from: w.from, to: w.to })),
  noVoicemail: v.noVoicemail,
  onlyThroughCentre: v.onlyThroughCentre,
});

const TIME = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;

/** Ids: `${prefix}channels`, `${prefix}w${i}-days`, `${prefix}w${i}-from`, `${prefix}w${i}-to`. */
export function checkSafeContact(v: SafeContactValues, t: Messages, prefix: string): SummaryError[] {
  const out: SummaryError[] = [];
  v.windows.forEach((w, i) => {
    const n = i + 1;
    const label = (what: string) => `${t.caseFields.window} ${n}, ${what}`;
    if (!w.days.length)
      out.push({
        field: `${prefix}w${i}-days`,
        message: fieldMessage(label(t.caseFields.days), t.validation.daysNeeded),
      });
    if (!TIME.test(w.from))
      out.push({ field: `${prefix}w${i}-from`, message: fieldMessage(label(t.caseFields.from), t.validation.time) });
    if (!TIME.test(w.to))
      out.push({ field: `${prefix}w${i}-to`, message: fieldMessage(label(t.caseFields.to), t.validation.time) });
    else if (TIME.test(w.from) && w.to <= w.from)
      out.push({ field: `${prefix}w${i}-to`, message: fieldMessage(label(t.caseFields.to), t.validation.timeOrder) });
  });
  return out;
}

/** Where a server field of the safe-contact object goes (`safeContact.windows.0.from` → id). */
export function safeContactTarget(field: string, prefix: string, t: Messages): { id: string; label: string } | null {
  const rest = field.replace(/^safeContact\.?/, '');
  const m = /^windows\.(\d+)\.?(days|from|to)?/.exec(rest);
  if (m) {
    const what = (m[2] ?? 'days') as 'days' | 'from' | 'to';
    return { id: `${prefix}w${m[1]}-${what}`, label: `${t.caseFields.window} ${Number(m[1]) + 1}` };
  }
  return { id: `${prefix}channels`, label: t.caseFields.safeContact };
}
