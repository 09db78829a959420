/** The visible list of the stepper's steps; the current one carries aria-current="step". */
import { fmt, useI18n } from '../../i18n/index.tsx';

export function StepIndicator({ steps, current }: { steps: string[]; current: number }) {
  const { t } = useI18n();
  return (
    <nav aria-label={t.intake.stepsLabel} className="stepper-nav">
      <ol className="stepper-list">
        {steps.map((name, i) => {
          const state = i < current ? 'done' : i === current ? 'current' : 'todo';
          return (
            <li
              key={name}
              className={`stepper-item stepper-${state}`}
              aria-current={i === current ? 'step' : undefined}
            >
              <span className="stepper-number" aria-hidden="true">
                {i + 1}
              </span>
              <span className="stepper-name">
                <span className="visually-hidden">{fmt(t.intake.stepOf, { n: i + 1, total: steps.length })}: </span>
                {name}
                {state === 'done' ? <span className="visually-hidden"> ({t.intake.stepDone})</span> : null}
              </span>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
