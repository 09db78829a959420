import type { PublicLanguage } from '../../../shared/codes/directory.ts';
import { ar } from './ar.ts';
import { en } from './en.ts';
import { es } from './es.ts';
import { fr } from './fr.ts';
import { it } from './it.ts';
import { ro } from './ro.ts';
import type { PublicTexts } from './types.ts';
import { uk } from './uk.ts';
import { zh } from './zh.ts';

/** The fixed texts of the public pages, by language (written, not machine-translated). */
export const TEXTS: Record<PublicLanguage, PublicTexts> = { it, en, fr, es, ar, uk, ro, zh };
