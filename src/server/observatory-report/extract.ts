/**
 * The annual extract: the observatory's published, suppressed tables for a year, as a documented
 * package of CSV files served one by one (no zip library is installed), aligned with ISTAT's
 * survey of the users of anti-violence centres (law 53/2022 art. 7: its variables and bands) and
 * Lombardy's O.R.A. funnel. A README (Markdown) and a data dictionary (CSV) describe every file
 * and column. Every number went through the suppression module: "<k" and "n.d." stay marks, a
 * missing source is an empty cell (never a zero).
 */
import { stringify } from 'csv-stringify/sync';
import { DASHBOARDS, type DashboardAnswer, type PublishedTable } from '../../shared/observatory/types.ts';
import { formulaSafe } from '../exports/export-file.ts';
import { notFound } from '../http/errors.ts';
import type { Ctx } from '../http/request-context.ts';
import { observatorySource } from './source.ts';

/** What a table's rows are, in ISTAT's and O.R.A.'s words (the dimension names the store uses). */
export const ISTAT_VARIABLES: Record<string, string> = {
  network: 'Rete territoriale antiviolenza (ambito O.R.A.)',
  centre: 'Centro antiviolenza (codice struttura)',
  cpi: 'Centro per l’impiego',
  age_band: 'ISTAT — classe di età: ≤29, 30–39, 40–49, 50–59, 60–69, 70+',
  citizenship: 'ISTAT — cittadinanza: italiana, UE, extra UE',
  citizenship_group: 'ISTAT — cittadinanza: italiana, UE, extra UE',
  children: 'ISTAT — figli (presenza, minori)',
  work_status: 'ISTAT — condizione professionale',
  education: 'ISTAT — titolo di studio',
  violence_type: 'ISTAT — tipo di violenza subita (fisica, sessuale, psicologica, economica, stalking)',
  violence_types: 'ISTAT — tipo di violenza subita (fisica, sessuale, psicologica, economica, stalking)',
  perpetrator_relation: 'ISTAT — relazione con l’autore',
  measure: 'Le voci dell’indicatore (per esempio i passi del percorso O.R.A.)',
};

const ORA =
  'O.R.A. (Osservatorio regionale antiviolenza, Lombardia): contatti → primi colloqui → prese in carico → percorsi conclusi o interrotti';

interface ExtractTable {
  name: string;
  table: PublishedTable;
}

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '')
    .slice(0, 30);

async function load(ctx: Ctx, year: string): Promise<ExtractTable[]> {
  ctx.authorise('observatory.extract');
  const source = observatorySource();
  const scope = await source.scope(ctx);
  if (!scope.periods.some((p) => p.kind === 'year' && p.key === year)) throw notFound();
  const answers: DashboardAnswer[] = [];
  for (const dashboard of DASHBOARDS)
    answers.push(await source.dashboard(ctx, { dashboard, period: `year:${year}`, by: 'network' }));
  const names = new Set<string>();
  return answers.flatMap((a) =>
    a.tables.map((table) => {
      let name = `${a.dashboard}_${slug(table.indicator.code)}`;
      while (names.has(name)) name = `${name}_2`;
      names.add(name);
      return { name, table };
    }),
  );
}

/** A cell as the extract writes it: a number, "<k", "n.d.", or empty (no source). */
function cellText(t: PublishedTable, c: PublishedTable['total']): string | number {
  if (c.status === 'published' && typeof c.value === 'number') return c.value;
  if (c.status === 'small') return `<${t.threshold}`;
  if (c.status === 'complementary') return 'n.d.';
  return '';
}

function tableCsv(t: PublishedTable): string {
  const header = [t.rowDimension, `${t.rowDimension}_label`, ...t.columns.map((c) => c.key), 'total'];
  const rows = t.rows.map((r, i) => [
    r.key,
    r.label.it,
    ...(t.cells[i] ?? []).map((c) => cellText(t, c)),
    cellText(t, t.rowTotals[i] ?? { value: null, status: 'no_data' }),
  ]);
  const totals = ['total', 'Totale', ...t.columnTotals.map((c) => cellText(t, c)), cellText(t, t.total)];
  return stringify(
    [header, ...rows, totals].map((r) => r.map((v) => formulaSafe(v))),
    { bom: true },
  );
}

