/** The inbox, as GET /api/v1/notifications returns it (the server's schema types). */
export type {
  Inbox,
  NotificationContext,
  NotificationGroup,
  NotificationItem,
} from '../../server/notifications/schemas.ts';
