/** The profile as description-list rows (inside a <dl>): the intake review and the profile tab. */
import { useI18n } from '../i18n/index.tsx';
import type { LabelGroup } from './options.ts';
import type { ProfileValues } from './profile-model.ts';
import { useMunicipalities } from './useMunicipalities.ts';

export function ProfileSummary({
  values: v,
  part,
}: {
  values: ProfileValues;
  /** 'person' and 'situation' are the two halves of 'profile' (the intake's two steps) */
  part: 'dates' | 'profile' | 'person' | 'situation';
}) {
  const { t, date, label } = useI18n();
  const { list } = useMunicipalities();
  const f = t.caseFields;
  const none = t.common.none;
  const code = (group: LabelGroup, value: string) => (value ? label(group, value) : none);
  const many = (group: LabelGroup, values: string[]) =>
    values.length ? values.map((x) => label(group, x)).join(', ') : none;
  const town = list.find((m) => m.istatCode === v.residenceCode);
  const all: [string, string][] =
    part === 'dates'
      ? [
          [f.firstContactOn, v.firstContactOn ? date(v.firstContactOn) : none],
          [f.intakeOn, v.intakeOn ? date(v.intakeOn) : none],
          [f.referralSource, code('referralSources', v.referralSource)],
        ]
      : [
          [f.ageBand, code('ageBands', v.ageBand)],
          [f.citizenship, code('citizenships', v.citizenship)],
          [f.residence, v.residenceCode ? `${town?.name ?? f.residenceOther} (${v.residenceCode})` : none],
          [f.education, code('education', v.education)],
          [f.employment, code('employment', v.employment)],
          [f.childrenCount, v.childrenCount || none],
          [f.minorChildrenCount, v.minorChildrenCount || none],
          [
            f.childrenWitnessed,
            v.childrenWitnessed === 'yes' ? t.common.yes : v.childrenWitnessed === 'no' ? t.common.no : none,
          ],
          [f.violenceTypes, many('violenceTypes', v.violenceTypes)],
          [f.authorRelationships, many('authorRelationships', v.authorRelationships)],
          [f.riskTool, code('riskTools', v.riskTool)],
          [f.riskLevel, code('riskLevels', v.riskLevel)],
          [f.riskAssessedOn, v.riskAssessedOn ? date(v.riskAssessedOn) : none],
        ];
  // the first eight rows of the profile are about her and her children, the rest about violence and risk
  const rows = part === 'person' ? all.slice(0, 8) : part === 'situation' ? all.slice(8) : all;
  return (
    <>
      {rows.map(([k, value]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </>
  );
}
