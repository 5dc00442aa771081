// A signal is committed before the webhook is answered: the server killed (SIGKILL) right after
// the 200 has lost nothing. Runs its own server on a spare copy of the database.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { once } from 'node:events';
import { twilio, authToken, formSecret, publicURL, binary, configPath, asOf } from './helpers.mjs';

const spare = process.env.RINGBACK_SPARE_DB;

async function startServer() {
  const server = spawn(binary, ['serve', '--db', spare, '--config', configPath, '--listen', '127.0.0.1:0',
                                '--as-of', asOf, '--public-url', publicURL],
                       { env: { ...process.env, RINGBACK_TWILIO_AUTH_TOKEN: authToken, RINGBACK_FORM_SECRET: formSecret },
                         stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  for await (const chunk of server.stdout) {
    out += chunk;
    const m = out.match(/listening on (http:\/\/[^\s]+)/);
    if (m) return { server, url: m[1] };
  }
  throw new Error(`the server did not start: ${out}`);
}

test('a text answered 200 survives the server being killed at once', { skip: !spare && 'no spare database' }, async () => {
  const { server, url } = await startServer();
  const exited = once(server, 'exit');
  try {
    const params = { MessageSid: 'SM' + '4f'.repeat(16), From: '+15125550740', To: '+15125550100',
                     Body: 'Water heater is leaking all over the garage floor' };
    const res = await fetch(url + '/hooks/twilio/sms', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded',
                 'X-Twilio-Signature': twilio.getExpectedTwilioSignature(authToken, publicURL + '/hooks/twilio/sms', params) },
      body: new URLSearchParams(params).toString(),
    });
    assert.equal(res.status, 200);
  } finally {
    server.kill('SIGKILL');  // no shutdown, no checkpoint: only what was committed remains
    await exited;
  }
  const queue = JSON.parse(execFileSync(binary, ['queue', '--db', spare, '--config', configPath, '--as-of', asOf, '--json']));
  const rows = Array.isArray(queue) ? queue : queue.rows ?? [];
  assert.ok(rows.some((r) => /555-0740/.test(r.contact)), 'the text\'s opportunity is in the database after the crash');
});
