/**
 * The non-identifying profile of a case, used for statistics: the variables of ISTAT's survey of
 * anti-violence centres (cases.age_band, citizenship, education, employment, …).
 */

/** The case's age band (cases.age_band), finer than ISTAT's at the young end. */
export const AGE_BANDS = ['under_18', '18_29', '30_39', '40_49', '50_59', '60_69', '70_plus'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/** ISTAT's age bands for the women who turn to a centre: up to 29, then by decade, 70 and over. */
export const ISTAT_AGE_BANDS = ['up_to_29', '30_39', '40_49', '50_59', '60_69', '70_plus'] as const;
export type IstatAgeBand = (typeof ISTAT_AGE_BANDS)[number];

/** Each case age band in ISTAT's bands. */
export const ISTAT_AGE_BAND_OF = {
  under_18: 'up_to_29',
  '18_29': 'up_to_29',
  '30_39': '30_39',
  '40_49': '40_49',
  '50_59': '50_59',
  '60_69': '60_69',
  '70_plus': '70_plus',
} as const satisfies Record<AgeBand, IstatAgeBand>;

export const CITIZENSHIPS = ['italian', 'eu', 'non_eu'] as const;
export type Citizenship = (typeof CITIZENSHIPS)[number];
export const EDUCATION = ['none', 'primary', 'lower_secondary', 'upper_secondary', 'tertiary', 'unknown'] as const;
export type Education = (typeof EDUCATION)[number];
export const EMPLOYMENT = ['employed', 'unemployed', 'student', 'homemaker', 'retired', 'other', 'unknown'] as const;
export type Employment = (typeof EMPLOYMENT)[number];

export const VIOLENCE_TYPES = [
  'physical',
  'sexual',
  'psychological',
  'economic',
  'stalking',
  'witnessed',
  'harmful_practices',
] as const;
export type ViolenceType = (typeof VIOLENCE_TYPES)[number];

/** The 15 statutory author–victim relationships. */
export const AUTHOR_RELATIONSHIPS = [
  'spouse',
  'cohabiting_partner',
  'partner_not_cohabiting',
  'former_spouse',
  'former_cohabiting_partner',
  'former_partner_not_cohabiting',
  'father',
  'mother',
  'son',
  'daughter',
  'brother_sister',
  'other_relative',
  'colleague_employer',
  'acquaintance_friend',
  'stranger',
] as const;
export type AuthorRelationship = (typeof AUTHOR_RELATIONSHIPS)[number];

/** Who sent her to the centre. */
export const REFERRAL_SOURCES = [
  'self',
  'helpline_1522',
  'police',
  'health_services',
  'social_services',
  'other_cav',
  'lawyer',
  'school',
  'family_friends',
  'other',
] as const;
export type ReferralSource = (typeof REFERRAL_SOURCES)[number];
