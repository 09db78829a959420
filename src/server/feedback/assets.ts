import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { etagOf } from '../directory/assets.ts';

/** The form's one stylesheet, read once at start (a URL versioned by its content). */
export const FEEDBACK_CSS = readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'parere.css'));
export const FEEDBACK_CSS_ETAG = etagOf(FEEDBACK_CSS);
export const FEEDBACK_CSS_URL = `/parere-static/parere.css?v=${FEEDBACK_CSS_ETAG.slice(1, 11)}`;
