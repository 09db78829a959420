/** Renders a legal text (accessibility statement, privacy notice) from the i18n catalogue. */
import { PageTitle } from '../components/PageTitle.tsx';
import { useI18n } from '../i18n/index.tsx';
import type { LegalSection } from '../i18n/it-legal.ts';

export function LegalPage({ title, intro, sections }: { title: string; intro?: string; sections: LegalSection[] }) {
  const { t } = useI18n();
  return (
    <article className="legal">
      <PageTitle title={title} />
      {intro ? <p className="lead-text">{intro}</p> : null}
      {sections.map((s) => (
        <section key={s.h}>
          <h2>{s.h}</h2>
          {s.p?.map((p) => (
            <p key={p}>{p}</p>
          ))}
          {s.ul ? (
            <ul>
              {s.ul.map((li) => (
                <li key={li}>{li}</li>
              ))}
            </ul>
          ) : null}
          {s.links?.map((l) => (
            <p key={l.href}>
              <a href={l.href} rel="noopener noreferrer">
                {l.text} <span className="visually-hidden">{t.legal.externalLink}</span>
              </a>
            </p>
          ))}
        </section>
      ))}
    </article>
  );
}
