/**
 * A tiny HTML template: `html\`<p>${text}</p>\`` escapes every interpolated value unless it is
 * itself the result of `html` (or `raw`, for text already known to be safe).
 */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

type Part = Html | string | number | null | undefined | false | Part[];

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

function render(part: Part): string {
  if (part === null || part === undefined || part === false) return '';
  if (Array.isArray(part)) return part.map(render).join('');
  if (part instanceof Html) return part.value;
  return escapeHtml(String(part));
}

export function html(strings: TemplateStringsArray, ...values: Part[]): Html {
  let out = strings[0] ?? '';
  values.forEach((v, i) => {
    out += render(v) + (strings[i + 1] ?? '');
  });
  return new Html(out);
}

/** Fills `{name}` marks in a fixed text with escaped values; the result is safe HTML. */
export function fill(text: string, values: Record<string, string | number>): Html {
  return new Html(
    escapeHtml(text).replace(/\{(\w+)\}/g, (mark, name: string) =>
      name in values ? escapeHtml(String(values[name])) : mark,
    ),
  );
}
