// Twilio's webhooks, signed by Twilio's own Node helper library: calls, voicemail words and texts
// reach the board and the API at once; anything not signed by the account's token is refused.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import {
  twilio, authToken, publicURL, postTwilio, postTwilioOk, signIn, cards, cardsOf, storedRows, storedRejects, metrics, counter,
  twilioTime,
} from './helpers.mjs';

const NOW = new Date('2026-11-23T14:00:00Z');  // the server's --as-of (08:00 in Chicago)
const minutesAgo = (m) => twilioTime(new Date(NOW.getTime() - m * 60_000));

let api;
before(async () => { api = await signIn(); });

function call(sid, from, status, extra = {}) {
  return { AccountSid: 'AC' + '0'.repeat(32), ApiVersion: '2010-04-01', CallSid: sid, From: from, To: '+15125550100',
           Direction: 'inbound', CallStatus: status, Called: '+15125550100', Caller: from, ...extra };
}

test('a signed missed call is on the board and in /api/queue with an owner and a deadline', async () => {
  const started = Date.now();
  await postTwilioOk('/hooks/twilio/voice',
    call('CA' + 'a1'.repeat(16), '+15125550701', 'no-answer', { CallDuration: '0', Timestamp: minutesAgo(12) }));
  const mine = await cardsOf(api, '(512) 555-0701');
  const ms = Date.now() - started;
  assert.equal(mine.length, 1, 'one card');
  assert.equal(mine[0].channel, 'call');
  assert.ok(mine[0].owner, 'an owner');
  assert.ok(mine[0].deadline, 'a deadline');
  assert.equal(mine[0].received, 'Mon 11/23 07:48 AM', 'the call began when Twilio says');
  const board = await (await api.get('/')).text();
  assert.match(board, /\(512\) 555-0701/, 'the board page shows it');
  const detail = await api.json(`/api/opportunities/${mine[0].id}`);
  assert.ok(detail.backup_owner, 'a backup');
  assert.ok(detail.draft?.text, 'a callback draft');
  console.log(`# missed call: webhook answered and on the board in ${ms} ms`);
});

test('the transcription becomes the voicemail\'s text and the call is classified again', async () => {
  const sid = 'CA' + 'b2'.repeat(16);
  await postTwilioOk('/hooks/twilio/voice',
    call(sid, '+15125550702', 'completed', { CallDuration: '0', Timestamp: minutesAgo(9) }));
  const [missed] = await cardsOf(api, '(512) 555-0702');
  assert.notEqual(missed.category, 'emergency');
  await postTwilioOk('/hooks/twilio/transcription', {
    ...call(sid, '+15125550702', 'completed'), TranscriptionSid: 'TR' + '1'.repeat(32),
    TranscriptionText: 'Hi, water is pouring through our ceiling into the kitchen, please call us back right away',
    TranscriptionStatus: 'completed', RecordingSid: 'RE' + '1'.repeat(32),
    RecordingUrl: 'https://api.twilio.com/2010-04-01/Accounts/AC/Recordings/RE1',
  });
  const now = await cardsOf(api, '(512) 555-0702');
  assert.equal(now.length, 1, 'the same call: still one card');
  assert.equal(now[0].id, missed.id);
  assert.equal(now[0].channel, 'voicemail');
  assert.equal(now[0].category, 'emergency');
  assert.match(now[0].summary, /ceiling/);
  const detail = await api.json(`/api/opportunities/${now[0].id}`);
  assert.ok(detail.timeline.some((e) => e.kind === 'voicemail' && /pouring through our ceiling/.test(e.detail)));
});

test('a signed text is on the board', async () => {
  await postTwilioOk('/hooks/twilio/sms', {
    MessageSid: 'SM' + 'c3'.repeat(16), SmsSid: 'SM' + 'c3'.repeat(16), AccountSid: 'AC' + '0'.repeat(32),
    From: '+15125550703', To: '+15125550100', Body: 'Hi, can I get a quote for a new roof? Hail damage last week.',
    NumMedia: '0', NumSegments: '1', SmsStatus: 'received', ApiVersion: '2010-04-01',
  });
  const mine = await cardsOf(api, '(512) 555-0703');
  assert.equal(mine.length, 1);
  assert.equal(mine[0].channel, 'sms');
  assert.ok(mine[0].owner);
});

