/** The ids of the source documents a record comes from. */
import { useI18n } from '../i18n/index.tsx';

export function SourceIds({ ids }: { ids: string[] | undefined }) {
  const { t } = useI18n();
  if (!ids?.length) return null;
  return (
    <>
      <h2 className="block-gap h4">{t.common.sources}</h2>
      <ul className="list-inline">
        {ids.map((s) => (
          <li key={s} className="list-inline-item">
            <code>{s}</code>
          </li>
        ))}
      </ul>
    </>
  );
}
