import { type Static, Type } from '@sinclair/typebox';
import {
  COMPANY_ACTIONS,
  COMPANY_SIZE_BANDS,
  CONTRACT_TYPES,
  ENGAGEMENT_KINDS,
  ITALIAN_LEVELS,
  JOB_SECTORS,
  MATCH_REASONS,
  REQUIRED_EDUCATION,
  VACANCY_ACTIONS,
  VACANCY_LANGUAGES,
  VACANCY_STATUSES,
} from '../../shared/codes/companies.ts';
import { EXPORT_FORMATS, EXPORT_LANGUAGES } from '../../shared/codes/exports.ts';
import { DateOnly, Enum, Nullable, Obj, Uuid } from '../http/schema-kit.ts';

const NetworkId = Type.String({ maxLength: 64, pattern: '^[a-z0-9-]+$' });
const IstatCode = Type.String({ maxLength: 6, pattern: '^[0-9]{6}$' });
const Ref = Obj({ id: Uuid, name: Type.String() });
const Place = Obj({ code: Type.String(), name: Type.String() });

/** What a company's record says: reference data about a business, never about a woman. */
export const CompanyFields = Obj({
  networkId: NetworkId,
  name: Type.String({ minLength: 2, maxLength: 200 }),
  /** partita IVA, 11 digits with its check digit (spaces and an "IT" prefix are taken away) */
  vatNumber: Type.String({ minLength: 11, maxLength: 20 }),
  atecoCode: Nullable(Type.String({ maxLength: 8, pattern: '^[0-9]{2}(\\.[0-9]{1,2}){0,2}$' })),
  sizeBand: Enum(COMPANY_SIZE_BANDS),
  municipalityCode: IstatCode,
  contactName: Nullable(Type.String({ maxLength: 200 })),
  contactEmail: Nullable(Type.String({ maxLength: 200, pattern: '^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}$' })),
  contactPhone: Nullable(Type.String({ maxLength: 24, pattern: '^\\+?[0-9][0-9 ]{4,22}$' })),
  followedBy: Uuid,
});
export type CompanyFields = Static<typeof CompanyFields>;

export const EngagementFields = Obj({
  kind: Enum(ENGAGEMENT_KINDS),
  startedOn: DateOnly,
  endedOn: Nullable(DateOnly),
  organisationId: Uuid,
  quantity: Nullable(Type.Integer({ minimum: 0, maximum: 100000 })),
});
export type EngagementFields = Static<typeof EngagementFields>;

export const Engagement = Obj({
  id: Uuid,
  kind: Enum(ENGAGEMENT_KINDS),
  startedOn: DateOnly,
  endedOn: Nullable(DateOnly),
  organisation: Ref,
  quantity: Nullable(Type.Integer()),
});
export type Engagement = Static<typeof Engagement>;

export const CompanySummary = Obj({
  id: Uuid,
  networkId: Type.String(),
  name: Type.String(),
  vatNumber: Type.String(),
  atecoCode: Nullable(Type.String()),
  sizeBand: Enum(COMPANY_SIZE_BANDS),
  municipality: Place,
  followedBy: Ref,
  /** the kinds of commitment it has made (each once) */
  commitments: Type.Array(Enum(ENGAGEMENT_KINDS)),
  lastActivityOn: Nullable(DateOnly),
  openVacancies: Type.Integer(),
});
export type CompanySummary = Static<typeof CompanySummary>;
export const CompanyList = Obj({ items: Type.Array(CompanySummary) });

export const VacancyFields = Obj({
  companyId: Uuid,
  occupationCode: Nullable(Type.String({ maxLength: 12, pattern: '^[1-9](\\.[0-9]{1,2}){0,4}$' })),
  occupationLabel: Type.String({ minLength: 2, maxLength: 200 }),
  sector: Enum(JOB_SECTORS),
  municipalityCode: IstatCode,
  contractType: Enum(CONTRACT_TYPES),
  hoursPerWeek: Type.Integer({ minimum: 1, maximum: 48 }),
  shifts: Type.Boolean(),
  educationMin: Enum(REQUIRED_EDUCATION),
  italianMin: Enum(ITALIAN_LEVELS),
  languages: Type.Array(Enum(VACANCY_LANGUAGES), { uniqueItems: true, maxItems: VACANCY_LANGUAGES.length }),
  drivingLicence: Type.Boolean(),
  reserved: Type.Boolean(),
  status: Enum(VACANCY_STATUSES),
});
export type VacancyFields = Static<typeof VacancyFields>;