test('one changed byte, another token or no signature is 403, counted, and stores nothing', async () => {
  const params = { MessageSid: 'SM' + 'd4'.repeat(16), From: '+15125550704', To: '+15125550100', Body: 'Gutter quote please' };
  const before = await metrics();
  const signature = twilio.getExpectedTwilioSignature(authToken, publicURL + '/hooks/twilio/sms', params);
  const changedBody = new URLSearchParams({ ...params, Body: 'Gutter quote pleasf' }).toString();
  for (const [what, options] of [
    ['a changed byte in the body', { signature, body: changedBody }],
    ['a changed byte in the signature', { signature: (signature[0] === 'A' ? 'B' : 'A') + signature.slice(1) }],
    ['another account\'s token', { token: 'another-accounts-auth-token' }],
    ['signed for another URL', { signedUrl: publicURL + '/hooks/twilio/voice' }],
    ['no signature', { signature: '' }],
  ]) {
    const res = await postTwilio('/hooks/twilio/sms', params, options);
    assert.equal(res.status, 403, what);
  }
  assert.equal((await cardsOf(api, '(512) 555-0704')).length, 0, 'nothing stored');
  const after = await metrics();
  const delta = (line) => counter(after, line) - counter(before, line);
  assert.equal(delta('ringback_webhooks_total{hook="twilio_sms",result="bad_signature"}'), 4);
  assert.equal(delta('ringback_webhooks_total{hook="twilio_sms",result="unsigned"}'), 1);
  assert.equal(delta('ringback_http_requests_total{route="/hooks/twilio/sms",method="POST",code="403"}'), 5);
});

test('the same MessageSid twice is one card', async () => {
  const params = { MessageSid: 'SM' + 'e5'.repeat(16), From: '+15125550705', To: '+15125550100',
                   Body: 'Our furnace is making a banging noise, can someone take a look this week?' };
  await postTwilioOk('/hooks/twilio/sms', params);
  await postTwilioOk('/hooks/twilio/sms', params);
  assert.equal((await cardsOf(api, '(512) 555-0705')).length, 1);
  assert.equal(storedRows('tel:+15125550705').length, 1);
});

test('STOP leaves that contact no draft anywhere', async () => {
  const from = '+15125550706';
  await postTwilioOk('/hooks/twilio/sms', { MessageSid: 'SM' + 'f6'.repeat(16), From: from, To: '+15125550100',
                                            Body: 'Do you do roof inspections?' });
  await postTwilioOk('/hooks/twilio/voice',
    call('CA' + 'f6'.repeat(16), from, 'no-answer', { CallDuration: '0', Timestamp: minutesAgo(3) }));
  const [open] = await cardsOf(api, '(512) 555-0706');
  const owner = open.owner;
  assert.ok((await api.json(`/api/opportunities/${open.id}`)).draft, 'a draft before the stop');
  await postTwilioOk('/hooks/twilio/sms', { MessageSid: 'SM' + 'f7'.repeat(16), From: from, To: '+15125550100',
                                            Body: 'STOP' });
  const mine = await cardsOf(api, '(512) 555-0706');
  assert.ok(mine.length >= 1);
  for (const c of mine) {
    assert.ok(c.status === 'do_not_contact' || c.status === 'closed', `${c.id}: ${c.status}`);
    assert.equal(c.owner, '', `${c.id}: no owner`);
    const detail = await api.json(`/api/opportunities/${c.id}`);
    assert.equal(detail.draft, undefined, `${c.id}: no draft in the API`);
    assert.ok(detail.stop, `${c.id}: the stop is shown`);
    const page = await (await api.get(`/o/${c.id}`)).text();
    assert.doesNotMatch(page, /id="draft-text"/, `${c.id}: no draft on the page`);
  }
  for (const row of storedRows(`tel:${from}`)) assert.equal(row.draft, '', `${row.id}: no draft stored`);
  // Nor in the calendar of the person who owned the work.
  const made = await api.post('/api/calendar-feeds', { person: owner });
  const { url } = await made.json();
  const feed = await (await fetch(url.replace(publicURL, process.env.RINGBACK_URL))).text();
  for (const c of mine) assert.doesNotMatch(feed, new RegExp(c.id), `${c.id}: not in ${owner}'s calendar`);
});

