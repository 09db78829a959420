/** Her identity: names, birth date, tax code, contacts, languages, code word. Stays at the centre. */
import { TextField } from '../../components/Field.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { todayIso } from '../codes.ts';
import type { IdentityKey, IdentityValues } from '../contact-model.ts';

interface Props {
  prefix: string;
  values: IdentityValues;
  set: (key: IdentityKey, value: string) => void;
  err: (id: string) => string | undefined;
}

export function IdentityFields({ prefix, values: v, set, err }: Props) {
  const { t } = useI18n();
  const f = t.caseFields;
  const id = (k: IdentityKey) => `${prefix}${k}`;
  const text = (k: IdentityKey, label: string, extra: Record<string, unknown> = {}) => (
    <TextField
      id={id(k)}
      label={label}
      value={v[k]}
      onValueChange={(x) => set(k, x)}
      error={err(id(k))}
      autoComplete="off"
      spellCheck={false}
      {...extra}
    />
  );
  return (
    <>
      {text('firstName', f.firstName, { required: true, 'aria-required': 'true', maxLength: 100 })}
      {text('lastName', f.lastName, { required: true, 'aria-required': 'true', maxLength: 100 })}
      {text('birthDate', f.birthDate, { type: 'date', max: todayIso() })}
      {text('taxCode', f.taxCode, { maxLength: 16, hint: f.taxCodeHint, className: 'field-code' })}
      {text('phone', f.phone, { type: 'tel', maxLength: 30 })}
      {text('email', f.email, { type: 'email', maxLength: 200 })}
      {text('address', f.address, { maxLength: 300, hint: f.addressHint })}
      {text('languages', f.languages, { hint: f.languagesHint, maxLength: 200 })}
      {text('codeWord', f.codeWord, { hint: f.codeWordHint, maxLength: 60 })}
    </>
  );
}
