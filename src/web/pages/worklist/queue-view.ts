/**
 * How the web shows each work queue's items: where an item leads, what its detail code means,
 * and the urgency badge it carries (the rules are shared/urgency.ts; the server filled the queue).
 */
import type { WorkQueue } from '../../../shared/codes/worklist.ts';
import type { UrgencyKind } from '../../../shared/codes/urgency.ts';
import type { WorkItem } from '../../../server/worklist/schemas.ts';
import type { useI18n } from '../../i18n/index.tsx';
import { fmt } from '../../i18n/index.tsx';
import { URGENCY_OF_OVERDUE } from '../../urgency.ts';

export type { WorkItem };
type I18n = ReturnType<typeof useI18n>;
/** The action catalogue's labels, for the plan actions' queue. */
export type CatalogueLabels = Map<string, string>;

interface View {
  /** what the list's first column is: the case, the pseudonym, or the time of an audit row */
  kind: 'case' | 'received' | 'audit' | 'network' | 'room';
  href: (x: WorkItem) => string;
  detail: (x: WorkItem, i: I18n, catalogue: CatalogueLabels) => string;
  urgency?: (x: WorkItem, today: string) => UrgencyKind | null;
}

const enc = encodeURIComponent;
const caseTab = (tab: string) => (x: WorkItem) => `/percorsi/${enc(x.caseId ?? '')}/${tab}`;
const referral = (x: WorkItem) => `/invii/${enc(x.referralId ?? '')}`;
const overdueKind = (x: WorkItem) =>
  x.detail === 'acknowledgement' || x.detail === 'first_appointment' ? URGENCY_OF_OVERDUE[x.detail] : null;
const purpose = (x: WorkItem, i: I18n) => i.label('sharingPurposes', x.detail ?? '');
const audit = (x: WorkItem) => (x.caseId ? `/audit?subject=${enc(x.caseId)}` : '/audit');
const missed = (kind: UrgencyKind) => (x: WorkItem, today: string) => (x.dueOn && x.dueOn < today ? kind : null);

export const QUEUE_VIEW: Record<WorkQueue, View> = {
  actions_overdue: {
    kind: 'case',
    href: caseTab('piano'),
    detail: (x, _i, catalogue) => catalogue.get(x.detail ?? '') ?? x.detail ?? '',
    urgency: () => 'action_overdue',
  },
  follow_ups_due: {
    kind: 'case',
    href: caseTab('esiti'),
    detail: (x, i) => fmt(i.t.followUps.monthsN, { n: x.detail ?? '' }),
    urgency: () => 'follow_up_due',
  },
  referrals_sent_overdue: {
    kind: 'case',
    href: referral,
    detail: (x, i) => i.label('overdueKinds', x.detail ?? ''),
    urgency: overdueKind,
  },
  consents_expiring: {
    kind: 'case',
    href: caseTab('consensi'),
    detail: (x, i) => i.label('consentPurposes', x.detail ?? ''),
  },
  windows_closing: { kind: 'case', href: caseTab('profilo'), detail: (_x, i) => i.t.worklist.windowEnds },
  referrals_to_answer: {
    kind: 'received',
    href: referral,
    detail: purpose,
    urgency: missed('acknowledgement_overdue'),
  },
  appointments_to_book: {
    kind: 'received',
    href: referral,
    detail: purpose,
    urgency: missed('appointment_overdue'),
  },
  reports_due: { kind: 'received', href: referral, detail: purpose },
  identity_reads: { kind: 'audit', href: audit, detail: (x, i) => i.label('actions', x.detail ?? '') },
  access_refused: { kind: 'audit', href: audit, detail: (x, i) => i.label('actions', x.detail ?? '') },
  referrals_overdue_network: {
    kind: 'network',
    href: () => '/invii/scaduti',
    detail: (x, i) => i.label('overdueKinds', x.detail ?? ''),
    urgency: overdueKind,
  },
  // net-control: the item's title is in `person`, its protocol in `detail`
  room_actions_overdue: {
    kind: 'room',
    href: (x) => `/cabina-di-regia/${enc(x.detail ?? '')}`,
    detail: (_x, i) => i.t.controlRoom.actionItem,
    urgency: () => 'action_overdue',
  },
};
