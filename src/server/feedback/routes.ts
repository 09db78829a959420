import type { FastifyInstance, FastifyReply } from 'fastify';
import { parseFeedback } from '../../shared/codes/feedback.ts';
import { PUBLIC_CSP } from '../directory/site.ts';
import { FEEDBACK_CSS, FEEDBACK_CSS_ETAG } from './assets.ts';
import { formPage, noticePage } from './page.ts';
import type { FeedbackLanguage } from './texts.ts';
import { answerFeedback, tokenState } from './tokens.ts';

type Params = { token: string };

function sendHtml(reply: FastifyReply, status: number, body: string, lang: FeedbackLanguage) {
  return reply
    .status(status)
    .header('Content-Security-Policy', PUBLIC_CSP)
    .header('Cache-Control', 'no-store')
    .header('Content-Language', lang)
    .type('text/html; charset=utf-8')
    .send(body);
}

/** `a=1&b=2&b=3` → { a: '1', b: ['2', '3'] } */
function parseForm(text: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of new URLSearchParams(text)) {
    const had = out[k];
    out[k] = had === undefined ? v : Array.isArray(had) ? [...had, v] : [had, v];
  }
  return out;
}

/**
 * The women's anonymous feedback form, outside the API: /parere/<token> (Italian) and
 * /parere/<token>/en. No session is read, no cookie set, no script; a plain HTML form posts back.
 */
export function registerFeedbackPages(root: FastifyInstance): void {
  root.register(async (app) => {
    app.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: 4096 },
      (_req, body, done) => done(null, parseForm(String(body))),
    );
    const config = { auth: 'public' as const, rateLimit: { max: 60, timeWindow: '1 minute' } };
    const opts = { config, schema: { hide: true } };

    for (const lang of ['it', 'en'] as const) {
      const path = lang === 'it' ? '/parere/:token' : '/parere/:token/en';
      app.get<{ Params: Params }>(path, opts, async (req, reply) => {
        const { token } = req.params;
        const state = await req.inContext(({ tx }) => tokenState(tx, token));
        if (state === 'open') return sendHtml(reply, 200, formPage(lang, token), lang);
        return sendHtml(reply, state === 'answered' ? 200 : 404, noticePage(lang, token, state), lang);
      });
      app.post<{ Params: Params; Body: Record<string, unknown> }>(path, opts, async (req, reply) => {
        const { token } = req.params;
        const pairs = parseFeedback(req.body && typeof req.body === 'object' ? req.body : {});
        if (!pairs) {
          const state = await req.inContext(({ tx }) => tokenState(tx, token));
          if (state !== 'open')
            return sendHtml(reply, state === 'answered' ? 409 : 404, noticePage(lang, token, state), lang);
          return sendHtml(reply, 400, formPage(lang, token, true), lang);
        }
        const result = await req.inContext(({ tx }) => answerFeedback(tx, token, pairs));
        if (result === 'saved') return sendHtml(reply, 200, noticePage(lang, token, 'thanks'), lang);
        return sendHtml(reply, result === 'answered' ? 409 : 404, noticePage(lang, token, result), lang);
      });
    }
    app.get('/parere-static/parere.css', opts, async (_req, reply) =>
      reply
        .header('Content-Security-Policy', PUBLIC_CSP)
        .header('Cache-Control', 'public, max-age=31536000, immutable')
        .header('ETag', FEEDBACK_CSS_ETAG)
        .type('text/css; charset=utf-8')
        .send(FEEDBACK_CSS),
    );
  });
}
