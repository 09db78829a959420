/** The forms that keep a sealed draft while she types (form_drafts.form, migration 031). */
export const DRAFT_FORMS = ['intake', 'needs_assessment'] as const;
export type DraftForm = (typeof DRAFT_FORMS)[number];

/** The forms whose draft belongs to a case (the intake creates the case, so it has none). */
export const CASE_DRAFT_FORMS = ['needs_assessment'] as const satisfies readonly DraftForm[];

/** A draft is deleted this many days after its last save. */
export const DRAFT_DAYS = 14;

/** The largest draft, in characters of JSON (the request body limit is 64 KiB). */
export const DRAFT_MAX_CHARS = 48_000;
