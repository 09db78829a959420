import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { sfntFromWoff } from './woff.ts';

/**
 * Text for the printed plan in Latin, Cyrillic and Arabic letters, with Noto fonts shipped in npm
 * packages (@fontsource: one file per Unicode subset). Each string is cut into runs of one font;
 * lines are wrapped here and runs placed one by one, so that:
 * - Arabic runs are laid out whole: their spaces become no-break spaces, so that pdfkit hands the
 *   run to fontkit in one piece (it cuts text at spaces) and fontkit shapes it with the font's
 *   OpenType features (joining forms, ligatures, marks) and orders the glyphs right to left;
 *   pdfkit caches that layout, where passing `features` explicitly would redo it on every call;
 * - in a right-to-left line the runs are placed in reverse order, so Arabic words read right to
 *   left while numbers and Latin words inside stay left to right.
 * This is a simplified bidi (one embedding level, no mirroring of brackets): enough for fixed
 * labels, dates, codes and names; mixed free text with brackets may show them unmirrored.
 */
type Face = 'lat' | 'latx' | 'cyr' | 'cyrx' | 'ar';
export type Dir = 'ltr' | 'rtl';
export interface TextStyle {
  size: number;
  bold?: boolean;
  color?: string;
  dir?: Dir | 'auto';
  align?: 'left' | 'right';
}
interface Run {
  face: Face;
  text: string;
}

const FILES: Record<Face, string> = {
  lat: '@fontsource/noto-sans/files/noto-sans-latin-WEIGHT-normal.woff',
  latx: '@fontsource/noto-sans/files/noto-sans-latin-ext-WEIGHT-normal.woff',
  cyr: '@fontsource/noto-sans/files/noto-sans-cyrillic-WEIGHT-normal.woff',
  cyrx: '@fontsource/noto-sans/files/noto-sans-cyrillic-ext-WEIGHT-normal.woff',
  ar: '@fontsource/noto-naskh-arabic/files/noto-naskh-arabic-arabic-WEIGHT-normal.woff',
};

let fonts: Map<string, Buffer> | null = null;
function fontFiles(): Map<string, Buffer> {
  if (fonts) return fonts;
  const require = createRequire(import.meta.url);
  const loaded = new Map<string, Buffer>();
  for (const [face, file] of Object.entries(FILES)) {
    for (const weight of ['400', '700'])
      loaded.set(`${face}-${weight}`, sfntFromWoff(readFileSync(require.resolve(file.replace('WEIGHT', weight)))));
  }
  fonts = loaded;
  return loaded;
}

export function registerFonts(doc: PDFKit.PDFDocument): void {
  for (const [name, data] of fontFiles()) doc.registerFont(name, data);
}

const within = (cp: number, ranges: Array<[number, number]>) => ranges.some(([a, b]) => cp >= a && cp <= b);
const ARABIC: Array<[number, number]> = [
  [0x0600, 0x06ff],
  [0x0750, 0x077f],
  [0x08a0, 0x08ff],
  [0xfb50, 0xfdff],
  [0xfe70, 0xfefe],
];
const CYRILLIC: Array<[number, number]> = [
  [0x0400, 0x045f],
  [0x0490, 0x0491],
  [0x04b0, 0x04b1],
  [0x2116, 0x2116],
];
const CYRILLIC_EXT: Array<[number, number]> = [
  [0x0460, 0x052f],
  [0x1c80, 0x1c8f],
  [0x2de0, 0x2dff],
  [0xa640, 0xa69f],
];
const LATIN_EXT: Array<[number, number]> = [
  [0x0100, 0x02af],
  [0x1e00, 0x1eff],
  [0x20a0, 0x20c0],
  [0x2c60, 0x2c7f],
  [0xa720, 0xa7ff],
];
const LATIN_TOO: Array<[number, number]> = [
  [0x0131, 0x0131],
  [0x0152, 0x0153],
  [0x02c6, 0x02c6],
  [0x02da, 0x02da],
  [0x02dc, 0x02dc],
  [0x20ac, 0x20ac],
];

