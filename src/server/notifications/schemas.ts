import { type Static, Type } from '@sinclair/typebox';
import { NOTIFICATION_KINDS } from '../../shared/codes/notifications.ts';
import { OVERDUE_KINDS, REFERRAL_STATUSES } from '../../shared/codes/referrals.ts';
import { SHARING_PURPOSES } from '../../shared/codes/sharing.ts';
import { DateOnly, Enum, Nullable, Obj, strict, DateTime as Time, Uuid } from '../http/schema-kit.ts';

export const NotificationKindSchema = Enum(NOTIFICATION_KINDS);

export const InboxQuery = Type.Object(
  {
    unread: Type.Optional(Type.Boolean()),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
  },
  strict,
);
export type InboxQuery = Static<typeof InboxQuery>;

export const NotificationItem = Type.Object(
  {
    id: Uuid,
    kind: NotificationKindSchema,
    referralId: Nullable(Uuid),
    createdAt: Time,
    readAt: Nullable(Time),
  },
  strict,
);
export type NotificationItem = Static<typeof NotificationItem>;

/** Which date a referral waits for next. */
export const DUE_KINDS = ['acknowledgement', 'first_appointment', 'appointment'] as const;

/**
 * What a notification is about, read from its referral when the inbox is read and as the reader
 * may see it (RLS): the centre gets the case code, the recipient the pseudonym. Null when the
 * reader no longer sees the referral (access ended). Never stored, never e-mailed.
 */
export const NotificationContext = Obj({
  side: Enum(['sender', 'recipient'] as const),
  caseId: Nullable(Uuid),
  caseCode: Nullable(Type.String()),
  pseudonym: Nullable(Type.String()),
  senderName: Type.String(),
  recipientName: Type.String(),
  purpose: Enum(SHARING_PURPOSES),
  status: Enum(REFERRAL_STATUSES),
  dueOn: Nullable(DateOnly),
  dueKind: Nullable(Enum(DUE_KINDS)),
  overdue: Nullable(Enum(OVERDUE_KINDS)),
});
export type NotificationContext = Static<typeof NotificationContext>;

/** The notifications about one referral (or one notification about none), newest first. */
export const NotificationGroup = Obj({
  referralId: Nullable(Uuid),
  context: Nullable(NotificationContext),
  unread: Type.Integer({ minimum: 0 }),
  items: Type.Array(NotificationItem),
});
export type NotificationGroup = Static<typeof NotificationGroup>;

export const Inbox = Obj({ groups: Type.Array(NotificationGroup), unread: Type.Integer({ minimum: 0 }) });
export type Inbox = Static<typeof Inbox>;

export const NotificationParams = Type.Object({ id: Uuid }, strict);
