import { type Static, Type } from '@sinclair/typebox';
import { WORK_QUEUES } from '../../shared/codes/worklist.ts';
import { DateOnly, DateTime, Enum, Nullable, Obj, Uuid } from '../http/schema-kit.ts';

export const WorkQueueSchema = Enum(WORK_QUEUES);

export const WorklistCounts = Obj({
  today: DateOnly,
  queues: Type.Array(Obj({ queue: WorkQueueSchema, count: Type.Integer({ minimum: 0 }) })),
});

export const WorklistParams = Obj({ queue: WorkQueueSchema });
export const WorklistPageQuery = Obj({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 100000 })),
});
export type WorklistPageQuery = Static<typeof WorklistPageQuery>;

/** One item of a queue: the case code (at the centre) or the pseudonym (at the recipient), the date, the body. */
export const WorkItem = Obj({
  id: Type.String(),
  caseId: Nullable(Uuid),
  caseCode: Nullable(Type.String()),
  pseudonym: Nullable(Type.String()),
  referralId: Nullable(Uuid),
  dueOn: Nullable(DateOnly),
  occurredAt: Nullable(DateTime),
  /** the other body: the recipient, the sender, the body responsible for the action */
  organisationName: Nullable(Type.String()),
  /** a person's name where the queue is about people (the DPO's) or the sender (the coordinator's) */
  person: Nullable(Type.String()),
  /** a code the queue explains: the action's catalogue code, the purpose, the missed deadline, the audit action */
  detail: Nullable(Type.String()),
});
export type WorkItem = Static<typeof WorkItem>;

export const WorklistPage = Obj({
  queue: WorkQueueSchema,
  today: DateOnly,
  total: Type.Integer({ minimum: 0 }),
  limit: Type.Integer({ minimum: 1 }),
  offset: Type.Integer({ minimum: 0 }),
  items: Type.Array(WorkItem),
});
