// A person's calendar subscription follows the board: work a webhook gives them is in their
// feed at the next poll, as an event ending at the deadline.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baseURL, publicURL, postTwilioOk, signIn, cardsOf } from './helpers.mjs';

test('a missed call shows in its owner\'s calendar feed', async () => {
  const api = await signIn();
  await postTwilioOk('/hooks/twilio/voice', { CallSid: 'CA' + '3d'.repeat(16), From: '+15125550730',
                                              To: '+15125550100', Direction: 'inbound', CallStatus: 'no-answer',
                                              CallDuration: '0' });
  const [card] = await cardsOf(api, '(512) 555-0730');
  assert.ok(card?.owner, 'the missed call has an owner');
  const made = await api.post('/api/calendar-feeds', { person: card.owner });
  assert.equal(made.status, 200);
  const { url } = await made.json();
  assert.ok(url.startsWith(`${publicURL}/ical/`), url);
  const feed = await fetch(url.replace(publicURL, baseURL));
  assert.equal(feed.status, 200);
  assert.match(feed.headers.get('content-type'), /^text\/calendar/);
  const text = await feed.text();
  const event = text.split('BEGIN:VEVENT').find((e) => e.includes(`UID:${card.id}@`));
  assert.ok(event, 'the call is an event of the owner\'s calendar');
  assert.match(event, /DTEND:\d{8}T\d{6}Z/);
  // A later missed call goes to the same person (missed calls without words go to the
  // dispatcher) and is in the same feed without a new link.
  await postTwilioOk('/hooks/twilio/voice', { CallSid: 'CA' + '3e'.repeat(16), From: '+15125550731',
                                              To: '+15125550100', Direction: 'inbound', CallStatus: 'busy',
                                              CallDuration: '0' });
  const [second] = await cardsOf(api, '(512) 555-0731');
  assert.equal(second.owner, card.owner);
  assert.match(await (await fetch(url.replace(publicURL, baseURL))).text(), new RegExp(`UID:${second.id}@`));
  assert.equal((await api.post('/api/calendar-feeds/revoke', { person: card.owner })).status, 200);
  assert.equal((await fetch(url.replace(publicURL, baseURL))).status, 404, 'a revoked link shows nothing');
});
