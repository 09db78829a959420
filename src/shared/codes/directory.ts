/**
 * The public directory (/aiuto): the codes of an organisation's public entry. Codes, not free
 * text, so that every entry reads the same in the eight languages of the public pages.
 */

/** The languages of the public pages (chosen by a link in the URL, never detected). */
export const PUBLIC_LANGUAGES = ['it', 'en', 'fr', 'es', 'ar', 'uk', 'ro', 'zh'] as const;
export type PublicLanguage = (typeof PUBLIC_LANGUAGES)[number];

/** What a body offers a woman (directory_entries.services). */
export const DIRECTORY_SERVICES = [
  'listening',
  'shelter_access',
  'legal_advice',
  'psychological_support',
  'children_support',
  'social_support',
  'job_guidance',
  'training',
  'job_placement',
  'housing_support',
  'health_care',
] as const;
export type DirectoryService = (typeof DIRECTORY_SERVICES)[number];

/** Languages the staff speak (ISO 639-1; directory_entries.languages). Named with Intl.DisplayNames. */
export const SPOKEN_LANGUAGES = [
  'it',
  'en',
  'fr',
  'es',
  'ar',
  'uk',
  'ro',
  'zh',
  'ru',
  'pt',
  'de',
  'sq',
  'bn',
  'ur',
  'hi',
  'tl',
  'pl',
  'ti',
  'so',
  'wo',
] as const;
export type SpokenLanguage = (typeof SPOKEN_LANGUAGES)[number];

/** Accessibility of the place and of the service (directory_entries.accessibility). */
export const ACCESSIBILITY_FEATURES = [
  'step_free_access',
  'accessible_toilet',
  'sign_language',
  'interpreter_on_request',
] as const;
export type AccessibilityFeature = (typeof ACCESSIBILITY_FEATURES)[number];

/** Days of the week, as in HSDS/iCalendar `byday` (lower case here). */
export const WEEKDAYS = ['mo', 'tu', 'we', 'th', 'fr', 'sa', 'su'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/**
 * The types of organisation that may have a public entry. Shelter operators never do: a shelter
 * is reached through the centre that gives access to it, and is never shown with a location.
 */
export const DIRECTORY_ORGANISATION_TYPES = [
  'cav',
  'employment_centre',
  'social_services',
  'municipality',
  'ats_asst',
] as const;

/** An entry not verified for this many months is flagged to its editors. */
export const STALE_AFTER_MONTHS = 6;

/** Where an entry stands: nothing written, a draft never published, published as is, or changed since. */
export const DIRECTORY_ENTRY_STATUSES = ['empty', 'draft', 'published', 'changed'] as const;
export type DirectoryEntryStatus = (typeof DIRECTORY_ENTRY_STATUSES)[number];

/** What an editor may do with an entry (its `allowedActions`). */
export const DIRECTORY_ENTRY_ACTIONS = ['edit', 'publish'] as const;
export type DirectoryEntryAction = (typeof DIRECTORY_ENTRY_ACTIONS)[number];
