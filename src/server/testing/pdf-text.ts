import { inflateSync } from 'node:zlib';

/**
 * For tests: the text a PDF written by pdfkit shows, decoded through each font's ToUnicode map
 * (embedded fonts draw glyph ids, not letters). One line per text-showing operation.
 */
export function pdfText(pdf: Buffer): string {
  const src = pdf.toString('latin1');
  const dicts = new Map<number, string>();
  const streams = new Map<number, string>();
  const head = /(\d+) 0 obj\s*/g;
  for (let m = head.exec(src); m; m = head.exec(src)) {
    const start = m.index + m[0].length;
    const end = src.indexOf('endobj', start);
    const body = src.slice(start, end);
    const s = body.indexOf('stream');
    const dict = s >= 0 ? body.slice(0, s) : body;
    dicts.set(Number(m[1]), dict);
    if (s < 0) continue;
    const length = Number(/\/Length (\d+)/.exec(dict)?.[1] ?? 0);
    const dataStart = start + s + 'stream'.length + (src[start + s + 6] === '\r' ? 2 : 1);
    let data = Buffer.from(src.slice(dataStart, dataStart + length), 'latin1');
    if (dict.includes('/FlateDecode')) data = inflateSync(data);
    streams.set(Number(m[1]), data.toString('latin1'));
    head.lastIndex = dataStart + length;
  }
  const utf16 = (hex: string) => {
    let out = '';
    for (let i = 0; i + 4 <= hex.length; i += 4) out += String.fromCharCode(Number.parseInt(hex.slice(i, i + 4), 16));
    return out;
  };
  const cmapOf = (text: string) => {
    const map = new Map<number, string>();
    for (const [, a, b, list, base] of text.matchAll(/<([0-9a-f]+)> <([0-9a-f]+)> (?:\[([^\]]*)\]|<([0-9a-f]*)>)/gi)) {
      const from = Number.parseInt(a ?? '0', 16);
      const to = Number.parseInt(b ?? '0', 16);
      // a ligature maps to several code points: <0066 0069>
      const items = list ? [...list.matchAll(/<([0-9a-f\s]*)>/gi)].map((x) => (x[1] ?? '').replace(/\s/g, '')) : null;
      for (let code = from; code <= to; code++) {
        if (items) map.set(code, utf16(items[code - from] ?? ''));
        else map.set(code, String.fromCharCode(Number.parseInt(base ?? '0', 16) + code - from));
      }
    }
    return map;
  };
  const fonts = new Map<string, Map<number, string>>();
  for (const dict of dicts.values()) {
    for (const [, name, ref] of dict.matchAll(/\/(F\d+) (\d+) 0 R/g)) {
      const toUnicode = /\/ToUnicode (\d+) 0 R/.exec(dicts.get(Number(ref)) ?? '')?.[1];
      if (toUnicode && name) fonts.set(name, cmapOf(streams.get(Number(toUnicode)) ?? ''));
    }
  }
  const lines: string[] = [];
  for (const content of streams.values()) {
    if (!content.includes('BT')) continue;
    let font = new Map<number, string>();
    for (const [, fontName, shown] of content.matchAll(/\/(F\d+) [\d.]+ Tf|(\[[^\]]*\]\s*TJ|<[0-9a-f]*>\s*Tj)/gi)) {
      if (fontName) font = fonts.get(fontName) ?? new Map();
      if (!shown) continue;
      const hex = [...shown.matchAll(/<([0-9a-f]*)>/gi)].map((x) => x[1] ?? '').join('');
      let line = '';
      for (let i = 0; i + 4 <= hex.length; i += 4) line += font.get(Number.parseInt(hex.slice(i, i + 4), 16)) ?? '';
      lines.push(line);
    }
  }
  return lines.join('\n');
}
