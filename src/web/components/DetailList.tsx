/** A definition list of label/value pairs, the way detail pages show facts. */
import type { ReactNode } from 'react';

export type DetailRow = [label: string, value: ReactNode];

export function DetailList({ rows, twoColumns = false }: { rows: DetailRow[]; twoColumns?: boolean }) {
  return (
    <dl className={twoColumns ? 'detail-list two-columns' : 'detail-list'}>
      {rows.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}
