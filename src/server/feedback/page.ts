/**
 * The feedback form and its answers as plain server-rendered HTML: no script, no cookie, one
 * stylesheet from this server. Works with JavaScript off; every control has a label; questions are
 * fieldsets with legends; an error summary is linked to the form.
 */
import { FEEDBACK_ANSWERS, FEEDBACK_QUESTIONS, MULTIPLE } from '../../shared/codes/feedback.ts';
import { type Html, html } from '../directory/html.ts';
import { FEEDBACK_CSS_URL } from './assets.ts';
import { type FeedbackLanguage, FEEDBACK_TEXTS, type FeedbackTexts } from './texts.ts';

export const feedbackUrl = (token: string, lang: FeedbackLanguage = 'it') =>
  `/parere/${token}${lang === 'it' ? '' : `/${lang}`}`;

function frame(t: FeedbackTexts, token: string, title: string, body: Html): string {
  const other: FeedbackLanguage = t.lang === 'it' ? 'en' : 'it';
  return html`<!doctype html>
<html lang="${t.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="robots" content="noindex, nofollow">
<title>${title} — Percorsi</title>
<link rel="stylesheet" href="${FEEDBACK_CSS_URL}">
</head>
<body>
<header class="top">
<p class="brand">Percorsi</p>
<nav aria-label="${t.lang === 'it' ? 'Lingua' : 'Language'}"><a href="${feedbackUrl(token, other)}" hreflang="${other}" lang="${other}">${t.other}</a></nav>
</header>
<main id="main">
${body}
</main>
<footer class="foot"><p>${t.help}</p></footer>
</body>
</html>
`.value;
}

/** The questionnaire; `error` shows the error summary above it (answers are not kept: there are four). */
export function formPage(lang: FeedbackLanguage, token: string, error = false): string {
  const t = FEEDBACK_TEXTS[lang];
  const questions = FEEDBACK_QUESTIONS.map((q) => {
    const text = t.questions[q];
    const type = MULTIPLE.has(q) ? 'checkbox' : 'radio';
    const hint = text.hint ? html`<p class="hint" id="${q}-hint">${text.hint}</p>` : '';
    return html`<fieldset${text.hint ? html` aria-describedby="${q}-hint"` : ''}>
<legend>${text.legend}</legend>
${hint}
${FEEDBACK_ANSWERS[q].map(
  (a) =>
    html`<div class="choice"><input type="${type}" id="${q}-${a}" name="${q}" value="${a}"> <label for="${q}-${a}">${text.answers[a] ?? a}</label></div>`,
)}
</fieldset>`;
  });
  const summary = error
    ? html`<div class="error" role="alert" id="error"><h2>${t.errorTitle}</h2><p>${t.errorNothing}</p></div>`
    : '';
  const body = html`<h1>${t.title}</h1>
${summary}
<p>${t.intro}</p>
<p>${t.anonymous}</p>
<p>${t.optional}</p>
<form method="post" action="${feedbackUrl(token, lang)}"${error ? html` aria-describedby="error"` : ''}>
${questions}
<p><button type="submit">${t.submit}</button></p>
</form>`;
  return frame(t, token, error ? `${t.errorTitle}: ${t.title}` : t.title, body);
}

export type NoticeKind = 'thanks' | 'answered' | 'unknown';

export function noticePage(lang: FeedbackLanguage, token: string, kind: NoticeKind): string {
  const t = FEEDBACK_TEXTS[lang];
  const pages: Record<NoticeKind, [string, string]> = {
    thanks: [t.thanksTitle, t.thanksText],
    answered: [t.answeredTitle, t.answeredText],
    unknown: [t.unknownTitle, t.unknownText],
  };
  const [title, text] = pages[kind];
  return frame(t, token, title, html`<h1>${title}</h1><p>${text}</p>`);
}