export const Vacancy = Obj({
  id: Uuid,
  networkId: Type.String(),
  company: Ref,
  occupationCode: Nullable(Type.String()),
  occupationLabel: Type.String(),
  sector: Enum(JOB_SECTORS),
  municipality: Place,
  contractType: Enum(CONTRACT_TYPES),
  hoursPerWeek: Type.Integer(),
  shifts: Type.Boolean(),
  educationMin: Enum(REQUIRED_EDUCATION),
  italianMin: Enum(ITALIAN_LEVELS),
  languages: Type.Array(Enum(VACANCY_LANGUAGES)),
  drivingLicence: Type.Boolean(),
  reserved: Type.Boolean(),
  /** the company committed to flexible hours */
  flexibleHours: Type.Boolean(),
  status: Enum(VACANCY_STATUSES),
  enteredBy: Ref,
  createdAt: Type.String(),
  version: Type.Integer(),
  allowedActions: Type.Array(Enum(VACANCY_ACTIONS)),
});
export type Vacancy = Static<typeof Vacancy>;
export const VacancyList = Obj({ items: Type.Array(Vacancy) });
export const VacancyQuery = Obj({
  status: Type.Optional(Enum(VACANCY_STATUSES)),
  network: Type.Optional(NetworkId),
  company: Type.Optional(Uuid),
});
export const CompanyQuery = Obj({ network: Type.Optional(NetworkId) });

export const CompanyDetail = Obj({
  ...CompanySummary.properties,
  contactName: Nullable(Type.String()),
  contactEmail: Nullable(Type.String()),
  contactPhone: Nullable(Type.String()),
  engagements: Type.Array(Engagement),
  vacancies: Type.Array(Vacancy),
  version: Type.Integer(),
  allowedActions: Type.Array(Enum(COMPANY_ACTIONS)),
});
export type CompanyDetail = Static<typeof CompanyDetail>;

/** What the /aziende pages need to offer: the actor's networks, their municipalities and bodies. */
export const CompanyScope = Obj({
  networks: Type.Array(
    Obj({
      id: Type.String(),
      name: Type.String(),
      municipalities: Type.Array(Place),
      organisations: Type.Array(
        Obj({ id: Uuid, name: Type.String(), type: Type.String(), town: Nullable(Type.String()) }),
      ),
    }),
  ),
  canWrite: Type.Boolean(),
});
export type CompanyScope = Static<typeof CompanyScope>;

/** One open vacancy that fits her, with its score and the reasons (codes the UI renders in IT/EN). */
export const VacancyMatch = Obj({
  vacancy: Vacancy,
  score: Type.Integer(),
  reasons: Type.Array(Obj({ code: Enum(MATCH_REASONS), effect: Enum(['plus', 'minus'] as const) })),
});
export const VacancyMatches = Obj({
  items: Type.Array(VacancyMatch),
  /** the fields of her data the matching could read (the share set at a recipient) */
  fieldsUsed: Type.Array(Type.String()),
});
export type VacancyMatches = Static<typeof VacancyMatches>;

/** CSV/XLSX of the register or the vacancies (formula-safe, audited list.export). */
export const CompanyExportQuery = Obj({
  network: Type.Optional(NetworkId),
  format: Enum(EXPORT_FORMATS),
  lang: Type.Optional(Enum(EXPORT_LANGUAGES)),
});
export const VacancyExportQuery = Obj({
  status: Type.Optional(Enum(VACANCY_STATUSES)),
  network: Type.Optional(NetworkId),
  format: Enum(EXPORT_FORMATS),
  lang: Type.Optional(Enum(EXPORT_LANGUAGES)),
});
