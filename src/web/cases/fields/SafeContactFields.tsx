/** Safe-contact preferences: channels, safe time windows, no voicemail, only through the centre. */
import type { ContactChannel, Weekday } from '../../../shared/codes/cases.ts';
import { Checkbox } from '../../components/Choice.tsx';
import { CheckboxGroup, TextField } from '../../components/Field.tsx';
import { fmt, useI18n } from '../../i18n/index.tsx';
import { CONTACT_CHANNELS, WEEKDAYS } from '../codes.ts';
import type { SafeContactValues, WindowValues } from '../contact-model.ts';
import { useOptions } from '../options.ts';

interface Props {
  prefix: string;
  values: SafeContactValues;
  onChange: (values: SafeContactValues) => void;
  err: (id: string) => string | undefined;
}

export function SafeContactFields({ prefix, values: v, onChange, err }: Props) {
  const { t } = useI18n();
  const options = useOptions();
  const f = t.caseFields;
  const setWindow = (i: number, patch: Partial<WindowValues>) =>
    onChange({ ...v, windows: v.windows.map((w, j) => (j === i ? { ...w, ...patch } : w)) });
  const addWindow = () => {
    onChange({
      ...v,
      windows: [...v.windows, { days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '09:00', to: '13:00' }],
    });
    // focus the new window's first day once rendered
    window.setTimeout(() => document.getElementById(`${prefix}w${v.windows.length}-days`)?.focus(), 0);
  };
  const removeWindow = (i: number) => {
    onChange({ ...v, windows: v.windows.filter((_, j) => j !== i) });
    window.setTimeout(() => document.getElementById(`${prefix}add-window`)?.focus(), 0);
  };
  return (
    <>
      <CheckboxGroup
        id={`${prefix}channels`}
        legend={f.channels}
        options={options('contactChannels', CONTACT_CHANNELS)}
        selected={v.channels}
        // the options are CONTACT_CHANNELS: what comes back is one of them
        onChange={(channels) => onChange({ ...v, channels: channels as ContactChannel[] })}
        error={err(`${prefix}channels`)}
      />
      <fieldset className="form-group-block">
        <legend className="h5">{f.windows}</legend>
        <p className="field-hint">{f.windowsHint}</p>
        {v.windows.length === 0 ? <p>{f.noWindows}</p> : null}
        {v.windows.map((w, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: windows have no id; the index is their identity in the form
          <fieldset key={i} className="window-box">
            <legend className="field-legend">{fmt(f.windowN, { n: i + 1 })}</legend>
            <CheckboxGroup
              inline
              id={`${prefix}w${i}-days`}
              legend={f.days}
              options={options('weekdays', WEEKDAYS)}
              selected={w.days}
              onChange={(days) => setWindow(i, { days: days as Weekday[] })}
              error={err(`${prefix}w${i}-days`)}
            />
            <div className="row">
              <div className="col-sm-6">
                <TextField
                  id={`${prefix}w${i}-from`}
                  type="time"
                  label={f.from}
                  value={w.from}
                  onValueChange={(from) => setWindow(i, { from })}
                  error={err(`${prefix}w${i}-from`)}
                />
              </div>
              <div className="col-sm-6">
                <TextField
                  id={`${prefix}w${i}-to`}
                  type="time"
                  label={f.to}
                  value={w.to}
                  onValueChange={(to) => setWindow(i, { to })}
                  error={err(`${prefix}w${i}-to`)}
                />
              </div>
            </div>
            <button type="button" className="btn btn-outline-danger btn-sm" onClick={() => removeWindow(i)}>
              {fmt(f.removeWindow, { n: i + 1 })}
            </button>
          </fieldset>
        ))}
        {v.windows.length < 14 ? (
          <button
            id={`${prefix}add-window`}
            type="button"
            className="btn btn-outline-primary btn-sm"
            onClick={addWindow}
          >
            {f.addWindow}
          </button>
        ) : null}
      </fieldset>
      <Checkbox
        id={`${prefix}noVoicemail`}
        label={f.noVoicemail}
        checked={v.noVoicemail}
        onChange={(noVoicemail) => onChange({ ...v, noVoicemail })}
      />
      <Checkbox
        id={`${prefix}onlyThroughCentre`}
        label={f.onlyThroughCentre}
        hint={f.onlyThroughCentreHint}
        checked={v.onlyThroughCentre}
        onChange={(onlyThroughCentre) => onChange({ ...v, onlyThroughCentre })}
      />
    </>
  );
}
