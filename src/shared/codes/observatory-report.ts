/** The observatory's quarterly report jobs (obs-report): statuses and languages (SQL CHECKs in migration 111). */
export const REPORT_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];
export const REPORT_LANGUAGES = ['it', 'en'] as const;
