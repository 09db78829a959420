/** Municipality of residence: a select of the networks' municipalities, or another ISTAT code. */
import { useEffect, useState } from 'react';
import { SelectField, TextField } from '../../components/Field.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { useMunicipalities } from '../useMunicipalities.ts';

const OTHER = 'other';

interface Props {
  id: string;
  value: string;
  onChange: (code: string) => void;
  error?: string;
}

export function MunicipalityField({ id, value, onChange, error }: Props) {
  const { t } = useI18n();
  const { list } = useMunicipalities();
  const known = list.some((m) => m.istatCode === value);
  const [other, setOther] = useState(false);

  // A stored code outside the networks' list shows as "another municipality".
  useEffect(() => {
    if (list.length && value && !known) setOther(true);
  }, [list.length, value, known]);

  const options = [
    { value: '', label: t.caseFields.notSpecified },
    ...list.map((m) => ({ value: m.istatCode, label: m.name })),
    { value: OTHER, label: t.caseFields.residenceOther },
  ];
  const choose = (v: string) => {
    setOther(v === OTHER);
    onChange(v === OTHER ? '' : v);
  };

  return (
    <>
      <SelectField
        id={other ? `${id}-select` : id}
        label={t.caseFields.residence}
        hint={t.caseFields.residenceHint}
        value={other ? OTHER : value}
        onValueChange={choose}
        options={options}
        error={other ? undefined : error}
      />
      {other ? (
        <TextField
          id={id}
          label={t.caseFields.residenceCode}
          hint={t.caseFields.residenceCodeHint}
          inputMode="numeric"
          maxLength={6}
          autoComplete="off"
          value={value}
          onValueChange={(v) => onChange(v.replace(/\D/g, ''))}
          error={error}
        />
      ) : null}
    </>
  );
}
