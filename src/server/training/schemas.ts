import { type Static, Type } from '@sinclair/typebox';
import { EXPORT_FORMATS, EXPORT_LANGUAGES } from '../../shared/codes/exports.ts';
import { COVERAGE_STATES, TRAINING_AUDIENCES, TRAINING_PERIODS } from '../../shared/codes/training.ts';
import { DateOnly, Enum, Nullable, Obj, Uuid } from '../http/schema-kit.ts';

const Name = Type.String({ minLength: 2, maxLength: 120 });
const HoursValue = Type.Number({ exclusiveMinimum: 0, maximum: 500, multipleOf: 0.5 });
const NetworkId = Type.String({ maxLength: 64, pattern: '^[a-z0-9-]+$' });

export const CourseFields = Obj({
  networkId: NetworkId,
  runningBodyId: Uuid,
  title: Type.String({ minLength: 3, maxLength: 200 }),
  audiences: Type.Array(Enum(TRAINING_AUDIENCES), { minItems: 1, uniqueItems: true }),
  hours: HoursValue,
  topics: Type.Array(Type.String({ minLength: 1, maxLength: 80 }), { maxItems: 20 }),
});
export type CourseFields = Static<typeof CourseFields>;

export const CourseSummary = Obj({
  id: Uuid,
  title: Type.String(),
  networkId: Type.String(),
  networkName: Type.String(),
  runningBodyId: Uuid,
  runningBodyName: Type.String(),
  audiences: Type.Array(Enum(TRAINING_AUDIENCES)),
  hours: Type.Number(),
  topics: Type.Array(Type.String()),
  editions: Type.Integer(),
  lastSessionOn: Nullable(DateOnly),
});
export type CourseSummary = Static<typeof CourseSummary>;
export const CourseList = Obj({ items: Type.Array(CourseSummary) });

export const Session = Obj({
  id: Uuid,
  heldOn: DateOnly,
  hours: Type.Number(),
  place: Nullable(Type.String()),
  onlineUrl: Nullable(Type.String()),
});
export const Participant = Obj({
  id: Uuid,
  name: Type.String(),
  organisationId: Uuid,
  organisationName: Type.String(),
  /** a platform user (false: a named external participant) */
  platformUser: Type.Boolean(),
  attendedSessionIds: Type.Array(Uuid),
  hoursAttended: Type.Number(),
  completed: Type.Boolean(),
  completedOn: Nullable(DateOnly),
});
export type Participant = Static<typeof Participant>;
export const Edition = Obj({
  id: Uuid,
  label: Type.String(),
  sessions: Type.Array(Session),
  participants: Type.Array(Participant),
});
export type Edition = Static<typeof Edition>;
export const Course = Obj({ ...CourseSummary.properties, editions: Type.Array(Edition) });
export type Course = Static<typeof Course>;

export const EditionFields = Obj({ label: Type.String({ minLength: 1, maxLength: 120 }) });
export const SessionFields = Obj({
  heldOn: DateOnly,
  hours: Type.Number({ exclusiveMinimum: 0, maximum: 12, multipleOf: 0.5 }),
  place: Nullable(Type.String({ minLength: 2, maxLength: 200 })),
  onlineUrl: Nullable(Type.String({ maxLength: 300, pattern: '^https://[^\\s]{3,}$' })),
});
export type SessionFields = Static<typeof SessionFields>;
export const EnrolmentFields = Obj({
  organisationId: Uuid,
  /** a platform user of that body… */
  userId: Nullable(Uuid),
  /** …or a named external participant */
  name: Nullable(Name),
});
export type EnrolmentFields = Static<typeof EnrolmentFields>;
export const AttendanceFields = Obj({
  sessionId: Uuid,
  /** the enrolments present at the session (the others are absent) */
  present: Type.Array(Uuid, { maxItems: 500, uniqueItems: true }),
});
export type AttendanceFields = Static<typeof AttendanceFields>;

export const Created = Obj({ id: Uuid });
export const CourseParams = Obj({ courseId: Uuid });
export const EditionParams = Obj({ editionId: Uuid });
export const EnrolmentParams = Obj({ enrolmentId: Uuid });
export const CandidatesQuery = Obj({ organisationId: Uuid });
export const Candidates = Obj({ items: Type.Array(Obj({ id: Uuid, name: Type.String() })) });

export const CoverageReferent = Obj({
  userId: Uuid,
  name: Type.String(),
  completedOn: DateOnly,
  expiresOn: DateOnly,
});
export const CoverageRow = Obj({
  cpiId: Uuid,
  cpiName: Type.String(),
  town: Nullable(Type.String()),
  trained: Type.Integer(),
  state: Enum(COVERAGE_STATES),
  /** the day the first of her trained referents stops counting (a refresher is due before) */
  nextDue: Nullable(DateOnly),
  referents: Type.Array(CoverageReferent),
});
export type CoverageRow = Static<typeof CoverageRow>;
export const Coverage = Obj({
  today: DateOnly,
  validityMonths: Type.Integer(),
  items: Type.Array(CoverageRow),
});
export type Coverage = Static<typeof Coverage>;

export const HoursQuery = Obj({
  period: Type.Optional(Enum(TRAINING_PERIODS)),
  year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
});
export const HoursExportQuery = Obj({
  ...HoursQuery.properties,
  format: Enum(EXPORT_FORMATS),
  lang: Type.Optional(Enum(EXPORT_LANGUAGES)),
});
export const HoursRow = Obj({
  period: Type.String(),
  networkId: Type.String(),
  networkName: Type.String(),
  organisationId: Uuid,
  organisationName: Type.String(),
  given: Type.Number(),
  received: Type.Number(),
});
export type HoursRow = Static<typeof HoursRow>;
export const Hours = Obj({ year: Type.Integer(), period: Enum(TRAINING_PERIODS), items: Type.Array(HoursRow) });
