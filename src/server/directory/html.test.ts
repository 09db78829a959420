import { describe, expect, it } from 'vitest';
import { escapeHtml, fill, html } from './html.ts';

describe('html template', () => {
  it('escapes interpolated text, attributes included', () => {
    const name = `<script>alert("x")</script>&'`;
    expect(html`<a title="${name}">${name}</a>`.value).toBe(
      '<a title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;</a>',
    );
  });
  it('keeps nested templates and skips empty parts', () => {
    expect(html`<ul>${['a', 'b'].map((x) => html`<li>${x}</li>`)}${null}${false}</ul>`.value).toBe(
      '<ul><li>a</li><li>b</li></ul>',
    );
  });
  it('fills marks with escaped values', () => {
    expect(fill('{n} per «{q}»', { n: 2, q: '<b>' }).value).toBe('2 per «&lt;b&gt;»');
    expect(escapeHtml('a&b')).toBe('a&amp;b');
  });
});
