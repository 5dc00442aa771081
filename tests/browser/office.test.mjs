// An office user works the queue: the sample week's board, one item, an outcome, the board again.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newPage, login, users, screenshot, baseURL } from './helpers.mjs';

const roster = ['Maria Alvarez', 'Dana Brooks', 'Tom Nguyen', 'Rick Hollis', 'Priya Shah', 'Luis Mendez', 'Jake Turner'];
let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('office user sees the queue, records "reached" on an item and sees the board change', async () => {
  const page = await newPage(browser);
  await login(page, users.office);
  assert.equal(new URL(page.url()).pathname, '/');
  assert.equal(await page.locator('h1').textContent(), 'Callback board');
  await page.locator('header .who').getByText('Dana Brooks').waitFor();

  // The sample week's queue: groups by owner, each with a heading and cards.
  const groups = page.locator('section.group');
  assert.ok(await groups.count() >= 2, 'the board shows several owners\' groups');
  for (const owner of await groups.evaluateAll((all) => all.map((g) => g.dataset.owner))) {
    assert.ok(roster.includes(owner) || owner === 'No owner', `group of an unknown owner: ${owner}`);
    const group = page.locator(`section.group[data-owner="${owner}"]`);
    assert.match(await group.locator('h2').textContent(), new RegExp(owner));
    assert.ok(await group.locator('li.card').count() >= 1, `${owner}'s group has cards`);
  }
  const waiting = await page.locator('li.card').evaluateAll((all) => all.map((c) => ({ id: c.dataset.id, status: c.dataset.status })));
  assert.ok(waiting.length >= 5, `the sample week has work waiting (${waiting.length} cards)`);
  for (const c of waiting) assert.ok(['open', 'overdue', 'attempted'].includes(c.status), `${c.id} is ${c.status}, not waiting`);
  assert.ok(await page.locator('li.card.overdue').count() >= 1, 'Monday 8:00 after the sample week: something is overdue');

  // Open an item that is still waiting for a first callback.
  const target = waiting.find((c) => c.status === 'overdue') ?? waiting.find((c) => c.status === 'open');
  assert.ok(target, 'an open or overdue item on the board');
  await Promise.all([page.waitForURL(`**/o/${target.id}`), page.locator(`li.card[data-id="${target.id}"] a`).click()]);
  assert.equal((await page.locator('#status').textContent()).trim(), target.status);
  assert.ok(await page.locator('#owner').textContent());
  await screenshot(page, 'office-opportunity-before');

  // The callback draft: read-only text and a Copy button that says it copied.
  const draft = page.locator('#draft-text');
  assert.equal(await draft.count(), 1, `${target.id} has a callback draft`);
  const text = await draft.inputValue();
  assert.ok(text.length > 20, 'the draft has text');
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
  await page.locator('button.copy').click();
  await page.locator('.copied').getByText('Copied.').waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), text, 'the clipboard holds the draft');

  // Record that the caller was reached.
  await Promise.all([
    // The form posts, then the server redirects back to the same page (303).
    page.waitForResponse((r) => r.request().method() === 'GET' && new URL(r.url()).pathname === `/o/${target.id}`),
    page.locator('button[name=outcome][value=reached]').click(),
  ]);
  const flash = page.locator('.flash');
  await flash.waitFor();
  assert.match(await flash.textContent(), /Recorded: reached/);
  assert.equal((await page.locator('#status').textContent()).trim(), 'reached');
  assert.match(await page.locator('ol.timeline').textContent(), /outcome: reached/);
  await screenshot(page, 'office-opportunity-after');

  // Back on the board it no longer waits; with every status shown it is "reached".
  await Promise.all([page.waitForURL((url) => url.pathname === '/'), page.getByRole('link', { name: '← Board' }).click()]);
  await page.locator('section.group').first().waitFor();
  assert.equal(await page.locator(`li.card[data-id="${target.id}"]`).count(), 0, 'a reached item leaves the waiting board');

  // The status filter (htmx swaps the board in place; the URL follows).
  await page.locator('.filters select[name=status]').selectOption('reached');
  const card = page.locator(`li.card[data-id="${target.id}"]`);
  await card.waitFor();
  assert.equal(await card.getAttribute('data-status'), 'reached');
  for (const status of await page.locator('li.card').evaluateAll((all) => all.map((c) => c.dataset.status)))
    assert.equal(status, 'reached');

  await page.goto('/?status=all');
  assert.equal(await page.locator(`li.card[data-id="${target.id}"]`).getAttribute('data-status'), 'reached');
  assert.deepEqual(page.errors, [], 'no script errors');
  await page.context().close();
});
