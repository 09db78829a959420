/**
 * A small published table for tests (charts, summaries, the PDF report, the extract): two networks
 * × three funnel steps, with one small cell, its complementary partners and a missing source.
 */
import type { Cell, DashboardAnswer, PublishedTable } from './types.ts';

const p = (value: number): Cell => ({ value, status: 'published' });
const small: Cell = { value: null, status: 'small' };
const nd: Cell = { value: null, status: 'complementary' };
const none: Cell = { value: null, status: 'no_data' };

export const QUARTER = { kind: 'quarter', key: '2026-Q3', from: '2026-07-01', to: '2026-09-30' } as const;

export function funnelTable(): PublishedTable {
  return {
    indicator: {
      code: 'funnel',
      version: 1,
      name: { it: 'Percorsi: dal contatto alla conclusione', en: 'Paths: from contact to conclusion' },
      unit: 'count',
    },
    period: { ...QUARTER },
    rowDimension: 'network',
    columnDimension: 'measure',
    rows: [
      { key: 'n1', label: { it: 'Rete Milano', en: 'Milan network' } },
      { key: 'n2', label: { it: 'Rete Pavia', en: 'Pavia network' } },
    ],
    columns: [
      { key: 'contacts', label: { it: 'Contatti', en: 'Contacts' } },
      { key: 'taken_in_charge', label: { it: 'Prese in carico', en: 'Taken in charge' } },
      { key: 'concluded', label: { it: 'Conclusi', en: 'Concluded' } },
    ],
    cells: [
      [p(1234), p(87), small],
      [p(412), p(35), nd],
    ],
    rowTotals: [nd, nd],
    columnTotals: [p(1646), p(122), nd],
    total: nd,
    threshold: 5,
    notes: [{ it: 'Conteggi da 1 a 4 soppressi.', en: 'Counts from 1 to 4 suppressed.' }],
  };
}

export function rateTable(): PublishedTable {
  return {
    ...funnelTable(),
    indicator: {
      code: 'ack_within_deadline',
      version: 2,
      name: { it: 'Invii riscontrati nei termini', en: 'Referrals acknowledged in time' },
      unit: 'rate',
    },
    columns: [{ key: 'share', label: { it: 'Quota', en: 'Share' } }],
    cells: [[p(0.825)], [small]],
    rowTotals: [p(0.825), small],
    columnTotals: [nd],
    total: nd,
  };
}

export function noDataTable(): PublishedTable {
  return {
    ...funnelTable(),
    indicator: {
      code: 'trained_referents',
      version: 1,
      name: { it: 'Referenti CPI formati', en: 'Trained CPI referents' },
      unit: 'count',
    },
    columns: [{ key: 'trained', label: { it: 'Formati', en: 'Trained' } }],
    cells: [[none], [none]],
    rowTotals: [none, none],
    columnTotals: [none],
    total: none,
  };
}

export function dashboardAnswer(): DashboardAnswer {
  return {
    dashboard: 'funnel',
    period: { ...QUARTER },
    by: 'network',
    tables: [funnelTable(), rateTable(), noDataTable()],
  };
}
