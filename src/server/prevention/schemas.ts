import { type Static, Type } from '@sinclair/typebox';
import { PREVENTION_AUDIENCES, PREVENTION_KINDS, PREVENTION_RESOURCE_KINDS } from '../../shared/codes/prevention.ts';
import { TRAINING_PERIODS } from '../../shared/codes/training.ts';
import { DateOnly, Enum, Nullable, Obj, Uuid } from '../http/schema-kit.ts';

const Resource = Obj({
  bodyId: Uuid,
  kind: Enum(PREVENTION_RESOURCE_KINDS),
  amount: Type.Number({ minimum: 0, maximum: 10_000_000 }),
});

export const ActivityFields = Obj({
  networkId: Type.String({ maxLength: 64, pattern: '^[a-z0-9-]+$' }),
  kind: Enum(PREVENTION_KINDS),
  title: Type.String({ minLength: 3, maxLength: 200 }),
  municipio: Nullable(Type.Integer({ minimum: 1, maximum: 9 })),
  municipalityCode: Nullable(Type.String({ maxLength: 6, pattern: '^[0-9]{6}$' })),
  audiences: Type.Array(Enum(PREVENTION_AUDIENCES), { minItems: 1, uniqueItems: true }),
  startsOn: DateOnly,
  endsOn: DateOnly,
  participants: Nullable(Type.Integer({ minimum: 0, maximum: 1_000_000 })),
  materials: Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { maxItems: 30 }),
  resources: Type.Array(Resource, { maxItems: 30 }),
});
export type ActivityFields = Static<typeof ActivityFields>;

export const Activity = Obj({
  id: Uuid,
  networkId: Type.String(),
  networkName: Type.String(),
  organisationName: Type.String(),
  kind: Enum(PREVENTION_KINDS),
  title: Type.String(),
  municipio: Nullable(Type.Integer()),
  municipalityCode: Nullable(Type.String()),
  municipalityName: Nullable(Type.String()),
  audiences: Type.Array(Enum(PREVENTION_AUDIENCES)),
  startsOn: DateOnly,
  endsOn: DateOnly,
  participants: Nullable(Type.Integer()),
  materials: Type.Array(Type.String()),
  resources: Type.Array(Obj({ ...Resource.properties, bodyName: Type.String() })),
});
export type Activity = Static<typeof Activity>;

export const ActivitiesQuery = Obj({
  from: Type.Optional(DateOnly),
  to: Type.Optional(DateOnly),
  period: Type.Optional(Enum(TRAINING_PERIODS)),
});
export const Totals = Obj({
  period: Type.String(),
  activities: Type.Integer(),
  participants: Type.Integer(),
  money: Type.Number(),
  hours: Type.Number(),
});
export type Totals = Static<typeof Totals>;
export const ActivityList = Obj({
  from: DateOnly,
  to: DateOnly,
  items: Type.Array(Activity),
  totals: Type.Array(Totals),
});
export const Created = Obj({ id: Uuid });
