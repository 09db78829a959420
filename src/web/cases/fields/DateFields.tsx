/** Step 1 of the intake (and the top of the profile edit): the dates of her path and who sent her. */
import { SelectField, TextField } from '../../components/Field.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { REFERRAL_SOURCES, todayIso } from '../codes.ts';
import { useOptions } from '../options.ts';
import type { ProfileKey, ProfileValues } from '../profile-model.ts';

interface Props {
  prefix: string;
  values: ProfileValues;
  set: (key: ProfileKey, value: string) => void;
  err: (id: string) => string | undefined;
  /** The intake asks for the taking-in-charge date; the profile edit does not change it. */
  taken?: { value: string; onChange: (v: string) => void };
}

export function DateFields({ prefix, values, set, err, taken }: Props) {
  const { t } = useI18n();
  const options = useOptions();
  const f = t.caseFields;
  const max = todayIso();
  return (
    <>
      {taken ? (
        <TextField
          id={`${prefix}takenInChargeOn`}
          type="date"
          label={f.takenInChargeOn}
          hint={f.requiredHint}
          max={max}
          required
          aria-required="true"
          value={taken.value}
          onValueChange={taken.onChange}
          error={err(`${prefix}takenInChargeOn`)}
        />
      ) : null}
      <TextField
        id={`${prefix}firstContactOn`}
        type="date"
        label={f.firstContactOn}
        max={max}
        value={values.firstContactOn}
        onValueChange={(v) => set('firstContactOn', v)}
        error={err(`${prefix}firstContactOn`)}
      />
      <TextField
        id={`${prefix}intakeOn`}
        type="date"
        label={f.intakeOn}
        hint={f.intakeOnHint}
        max={max}
        value={values.intakeOn}
        onValueChange={(v) => set('intakeOn', v)}
        error={err(`${prefix}intakeOn`)}
      />
      <SelectField
        id={`${prefix}referralSource`}
        label={f.referralSource}
        value={values.referralSource}
        onValueChange={(v) => set('referralSource', v)}
        options={options('referralSources', REFERRAL_SOURCES, f.notSpecified)}
        error={err(`${prefix}referralSource`)}
      />
    </>
  );
}