/** The font subset that draws a code point (Latin for anything the fonts lack). */
export function faceOf(cp: number): Face {
  if (cp <= 0xff || within(cp, LATIN_TOO) || (cp >= 0x2000 && cp <= 0x206f)) return 'lat';
  if (within(cp, ARABIC)) return 'ar';
  if (within(cp, CYRILLIC)) return 'cyr';
  if (within(cp, CYRILLIC_EXT)) return 'cyrx';
  if (within(cp, LATIN_EXT)) return 'latx';
  return 'lat';
}

/** Paragraph direction from its first strong letter (Unicode's rule P2, simplified). */
export function directionOf(text: string): Dir {
  const m = /[\p{L}]/u.exec(text);
  return m && faceOf(m[0].codePointAt(0) ?? 0) === 'ar' ? 'rtl' : 'ltr';
}

const runDir = (r: Run): Dir => (r.face === 'ar' ? 'rtl' : 'ltr');
const neutral = (s: string) => /^[\s\p{P}\p{S}]*$/u.test(s);

/** Cuts a line into runs of one font, in visual order for a paragraph of direction `dir`. */
export function visualRuns(text: string, dir: Dir): Run[] {
  const logical: Run[] = [];
  for (const ch of text) {
    const last = logical.at(-1);
    const face = ch === ' ' && last ? last.face : faceOf(ch.codePointAt(0) ?? 0);
    if (last && last.face === face) last.text += ch;
    else logical.push({ face, text: ch });
  }
  // spaces and punctuation at the edges of a run against the paragraph's direction take the
  // paragraph's direction (as Unicode's neutrals do between a number and a word)
  const runs = logical.flatMap((r): Run[] => {
    if (runDir(r) === dir) return [r];
    const m = /^([\s\p{P}\p{S}]*)(.*?)([\s\p{P}\p{S}]*)$/su.exec(r.text);
    const [, lead = '', core = '', trail = ''] = m ?? [];
    return [
      { face: r.face, text: lead },
      { face: r.face, text: core },
      { face: r.face, text: trail },
    ].filter((x) => x.text);
  });
  if (dir === 'ltr') return runs;
  const mirror = (s: string) =>
    [...s]
      .reverse()
      .map((c) => MIRROR[c] ?? c)
      .join('');
  return runs.reverse().map((r) => (r.face !== 'ar' && neutral(r.text) ? { ...r, text: mirror(r.text) } : r));
}
/** An Arabic run goes to pdfkit in one piece (see above). */
const shapeable = (r: Run) => (r.face === 'ar' ? r.text.replaceAll(' ', '\u00a0') : r.text);
const MIRROR: Record<string, string> = {
  '(': ')',
  ')': '(',
  '[': ']',
  ']': '[',
  '«': '»',
  '»': '«',
  '<': '>',
  '>': '<',
};

export class PdfWriter {
  y: number;
  readonly left: number;
  readonly width: number;
  private readonly bottom: number;

  constructor(readonly doc: PDFKit.PDFDocument) {
    const m = doc.page.margins;
    this.y = m.top;
    this.left = m.left;
    this.width = doc.page.width - m.left - m.right;
    this.bottom = doc.page.height - m.bottom;
  }

  private use(r: Run, style: TextStyle): void {
    this.doc.font(`${r.face}-${style.bold ? '700' : '400'}`).fontSize(style.size);
  }

  /** Widths are asked for again and again while wrapping: pdfkit lays Arabic out anew each time. */
  private readonly widths = new Map<string, number>();

  private runWidth(r: Run, style: TextStyle): number {
    const key = `${r.face}|${style.bold ? 1 : 0}|${style.size}|${r.text}`;
    const known = this.widths.get(key);
    if (known !== undefined) return known;
    this.use(r, style);
    const width = this.doc.widthOfString(shapeable(r));
    this.widths.set(key, width);
    return width;
  }

