/**
 * The UI's catalogues (plain data in src/web/i18n, Italian and English) read by what the server
 * prints and exports, so that paper and files say what the screens say and a new option or audit
 * kind appears there too.
 */
import type { ExportLanguage } from '../../shared/codes/exports.ts';
import { en } from '../../web/i18n/en.ts';
import { it } from '../../web/i18n/it.ts';

export type Messages = typeof it;
export const messagesFor = (lang: ExportLanguage): Messages => (lang === 'en' ? en : it);

/** The label of a code in one of the catalogue's label groups (the code itself when unlabelled). */
export function labelOf(m: Messages, group: keyof Messages['labels'], code: string | null | undefined): string {
  if (!code) return '';
  return (m.labels[group] as Record<string, string>)[code] ?? code;
}
