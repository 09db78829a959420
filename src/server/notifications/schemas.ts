import { type Static, Type } from '@sinclair/typebox';
import { NOTIFICATION_KINDS } from '../../shared/codes/notifications.ts';
import { Enum, Nullable, strict, DateTime as Time, Uuid } from '../http/schema-kit.ts';

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

export const Inbox = Type.Object({ items: Type.Array(NotificationItem), unread: Type.Integer({ minimum: 0 }) }, strict);
export type Inbox = Static<typeof Inbox>;

export const NotificationParams = Type.Object({ id: Uuid }, strict);
