/** A link to a blank paper form (PDF) in the UI's language: the same fields and options as the web form. */
import type { BlankForm } from '../../shared/codes/forms.ts';
import { useI18n } from '../i18n/index.tsx';

export function BlankFormLink({ form }: { form: BlankForm }) {
  const { t, lang } = useI18n();
  return (
    <p>
      <a href={`/api/v1/forms/${form}?lang=${lang}`} target="_blank" rel="noopener">
        {t.exports.blankForm}
      </a>
    </p>
  );
}
