// Shared helpers of the webhook tests (tests/hooks/*.test.mjs), run by tests/hooks/run, which
// starts `ringback serve` on the sample week with the Twilio and form secrets in its environment.
// Requests are signed with Twilio's own Node helper library, as Twilio signs them.
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(path.join(root, 'web/package.json'));
export const twilio = require('twilio');

function need(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the webhook tests with tests/hooks/run`);
  return value;
}

export const baseURL = need('RINGBACK_URL');          // where the server listens (http://127.0.0.1:PORT)
export const publicURL = need('RINGBACK_PUBLIC_URL');  // what Twilio requests (behind a TLS proxy)
export const authToken = need('RINGBACK_TWILIO_AUTH_TOKEN');
export const formSecret = need('RINGBACK_FORM_SECRET');
export const binary = need('RINGBACK_BINARY');
export const dbPath = need('RINGBACK_DB');
export const configPath = need('RINGBACK_CONFIG');
export const asOf = need('RINGBACK_AS_OF');
export const admin = { login: need('RINGBACK_ADMIN_LOGIN'), password: need('RINGBACK_ADMIN_PASSWORD') };

const twiml = '<?xml version="1.0" encoding="UTF-8"?><Response/>';

// A form POST as Twilio sends it: the parameters url-encoded, X-Twilio-Signature computed by
// twilio's getExpectedTwilioSignature over `signedUrl` (default: the public URL + path).
export async function postTwilio(pathAndQuery, params, { token = authToken, signedUrl, signature, body } = {}) {
  const url = signedUrl ?? publicURL + pathAndQuery;
  const sig = signature ?? twilio.getExpectedTwilioSignature(token, url, params);
  if (signature === undefined && token === authToken) {
    // The library's own validator agrees with the signature it made (a check of the test itself).
    assert.ok(twilio.validateRequest(authToken, sig, url, params), 'twilio.validateRequest accepts the signature');
  }
  const headers = { 'Content-Type': 'application/x-www-form-urlencoded' };
  if (sig) headers['X-Twilio-Signature'] = sig;
  return fetch(baseURL + pathAndQuery, { method: 'POST', headers, body: body ?? new URLSearchParams(params).toString() });
}

// Posts and checks the answer is Twilio's empty TwiML.
export async function postTwilioOk(pathAndQuery, params, options) {
  const res = await postTwilio(pathAndQuery, params, options);
  const text = await res.text();
  assert.equal(res.status, 200, `${pathAndQuery}: ${text}`);
  assert.match(res.headers.get('content-type'), /^text\/xml/);
  assert.equal(text, twiml);
  return res;
}

export function formSignature(body, secret = formSecret) {
  return 'sha256=' + crypto.createHmac('sha256', secret).update(body).digest('hex');
}

export async function postForm(source, body, { signature, contentType = 'application/json' } = {}) {
  const headers = { 'Content-Type': contentType };
  const sig = signature ?? formSignature(body);
  if (sig) headers['X-Ringback-Signature'] = sig;
  return fetch(`${baseURL}/hooks/form/${source}`, { method: 'POST', headers, body });
}

// A JSON API client signed in as the admin.
export async function signIn() {
  const res = await fetch(baseURL + '/api/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ login: admin.login, password: admin.password }),
  });
  assert.equal(res.status, 200, await res.clone().text());
  const cookie = res.headers.get('set-cookie').split(';')[0];
  const { csrf_token: csrf } = await res.json();
  return {
    async get(p) {
      const r = await fetch(baseURL + p, { headers: { Cookie: cookie } });
      return r;
    },
    async json(p) {
      const r = await this.get(p);
      assert.equal(r.status, 200, `${p}: ${await r.clone().text()}`);
      return r.json();
    },
    async post(p, data) {
      return fetch(baseURL + p, {
        method: 'POST',
        headers: { Cookie: cookie, 'X-CSRF-Token': csrf, 'Content-Type': 'application/json' },
        body: JSON.stringify(data),
      });
    },
  };
}

// Every card of the queue, all statuses.
export async function cards(api) {
  const queue = await api.json('/api/queue?status=all');
  return queue.groups.flatMap((g) => g.items);
}

// The cards of one phone number, as the board shows it ("(512) 555-0701").
export async function cardsOf(api, display) {
  return (await cards(api)).filter((c) => c.contact.includes(display));
}

// The stored queue rows of one contact, read from the database file (WAL: readers never block
// the server), for what no page shows.
export function storedRows(contactKey) {
  const out = execFileSync('sqlite3', ['-readonly', '-json', dbPath,
    `SELECT id, status, owner, draft FROM opportunities WHERE contact_key = '${contactKey.replace(/'/g, "''")}'`]);
  const text = out.toString().trim();
  return text ? JSON.parse(text) : [];
}

// What the hooks kept in rejects (rejects.csv) about one Twilio Sid.
export function storedRejects(sid) {
  const out = execFileSync('sqlite3', ['-readonly', '-json', dbPath,
    `SELECT file, field, reason FROM rejects WHERE reason LIKE '%${sid.replace(/[^A-Za-z0-9]/g, '')}%' ORDER BY rowid`]);
  const text = out.toString().trim();
  return text ? JSON.parse(text) : [];
}

export async function metrics() {
  return (await fetch(baseURL + '/metrics')).text();
}

// The value of one counter line in /metrics, 0 when absent.
export function counter(text, line) {
  const found = text.split('\n').find((l) => l.startsWith(line + ' '));
  return found ? Number(found.slice(line.length + 1)) : 0;
}

// Twilio's Timestamp for a time a few minutes before "now" (the server runs --as-of).
export function twilioTime(date) {
  return date.toUTCString().replace('GMT', '+0000');
}
