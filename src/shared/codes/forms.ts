/** The blank forms that can be printed (GET /forms/:form, audited `form.print`). */
export const BLANK_FORMS = ['intake', 'needs'] as const;
export type BlankForm = (typeof BLANK_FORMS)[number];
