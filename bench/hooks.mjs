// Webhook latency of `ringback serve`: N missed calls and N texts from new numbers, each signed
// with Twilio's Node helper library, timed from the POST to its 200 (the signal committed and
// its contact's rows rebuilt) and to the card read back from /api/queue. Results go to
// docs/performance.md ("Live intake").
//
//   node bench/hooks.mjs [--binary build/ringback] [--db AUDIT.db --config COMPANY.toml] [--n 50] [--no-board 1]
//
// --no-board 1 times the 200 only: on a large database each /api/queue read (the whole queue) costs
// far more than the webhook it checks.
//
// Without --db the sample week is audited into a temporary folder. The database is copied,
// never changed. The server runs with --as-of 2026-11-23T08:00.
import { spawn, execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const twilio = createRequire(path.join(root, 'web/package.json'))('twilio');

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, a, i, all) =>
  (a.startsWith('--') ? [...pairs, [a.slice(2), all[i + 1]]] : pairs), []));
const binary = path.resolve(args.binary ?? 'build/ringback');
const n = Number(args.n ?? 50);
const board = !args['no-board'];
const asOf = '2026-11-23T08:00';
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ringback-bench-hooks-'));
const config = args.config ? path.resolve(args.config) : path.join(work, 'company.toml');
const db = path.join(work, 'rb.db');
if (args.db) {
  fs.copyFileSync(path.resolve(args.db), db);
} else {
  fs.copyFileSync(path.join(root, 'config/company.example.toml'), config);
  execFileSync(binary, ['audit', path.join(root, 'examples/sample-week/exports'), '--config', config, '--as-of', asOf,
                        '--db', db, '--out', path.join(work, 'out')], { stdio: 'ignore' });
}
execFileSync(binary, ['user', 'add', 'bench', '--role', 'admin', '--name', 'Maria Alvarez', '--db', db, '--password-stdin'],
             { input: 'bench password 1\n', stdio: ['pipe', 'ignore', 'inherit'] });

const token = crypto.randomBytes(24).toString('hex');
const publicURL = 'https://ringback.example.test';
const startedAt = process.hrtime.bigint();
const server = spawn(binary, ['serve', '--db', db, '--config', config, '--listen', '127.0.0.1:0', '--as-of', asOf,
                              '--public-url', publicURL],
                     { env: { ...process.env, RINGBACK_TWILIO_AUTH_TOKEN: token }, stdio: ['ignore', 'pipe', 'inherit'] });
const ms = (from) => Number(process.hrtime.bigint() - from) / 1e6;
let base = '';
for await (const chunk of server.stdout) {
  const m = String(chunk).match(/listening on (http:\/\/\S+)/);
  if (m) { base = m[1]; break; }
}
const startMs = ms(startedAt);
try {
  const login = await fetch(base + '/api/login', { method: 'POST', headers: { 'Content-Type': 'application/json' },
                                                   body: JSON.stringify({ login: 'bench', password: 'bench password 1' }) });
  const cookie = login.headers.get('set-cookie').split(';')[0];
  const stats = (t) => {
    const s = [...t].sort((a, b) => a - b);
    return `median ${s[Math.floor((s.length - 1) / 2)].toFixed(1)} ms, p90 ${s[Math.floor(0.9 * (s.length - 1))].toFixed(1)} ms, worst ${s.at(-1).toFixed(1)} ms`;
  };
  for (const kind of ['missed call', 'text']) {
    const answer = [], onBoard = [];
    for (let i = 0; i < n; i++) {
      const from = `+1512556${String(kind === 'text' ? 5000 + i : i).padStart(4, '0')}`;
      const [hook, params] = kind === 'text'
        ? ['/hooks/twilio/sms', { MessageSid: `SM${crypto.randomBytes(16).toString('hex')}`, From: from, To: '+15125550100',
                                  Body: 'Hi, our AC stopped cooling, can someone come out today?' }]
        : ['/hooks/twilio/voice', { CallSid: `CA${crypto.randomBytes(16).toString('hex')}`, From: from, To: '+15125550100',
                                    Direction: 'inbound', CallStatus: 'no-answer', CallDuration: '0' }];
      const t0 = process.hrtime.bigint();
      const res = await fetch(base + hook, {
        method: 'POST', body: new URLSearchParams(params).toString(),
        headers: { 'Content-Type': 'application/x-www-form-urlencoded',
                   'X-Twilio-Signature': twilio.getExpectedTwilioSignature(token, publicURL + hook, params) } });
      await res.text();
      if (res.status !== 200) throw new Error(`${hook}: ${res.status}`);
      answer.push(ms(t0));
      if (!board) continue;
      const queue = await (await fetch(base + '/api/queue', { headers: { Cookie: cookie } })).json();
      const digits = from.slice(-4);
      if (!queue.groups.some((g) => g.items.some((c) => c.contact.includes(`556-${digits}`)))) throw new Error(`${from} is not on the board`);
      onBoard.push(ms(t0));
    }
    console.log(`${kind.padEnd(12)} 200 after: ${stats(answer)}` + (board ? `; on the board after: ${stats(onBoard)}` : ''));
  }
  console.log(`server start (open + full rebuild): ${startMs.toFixed(0)} ms`);
} finally {
  server.kill('SIGTERM');
  fs.rmSync(work, { recursive: true, force: true });
}
