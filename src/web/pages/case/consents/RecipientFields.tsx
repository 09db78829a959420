/** For sharing and contact consents: the receiving organisation (or a type), why, and whether her identity goes too. */
import { FIELD_TYPES } from '../../../../shared/organisation-fields.ts';
import { Checkbox, RadioGroup } from '../../../components/Choice.tsx';
import { SelectField } from '../../../components/Field.tsx';
import { OrganisationPicker } from '../../../components/OrganisationPicker.tsx';
import { SHARING_PURPOSES } from '../../../cases/codes.ts';
import { useOptions } from '../../../cases/options.ts';
import { useI18n } from '../../../i18n/index.tsx';
import type { OrganisationSummary } from '../../../types.ts';

export interface RecipientValues {
  kind: 'organisation' | 'type';
  organisationId: string;
  type: string;
  sharingPurpose: string;
  includesIdentity: boolean;
}

interface Props {
  values: RecipientValues;
  onChange: (v: RecipientValues) => void;
  organisations: OrganisationSummary[];
  err: (id: string) => string | undefined;
}

export function RecipientFields({ values: v, onChange, organisations, err }: Props) {
  const { t } = useI18n();
  const options = useOptions();
  const k = t.consents;
  const typeOptions = [{ value: '', label: k.chooseType }, ...options('orgTypes', FIELD_TYPES['consent.recipient'])];
  return (
    <fieldset className="form-group-block">
      <legend className="h5">{k.recipientLegend}</legend>
      <RadioGroup
        id="consent-recipient-kind"
        legend={k.recipientKind}
        inline
        value={v.kind}
        onChange={(kind) => onChange({ ...v, kind: kind as RecipientValues['kind'] })}
        options={[
          { value: 'organisation', label: k.namedOrganisation },
          { value: 'type', label: k.typeOfOrganisation },
        ]}
      />
      {v.kind === 'organisation' ? (
        <OrganisationPicker
          id="consent-recipientOrganisationId"
          field="consent.recipient"
          label={k.recipientOrganisation}
          value={v.organisationId}
          onChange={(organisationId) => onChange({ ...v, organisationId })}
          organisations={organisations}
          emptyLabel={k.chooseOrganisation}
          error={err('consent-recipientOrganisationId')}
        />
      ) : (
        <SelectField
          id="consent-recipientType"
          label={k.recipientType}
          value={v.type}
          onValueChange={(type) => onChange({ ...v, type })}
          options={typeOptions}
          error={err('consent-recipientType')}
        />
      )}
      <SelectField
        id="consent-sharingPurpose"
        label={k.sharingPurpose}
        value={v.sharingPurpose}
        onValueChange={(sharingPurpose) => onChange({ ...v, sharingPurpose })}
        options={options('sharingPurposes', SHARING_PURPOSES, k.choosePurpose)}
        error={err('consent-sharingPurpose')}
      />
      <Checkbox
        id="consent-includesIdentity"
        label={k.includesIdentity}
        hint={k.includesIdentityHint}
        checked={v.includesIdentity}
        onChange={(includesIdentity) => onChange({ ...v, includesIdentity })}
        error={err('consent-includesIdentity')}
      />
    </fieldset>
  );
}