function dictionaryCsv(tables: ExtractTable[]): string {
  const rows: (string | number)[][] = [
    ['file', 'field', 'label_it', 'label_en', 'meaning', 'indicator', 'version', 'unit'],
  ];
  for (const { name, table: t } of tables) {
    const ind = [`${t.indicator.code}`, t.indicator.version, t.indicator.unit] as const;
    rows.push([
      `${name}.csv`,
      t.rowDimension,
      t.rowDimension,
      t.rowDimension,
      ISTAT_VARIABLES[t.rowDimension] ?? t.rowDimension,
      ...ind,
    ]);
    for (const c of t.columns)
      rows.push([`${name}.csv`, c.key, c.label.it, c.label.en, `${t.indicator.name.it}: ${c.label.it}`, ...ind]);
    rows.push([
      `${name}.csv`,
      'total',
      'Totale',
      'Total',
      'Totale di riga (la riga "total" è il totale di colonna)',
      ...ind,
    ]);
  }
  return stringify(
    rows.map((r) => r.map((v) => formulaSafe(v))),
    { bom: true },
  );
}

function readme(year: string, tables: ExtractTable[]): string {
  const k = tables[0]?.table.threshold ?? 5;
  return `# Percorsi — estrazione annuale ${year}

Tabelle pubblicate dall'osservatorio per l'anno ${year}, per rete territoriale, allineate alla
rilevazione ISTAT sull'utenza dei centri antiviolenza (legge 53/2022, art. 7) e al percorso
${ORA}.

## Segni

- un numero: il valore pubblicato (tassi tra 0 e 1, tempi in giorni);
- \`<${k}\`: un conteggio da 1 a ${k - 1}, non pubblicato (soppressione primaria, soglia k = ${k});
- \`n.d.\`: non diffuso, perché un valore piccolo non si possa ricavare dai totali (soppressione complementare);
- cella vuota: nessun dato (la fonte non esiste ancora); non è uno zero.

Ogni file ha una riga per voce, una colonna per parte dell'indicatore, la colonna \`total\` e la
riga \`total\`. Nessun file contiene dati di una singola donna; le donne che si rivolgono a due
centri sono contate una volta (token di collegamento pseudonimo, mai esportato).

## File

| file | indicatore | versione | righe | variabile |
|---|---|---|---|---|
${tables
  .map(
    ({ name, table: t }) =>
      `| ${name}.csv | ${t.indicator.name.it} | ${t.indicator.code} v${t.indicator.version} | ${t.rowDimension} | ${ISTAT_VARIABLES[t.rowDimension] ?? t.rowDimension} |`,
  )
  .join('\n')}
| dizionario.csv | il dizionario dei dati: ogni file e colonna | | | |
`;
}

export async function extractIndex(ctx: Ctx, year: string) {
  const tables = await load(ctx, year);
  return {
    year,
    files: [
      { name: 'leggimi.md', title: 'Leggimi (metodo e segni)', rows: 0 },
      { name: 'dizionario.csv', title: 'Dizionario dei dati', rows: 0 },
      ...tables.map(({ name, table }) => ({
        name: `${name}.csv`,
        title: table.indicator.name.it,
        rows: table.rows.length,
      })),
    ],
  };
}

export async function extractFile(ctx: Ctx, year: string, file: string) {
  const tables = await load(ctx, year);
  const attach = (body: string, contentType: string) => ({
    body: Buffer.from(body, 'utf8'),
    contentType,
    filename: `percorsi-${year}-${file}`,
  });
  let out: ReturnType<typeof attach> | null = null;
  if (file === 'leggimi.md') out = attach(readme(year, tables), 'text/markdown; charset=utf-8');
  else if (file === 'dizionario.csv') out = attach(dictionaryCsv(tables), 'text/csv; charset=utf-8');
  else {
    const found = tables.find((t) => `${t.name}.csv` === file);
    if (found) out = attach(tableCsv(found.table), 'text/csv; charset=utf-8');
  }
  if (!out) throw notFound();
  await ctx.audit({ action: 'observatory.extract', details: { year, file } });
  return out;
}
