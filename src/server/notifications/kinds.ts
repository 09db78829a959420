import { NOTIFICATION_KINDS, type NotificationKind } from '../../shared/codes/notifications.ts';

/** Whether a stored kind is one we know (a row written by a newer version may not be). */
export function isNotificationKind(value: string): value is NotificationKind {
  return (NOTIFICATION_KINDS as readonly string[]).includes(value);
}