  measure(text: string, style: TextStyle, dir: Dir = 'ltr'): number {
    return visualRuns(text, dir).reduce((w, r) => w + this.runWidth(r, style), 0);
  }

  private readonly wrapped = new Map<string, string[]>();

  /** Greedy word wrap in logical order. */
  wrap(text: string, width: number, style: TextStyle, dir: Dir): string[] {
    const key = `${width}|${style.bold ? 1 : 0}|${style.size}|${dir}|${text}`;
    const known = this.wrapped.get(key);
    if (known) return known;
    const lines: string[] = [];
    for (const para of text.split('\n')) {
      let line = '';
      for (const word of para.split(/ +/)) {
        const next = line ? `${line} ${word}` : word;
        if (line && this.measure(next, style, dir) > width) {
          lines.push(line);
          line = word;
        } else line = next;
      }
      lines.push(line);
    }
    this.wrapped.set(key, lines);
    return lines;
  }

  lineHeight(style: TextStyle): number {
    return style.size * 1.45;
  }

  /** Draws wrapped text in a box at `y` without moving the cursor; returns its height. */
  box(text: string, x: number, y: number, width: number, style: TextStyle): number {
    const dir = style.dir === 'auto' || style.dir === undefined ? directionOf(text) : style.dir;
    const align = style.align ?? (dir === 'rtl' ? 'right' : 'left');
    const lh = this.lineHeight(style);
    const lines = this.wrap(text, width, style, dir);
    lines.forEach((line, i) => {
      const runs = visualRuns(line, dir);
      const total = runs.reduce((w, r) => w + this.runWidth(r, style), 0);
      let cx = align === 'right' ? x + width - total : x;
      for (const r of runs) {
        this.use(r, style);
        this.doc.fillColor(style.color ?? '#1a1a1a');
        this.doc.text(shapeable(r), cx, y + i * lh + (r.face === 'ar' ? -style.size * 0.15 : 0), { lineBreak: false });
        cx += this.runWidth(r, style);
      }
    });
    return lines.length * lh;
  }

  /** Starts a new page when `height` does not fit. */
  ensure(height: number): void {
    if (this.y + height <= this.bottom) return;
    this.doc.addPage();
    this.y = this.doc.page.margins.top;
  }

  paragraph(text: string, style: TextStyle, indent = 0): void {
    const h =
      this.wrap(text, this.width - indent, style, style.dir === 'rtl' ? 'rtl' : 'ltr').length * this.lineHeight(style);
    this.ensure(h);
    this.y += this.box(text, this.left + indent, this.y, this.width - indent, style);
  }

  /** Italian on the left; the second language on the right (right-aligned when right to left). */
  row(left: string, right: string | null, style: TextStyle, rightStyle: TextStyle, indent = 0): void {
    if (right === null) {
      this.paragraph(left, style, indent);
      return;
    }
    const gap = 12;
    const lw = (this.width - indent - gap) * 0.58;
    const rw = this.width - indent - gap - lw;
    const rdir = rightStyle.dir === 'rtl' ? 'rtl' : 'ltr';
    const h = Math.max(
      this.wrap(left, lw, style, 'ltr').length * this.lineHeight(style),
      this.wrap(right, rw, rightStyle, rdir).length * this.lineHeight(rightStyle),
    );
    this.ensure(h);
    this.box(left, this.left + indent, this.y, lw, { ...style, dir: 'ltr' });
    this.box(right, this.left + indent + lw + gap, this.y, rw, rightStyle);
    this.y += h;
  }

  gap(points: number): void {
    this.y += points;
  }

  rule(color = '#999999'): void {
    this.ensure(8);
    this.doc
      .moveTo(this.left, this.y + 3)
      .lineTo(this.left + this.width, this.y + 3)
      .lineWidth(0.5)
      .strokeColor(color)
      .stroke();
    this.y += 8;
  }
}
