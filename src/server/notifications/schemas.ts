import { type Static, type TLiteral, type TUnion, Type } from '@sinclair/typebox';
import { NOTIFICATION_KINDS } from './kinds.ts';

const strict = { additionalProperties: false } as const;
const Uuid = Type.String({ format: 'uuid' });
const Time = Type.String({ format: 'date-time' });

export const NotificationKindSchema = Type.Union(NOTIFICATION_KINDS.map((k) => Type.Literal(k))) as TUnion<
  TLiteral<(typeof NOTIFICATION_KINDS)[number]>[]
>;

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
    referralId: Type.Union([Uuid, Type.Null()]),
    createdAt: Time,
    readAt: Type.Union([Time, Type.Null()]),
  },
  strict,
);
export type NotificationItem = Static<typeof NotificationItem>;

export const Inbox = Type.Object({ items: Type.Array(NotificationItem), unread: Type.Integer({ minimum: 0 }) }, strict);
export type Inbox = Static<typeof Inbox>;

export const NotificationParams = Type.Object({ id: Uuid }, strict);
