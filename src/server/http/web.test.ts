/** The static UI: pre-compressed copies with Content-Encoding, a year for hashed assets, index.html revalidated. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gzipSync } from 'node:zlib';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { IMMUTABLE, REVALIDATE, serveWeb } from './web.ts';

const SCRIPT = `console.log(${JSON.stringify('x'.repeat(2000))});`;
const INDEX = '<!doctype html><html lang="it"><title>Percorsi</title><div id="root"></div></html>';
let dir: string;
let app: FastifyInstance;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'percorsi-web-'));
  mkdirSync(path.join(dir, 'assets'));
  const put = (name: string, body: string) => {
    writeFileSync(path.join(dir, name), body);
    writeFileSync(path.join(dir, `${name}.br`), brotliCompressSync(body));
    writeFileSync(path.join(dir, `${name}.gz`), gzipSync(body));
  };
  put('assets/index-abc123.js', SCRIPT);
  put('index.html', INDEX);
  app = Fastify();
  await serveWeb(app, dir);
  await app.ready();
});
afterAll(async () => {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('static UI', () => {
  test('a hashed asset: Brotli when accepted, cached for a year, immutable', async () => {
    const res = await app.inject({ url: '/assets/index-abc123.js', headers: { 'accept-encoding': 'gzip, br' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['cache-control']).toBe(IMMUTABLE);
    expect(brotliDecompressSync(res.rawPayload).toString()).toBe(SCRIPT);
  });

  test('gzip for a client without Brotli; the plain file for one without either', async () => {
    const gz = await app.inject({ url: '/assets/index-abc123.js', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    const plain = await app.inject({ url: '/assets/index-abc123.js', headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(SCRIPT);
  });

  test('index.html and the client-side routes are revalidated on every load', async () => {
    for (const url of ['/', '/percorsi/123']) {
      const res = await app.inject({ url, headers: { 'accept-encoding': 'identity' } });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe(REVALIDATE);
      expect(res.body, url).toBe(INDEX);
    }
  });

  test('a hashed asset that is not there (an older page asking) is a 404, not the UI', async () => {
    const res = await app.inject({ url: '/assets/index-gone99.css' });
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain(INDEX);
  });

  test('an unknown API path is a JSON 404, not the UI', async () => {
    const res = await app.inject({ url: '/api/v1/nothing' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ code: 'not_found', message: 'Not found' });
  });
});
