/** The inbox, as GET /api/v1/notifications returns it. */
export interface NotificationItem {
  id: string;
  kind: string;
  referralId: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface Inbox {
  items: NotificationItem[];
  unread: number;
}
