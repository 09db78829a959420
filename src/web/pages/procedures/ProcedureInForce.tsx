import { Link } from 'react-router-dom';
import { Notice } from '../../components/Notice.tsx';
import { fmt, useI18n } from '../../i18n/index.tsx';
import { useApi } from '../../useApi.ts';

/** In the referral wizard: the procedure in force for referrals towards this type of body. */
export function ProcedureInForce({ type }: { type: string | null }) {
  const { t, date } = useI18n();
  const w = t.controlRoom.procedures;
  const { data } = useApi('/procedures/in-force', type ? { query: { appliesTo: type as never } } : null);
  if (!type || !data?.items.length) return null;
  return (
    <Notice kind="info" className="procedure-in-force">
      <p className="fw-semibold mb-1">{w.inWizard}</p>
      <ul className="mb-0">
        {data.items.map((x) => (
          <li key={x.id}>
            <Link to={`/procedure/${encodeURIComponent(x.id)}`}>{x.title}</Link> —{' '}
            {fmt(w.inForceText, { n: x.inForce.number, date: date(x.inForce.approvedOn), act: x.inForce.actReference })}
          </li>
        ))}
      </ul>
    </Notice>
  );
}
