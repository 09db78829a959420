/** How she may be contacted safely, in words (the case header's box and the intake review). */
import { useI18n } from '../i18n/index.tsx';
import type { SafeContact } from './types.ts';

export function SafeContactSummary({ value: v }: { value: SafeContact }) {
  const { t, label } = useI18n();
  const f = t.caseFields;
  const channels = v.channels.length ? v.channels.map((c) => label('contactChannels', c)).join(', ') : f.noChannels;
  return (
    <dl className="detail-list safe-contact-list">
      <div>
        <dt>{f.channels}</dt>
        <dd>{channels}</dd>
      </div>
      <div>
        <dt>{f.windows}</dt>
        <dd>
          {v.windows.length ? (
            <ul className="mb-0 ps-3">
              {v.windows.map((w) => (
                <li key={`${w.days.join('-')}-${w.from}-${w.to}`}>
                  {w.days.map((d) => label('weekdays', d)).join(', ')}: {w.from}–{w.to}
                </li>
              ))}
            </ul>
          ) : (
            f.noWindows
          )}
        </dd>
      </div>
      <div>
        <dt>{f.voicemail}</dt>
        <dd>{v.noVoicemail ? f.noVoicemailYes : f.noVoicemailNo}</dd>
      </div>
      <div>
        <dt>{f.throughCentre}</dt>
        <dd>{v.onlyThroughCentre ? f.onlyThroughCentreYes : f.onlyThroughCentreNo}</dd>
      </div>
    </dl>
  );
}
