import { type Static, Type } from '@sinclair/typebox';
import { INSIDER_ALERT_KINDS } from '../../shared/codes/insider.ts';
import { DateTime, Enum, Nullable as N, Obj } from '../http/schema-kit.ts';

export const InsiderAlert = Obj({
  id: Type.String(),
  kind: Enum(INSIDER_ALERT_KINDS),
  userId: Type.String(),
  userName: N(Type.String()),
  hourStart: DateTime,
  count: Type.Integer(),
  createdAt: DateTime,
  /** the audit rows behind the alert (ids and codes, as the DPO's trail shows them) */
  rows: Type.Array(
    Obj({
      seq: Type.String(),
      occurredAt: DateTime,
      action: Type.String(),
      outcome: Type.String(),
      subjectType: N(Type.String()),
      subjectId: N(Type.String()),
      purpose: N(Type.String()),
    }),
  ),
});
export type InsiderAlert = Static<typeof InsiderAlert>;
export const InsiderAlertList = Obj({ items: Type.Array(InsiderAlert) });
