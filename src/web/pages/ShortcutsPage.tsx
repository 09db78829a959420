/** The keyboard shortcuts (keyboard/useShortcuts.ts), linked from the footer. */
import { PageTitle } from '../components/PageTitle.tsx';
import { ScrollTable } from '../components/ScrollTable.tsx';
import { useI18n } from '../i18n/index.tsx';

export function ShortcutsPage() {
  const { t } = useI18n();
  const s = t.shortcuts;
  const rows = [
    { keys: [['/']], does: s.search },
    { keys: [['g'], ['h']], does: s.home },
    { keys: [['?']], does: s.help },
  ];
  return (
    <>
      <PageTitle title={s.title} />
      <p className="lead-text">{s.intro}</p>
      <ScrollTable label={s.caption}>
        <caption>{s.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{s.key}</th>
            <th scope="col">{s.does}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.does}>
              <th scope="row">
                {r.keys.map((k, i) => (
                  <span key={k.join('')}>
                    {i ? ` ${s.thenKey} ` : ''}
                    <kbd>{k.join('')}</kbd>
                  </span>
                ))}
              </th>
              <td>{r.does}</td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
      <p>{s.note}</p>
    </>
  );
}
