import type { BlankForm } from '../../shared/codes/forms.ts';
import type { ExportLanguage } from '../../shared/codes/exports.ts';
import type { Ctx } from '../http/request-context.ts';
import { paperForm } from './paper-forms.ts';

/** A blank intake or needs form to print (for the centre's operators), audited `form.print`. */
export async function printBlankForm(ctx: Ctx, form: BlankForm, lang: ExportLanguage) {
  ctx.authorise('case.write');
  // pdfkit loads on the first print, not at start-up
  const { renderBlankForm } = await import('./blank-form.ts');
  const pdf = await renderBlankForm(paperForm(form, lang));
  await ctx.audit({ action: 'form.print', details: { form, lang } });
  return pdf;
}
