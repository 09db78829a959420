/**
 * The DPO's page shows the reads one page view makes as one entry; the trail keeps every row.
 *
 * The rule: rows are grouped when they are consecutive in the listing (newest first), by the same
 * user, about the same subject (the same case), all reads (READ_ACTIONS) that succeeded, and no more
 * than GROUP_WINDOW_SECONDS apart from the group's newest row. A case page view makes 4–5 such rows
 * (the case, its consents, plan, outcomes, timeline) within a second; reading the same case again a
 * minute later is a new entry, and any change or any other user's row in between splits the group.
 */
export const READ_ACTIONS: readonly string[] = ['case.read', 'case.timeline_read'];
export const GROUP_WINDOW_SECONDS = 10;

export interface GroupableRow {
  seq: string;
  occurredAt: string;
  actorUserId: string | null;
  action: string;
  subjectType: string | null;
  subjectId: string | null;
  outcome: string;
}

export interface AuditGroup<T extends GroupableRow> {
  /** the newest row: what the page shows */
  first: T;
  /** every row of the group, newest first (one row: a group of one) */
  rows: T[];
}

const groupable = (r: GroupableRow) =>
  READ_ACTIONS.includes(r.action) && r.outcome === 'success' && r.subjectId !== null && r.actorUserId !== null;

export function groupAuditRows<T extends GroupableRow>(rows: T[]): AuditGroup<T>[] {
  const groups: AuditGroup<T>[] = [];
  for (const row of rows) {
    const last = groups.at(-1);
    if (
      last &&
      groupable(row) &&
      groupable(last.first) &&
      row.actorUserId === last.first.actorUserId &&
      row.subjectType === last.first.subjectType &&
      row.subjectId === last.first.subjectId &&
      Date.parse(last.first.occurredAt) - Date.parse(row.occurredAt) <= GROUP_WINDOW_SECONDS * 1000
    ) {
      last.rows.push(row);
    } else {
      groups.push({ first: row, rows: [row] });
    }
  }
  return groups;
}
