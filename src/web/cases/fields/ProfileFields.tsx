/** Step 2 of the intake (and the profile edit): the non-identifying profile, ISTAT's variables. */
import { CheckboxGroup, SelectField, TextField } from '../../components/Field.tsx';
import { RadioGroup } from '../../components/Choice.tsx';
import { useI18n } from '../../i18n/index.tsx';
import {
  AGE_BANDS,
  AUTHOR_RELATIONSHIPS,
  CITIZENSHIPS,
  EDUCATION,
  EMPLOYMENT,
  RISK_LEVELS,
  RISK_TOOLS,
  todayIso,
  VIOLENCE_TYPES,
} from '../codes.ts';
import { useOptions } from '../options.ts';
import type { ProfileKey, ProfileValues } from '../profile-model.ts';
import { MunicipalityField } from './MunicipalityField.tsx';

interface Props {
  prefix: string;
  values: ProfileValues;
  set: (key: ProfileKey, value: string | string[]) => void;
  err: (id: string) => string | undefined;
  /** the intake shows the profile in two steps: about her and her children, then violence and risk */
  part?: 'all' | 'person' | 'situation';
}

export function ProfileFields({ prefix, values: v, set, err, part = 'all' }: Props) {
  const { t } = useI18n();
  const options = useOptions();
  const f = t.caseFields;
  const id = (k: ProfileKey) => `${prefix}${k}`;
  const select = (k: ProfileKey, label: string, group: Parameters<typeof options>[0], codes: readonly string[]) => (
    <SelectField
      id={id(k)}
      label={label}
      value={v[k] as string}
      onValueChange={(x) => set(k, x)}
      options={options(group, codes, f.notSpecified)}
      error={err(id(k))}
    />
  );
  const count = (k: ProfileKey, label: string) => (
    <TextField
      id={id(k)}
      label={label}
      type="number"
      inputMode="numeric"
      min={0}
      max={30}
      value={v[k] as string}
      onValueChange={(x) => set(k, x)}
      error={err(id(k))}
    />
  );
  const person = part !== 'situation';
  const situation = part !== 'person';
  return (
    <>
      {person ? (
        <>
          <fieldset className="form-group-block">
            <legend className="h5">{f.personLegend}</legend>
            {select('ageBand', f.ageBand, 'ageBands', AGE_BANDS)}
            {select('citizenship', f.citizenship, 'citizenships', CITIZENSHIPS)}
            <MunicipalityField
              id={id('residenceCode')}
              value={v.residenceCode}
              onChange={(x) => set('residenceCode', x)}
              error={err(id('residenceCode'))}
            />
            {select('education', f.education, 'education', EDUCATION)}
            {select('employment', f.employment, 'employment', EMPLOYMENT)}
          </fieldset>
          <fieldset className="form-group-block">
            <legend className="h5">{f.childrenLegend}</legend>
            {count('childrenCount', f.childrenCount)}
            {count('minorChildrenCount', f.minorChildrenCount)}
            <RadioGroup
              id={id('childrenWitnessed')}
              legend={f.childrenWitnessed}
              inline
              value={v.childrenWitnessed}
              onChange={(x) => set('childrenWitnessed', x)}
              options={[
                { value: 'yes', label: t.common.yes },
                { value: 'no', label: t.common.no },
                { value: '', label: f.notSpecified },
              ]}
              error={err(id('childrenWitnessed'))}
            />
          </fieldset>
        </>
      ) : null}
      {situation ? (
        <>
          <fieldset className="form-group-block">
            <legend className="h5">{f.violenceLegend}</legend>
            <CheckboxGroup
              id={id('violenceTypes')}
              legend={f.violenceTypes}
              options={options('violenceTypes', VIOLENCE_TYPES)}
              selected={v.violenceTypes}
              onChange={(x) => set('violenceTypes', x)}
              error={err(id('violenceTypes'))}
            />
            <CheckboxGroup
              id={id('authorRelationships')}
              legend={f.authorRelationships}
              options={options('authorRelationships', AUTHOR_RELATIONSHIPS)}
              selected={v.authorRelationships}
              onChange={(x) => set('authorRelationships', x)}
              error={err(id('authorRelationships'))}
            />
          </fieldset>
          <fieldset className="form-group-block">
            <legend className="h5">{f.riskLegend}</legend>
            {select('riskTool', f.riskTool, 'riskTools', RISK_TOOLS)}
            {select('riskLevel', f.riskLevel, 'riskLevels', RISK_LEVELS)}
            <TextField
              id={id('riskAssessedOn')}
              type="date"
              label={f.riskAssessedOn}
              max={todayIso()}
              value={v.riskAssessedOn}
              onValueChange={(x) => set('riskAssessedOn', x)}
              error={err(id('riskAssessedOn'))}
            />
          </fieldset>
        </>
      ) : null}
    </>
  );
}