test('status callbacks late or out of order never move a call backwards', async () => {
  // Missed, then a late "ringing" and "in-progress": still one missed call.
  const missed = 'CA' + '17'.repeat(16);
  await postTwilioOk('/hooks/twilio/voice', call(missed, '+15125550707', 'no-answer',
    { CallDuration: '0', Timestamp: minutesAgo(6), SequenceNumber: '2' }));
  await postTwilioOk('/hooks/twilio/voice', call(missed, '+15125550707', 'ringing',
    { Timestamp: minutesAgo(7), SequenceNumber: '1' }));
  await postTwilioOk('/hooks/twilio/voice', call(missed, '+15125550707', 'in-progress', { SequenceNumber: '1' }));
  const after = await cardsOf(api, '(512) 555-0707');
  assert.equal(after.length, 1);
  assert.ok(['open', 'overdue'].includes(after[0].status), after[0].status);

  // Answered by a person (the forwarded leg), then a stray "no-answer" for the parent: still
  // answered, so no callback card.
  const parent = 'CA' + '18'.repeat(16), leg = 'CA' + '19'.repeat(16);
  await postTwilioOk('/hooks/twilio/voice', { ...call(leg, '+15125550708', 'in-progress'), Direction: 'outbound-dial',
                                              ParentCallSid: parent, To: '+15125550103' });
  await postTwilioOk('/hooks/twilio/voice', call(parent, '+15125550708', 'completed',
    { CallDuration: '184', Timestamp: minutesAgo(1) }));
  await postTwilioOk('/hooks/twilio/voice', call(parent, '+15125550708', 'no-answer', { CallDuration: '0' }));
  assert.equal((await cardsOf(api, '(512) 555-0708')).length, 0, 'an answered call is not a callback to make');

  // Ringing only: nothing to call back yet. Then the terminal status arrives.
  const late = 'CA' + '1a'.repeat(16);
  await postTwilioOk('/hooks/twilio/voice', call(late, '+15125550709', 'ringing', { Timestamp: minutesAgo(2) }));
  assert.equal((await cardsOf(api, '(512) 555-0709')).length, 0);
  await postTwilioOk('/hooks/twilio/voice', call(late, '+15125550709', 'busy', { CallDuration: '0' }));
  assert.equal((await cardsOf(api, '(512) 555-0709')).length, 1);
});

test('the public URL is accepted with and without the default port, and with its query string', async () => {
  const params = (n) => ({ MessageSid: `SM${String(n).repeat(32)}`, From: '+15125550710', To: '+15125550100',
                           Body: `Question ${n} about a quote` });
  const withPort = publicURL.replace(/^(https:\/\/[^/]+)/, '$1:443');
  assert.notEqual(withPort, publicURL);
  await postTwilioOk('/hooks/twilio/sms', params(1), { signedUrl: withPort + '/hooks/twilio/sms' });
  await postTwilioOk('/hooks/twilio/sms', params(2), { signedUrl: publicURL + '/hooks/twilio/sms' });
  await postTwilioOk('/hooks/twilio/sms?office=main&note=O%27Brien', params(3));
  const res = await postTwilio('/hooks/twilio/sms?office=main', params(4),
    { signedUrl: publicURL.replace(/^https:/, 'http:') + '/hooks/twilio/sms?office=main' });
  assert.equal(res.status, 403, 'another scheme is another URL');
  const rows = storedRows('tel:+15125550710');
  assert.equal(rows.length, 3);
});

test('a JSON body is signed through its bodySHA256', async () => {
  const body = JSON.stringify({ MessageSid: 'SM' + '2b'.repeat(16), From: '+15125550711', To: '+15125550100',
                                Body: 'Is anyone available to fix a leaking skylight?' });
  const url = `${publicURL}/hooks/twilio/sms?bodySHA256=${twilio.getExpectedBodyHash(body)}`;
  const signature = twilio.getExpectedTwilioSignature(authToken, url, {});
  assert.ok(twilio.validateRequestWithBody(authToken, signature, url, body));
  const target = url.slice(publicURL.length);
  const post = (b) => fetch(process.env.RINGBACK_URL + target, {
    method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Twilio-Signature': signature }, body: b });
  assert.equal((await post(body.replace('skylight', 'skylighT'))).status, 403, 'one changed byte of the body');
  const res = await post(body);
  assert.equal(res.status, 200, await res.clone().text());
  const mine = await cardsOf(api, '(512) 555-0711');
  assert.equal(mine.length, 1);
  assert.match(mine[0].summary, /skylight/);
});

test('a call from a withheld number is kept with its words, not put on the board', async () => {
  const before = (await cards(api)).length;
  const sid = 'CA' + '2c'.repeat(16);
  await postTwilioOk('/hooks/twilio/voice', call(sid, '+266696687', 'completed', { CallDuration: '0' }));
  await postTwilioOk('/hooks/twilio/transcription', { ...call(sid, '+266696687', 'completed'),
    TranscriptionText: 'This is Carl at 512 555 0712, my AC is out', TranscriptionStatus: 'completed' });
  assert.equal((await cards(api)).length, before);
  const kept = storedRejects(sid);
  assert.equal(kept.length, 2, 'the missed call and then its voicemail, each with the reason');
  assert.match(kept.at(-1).reason, /withheld number.*my AC is out/);
});
