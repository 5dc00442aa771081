// The website form hook: the raw body signed with HMAC-SHA256 (X-Ringback-Signature), the fields
// read like a form export's columns, the card on the board at once.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { postForm, formSignature, signIn, cardsOf, metrics, counter } from './helpers.mjs';

let api;
before(async () => { api = await signIn(); });

test('a signed JSON form is a card with the lead source and the words', async () => {
  const body = JSON.stringify({ name: 'Rosa Delgado', phone: '(512) 555-0720', email: 'rosa@example.org',
                                service: 'Roof repair', message: 'Shingles blew off in the storm, water spots on the ceiling',
                                utm_source: 'google', utm_medium: 'cpc' });
  const res = await postForm('website', body);
  const answer = await res.json();
  assert.equal(res.status, 200, JSON.stringify(answer));
  assert.equal(answer.ok, true);
  assert.equal(answer.duplicate, false);
  const mine = await cardsOf(api, '(512) 555-0720');
  assert.equal(mine.length, 1);
  assert.equal(mine[0].channel, 'form');
  assert.ok(answer.opportunities.includes(mine[0].id));
  const detail = await api.json(`/api/opportunities/${mine[0].id}`);
  assert.match(detail.contact, /Rosa Delgado/);
  assert.ok(detail.timeline.some((e) => /Shingles blew off/.test(e.detail)));
  // The website sends it again (a retry): one signal.
  const again = await (await postForm('website', body)).json();
  assert.equal(again.duplicate, true);
  assert.equal((await cardsOf(api, '(512) 555-0720')).length, 1);
});

test('a form-encoded form with the site\'s own field names is read from its values', async () => {
  const body = new URLSearchParams({ 'input_1.3': 'Ken', 'input_1.6': 'Watts', input_2: 'ken.watts@example.net',
                                     input_3: '512.555.0721', input_4: 'Need our AC serviced before summer' }).toString();
  const res = await postForm('quote-request', body, { contentType: 'application/x-www-form-urlencoded' });
  assert.equal(res.status, 200, await res.clone().text());
  assert.equal((await cardsOf(api, '(512) 555-0721')).length, 1);
});

test('a wrong or missing signature is 403 and counted; unusable fields are 422', async () => {
  const body = JSON.stringify({ name: 'Nope', phone: '512-555-0722', message: 'hello' });
  const before = await metrics();
  assert.equal((await postForm('website', body, { signature: formSignature(body, 'not-the-secret') })).status, 403);
  assert.equal((await postForm('website', body, { signature: formSignature(body + ' ') })).status, 403);
  assert.equal((await postForm('website', body, { signature: '' })).status, 403);
  const after = await metrics();
  assert.equal(counter(after, 'ringback_webhooks_total{hook="form",result="bad_signature"}') -
               counter(before, 'ringback_webhooks_total{hook="form",result="bad_signature"}'), 2);
  assert.equal(counter(after, 'ringback_webhooks_total{hook="form",result="unsigned"}') -
               counter(before, 'ringback_webhooks_total{hook="form",result="unsigned"}'), 1);
  assert.equal((await cardsOf(api, '(512) 555-0722')).length, 0);
  const unusable = await postForm('website', JSON.stringify({ name: 'Ana', message: 'call me back' }));
  assert.equal(unusable.status, 422);
  assert.ok((await unusable.json()).error);
  assert.equal((await postForm('website', '{"a": [1, 2', {})).status, 400);
  assert.equal((await postForm('website', 'name=x', { contentType: 'text/plain' })).status, 415);
});
