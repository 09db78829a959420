import { describe, expect, it } from 'vitest';
import { type GroupableRow, groupAuditRows } from './audit-groups.ts';

let seq = 1000;
const row = (fields: Partial<GroupableRow> & { at: number }): GroupableRow => ({
  seq: String(seq--),
  occurredAt: new Date(Date.UTC(2026, 11, 3, 10, 0, 0) + fields.at * 1000).toISOString(),
  actorUserId: 'u1',
  action: 'case.read',
  subjectType: 'case',
  subjectId: 'c1',
  outcome: 'success',
  ...fields,
});

describe('grouping the reads of one page view', () => {
  it('groups consecutive reads of one case by one user within the window', () => {
    const rows = [row({ at: 2 }), row({ at: 1 }), row({ at: 1, action: 'case.timeline_read' }), row({ at: 0 })];
    const groups = groupAuditRows(rows);
    expect(groups).toHaveLength(1);
    expect(groups[0]?.rows).toEqual(rows);
  });

  it('splits on another user, another case, a change, a failure, or time', () => {
    const rows = [
      row({ at: 100 }),
      row({ at: 99, actorUserId: 'u2' }),
      row({ at: 98 }),
      row({ at: 97, subjectId: 'c2' }),
      row({ at: 96 }),
      row({ at: 95, action: 'case.update' }),
      row({ at: 94 }),
      row({ at: 93, outcome: 'denied' }),
      row({ at: 92 }),
      row({ at: 60 }),
    ];
    expect(groupAuditRows(rows).map((g) => g.rows.length)).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
  });

  it('keeps every row: the groups hold all of them, in order', () => {
    const rows = [
      row({ at: 5 }),
      row({ at: 4 }),
      row({ at: 3, subjectId: 'c9' }),
      row({ at: 2, action: 'case.close' }),
    ];
    expect(groupAuditRows(rows).flatMap((g) => g.rows)).toEqual(rows);
  });
});
