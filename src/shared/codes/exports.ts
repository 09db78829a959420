/** The formats of a list export, and the lists that can be exported (audited as `list.export`). */
export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const EXPORT_LISTS = ['caseload', 'follow_ups', 'audit', 'training_hours', 'companies', 'vacancies'] as const;
export type ExportList = (typeof EXPORT_LISTS)[number];
export const EXPORT_LANGUAGES = ['it', 'en'] as const;
export type ExportLanguage = (typeof EXPORT_LANGUAGES)[number];
