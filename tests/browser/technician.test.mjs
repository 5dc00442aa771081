// A technician sees only their own work and is turned away from everyone else's.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newPage, login, users, apiAs, queueItems, screenshot, expectNoSeriousA11yViolations } from './helpers.mjs';

let browser, items, others;
before(async () => {
  browser = await launch();
  const admin = await apiAs(users.admin);
  items = await queueItems(admin);
  // Someone else's work that Jake is not the backup on either.
  others = [];
  for (const item of items.filter((i) => i.owner && i.owner !== users.tech.person)) {
    const detail = await admin.get(`/api/opportunities/${item.id}`);
    if (detail.backup_owner !== users.tech.person) others.push(item);
    if (others.length >= 2) break;
  }
  await admin.dispose();
});
after(async () => { await browser?.close(); });

test('technician board shows only Jake Turner\'s work', async () => {
  const jakes = items.filter((i) => i.owner === users.tech.person);
  assert.ok(jakes.length >= 1, 'the sample week gives Jake Turner some work');
  const page = await newPage(browser);
  await login(page, users.tech);
  await page.locator('header .who').getByText('Jake Turner').waitFor();
  assert.equal(await page.locator('.filters select[name=owner]').count(), 0, 'no owner filter for a technician');

  for (const query of ['/', '/?status=all', `/?status=all&owner=${encodeURIComponent('Dana Brooks')}`]) {
    await page.goto(query);
    const owners = await page.locator('section.group').evaluateAll((all) => all.map((g) => g.dataset.owner));
    assert.ok(owners.every((o) => o === users.tech.person), `${query}: groups ${owners.join(', ')}`);
    const ids = await page.locator('li.card').evaluateAll((all) => all.map((c) => c.dataset.id));
    for (const id of ids) {
      const item = items.find((i) => i.id === id);
      assert.equal(item?.owner, users.tech.person, `${query}: card ${id} belongs to ${item?.owner}`);
    }
    if (query === '/?status=all')
      assert.deepEqual([...ids].sort(), jakes.map((i) => i.id).sort(), 'every one of Jake\'s items, all statuses');
  }

  // Nav offers only what a technician may use.
  const nav = await page.locator('header nav a').allTextContents();
  for (const hidden of ['Import', 'Weekly review', 'Settings']) assert.ok(!nav.includes(hidden), `nav shows ${hidden}`);

  // His own item opens.
  const own = await page.goto(`/o/${jakes[0].id}`);
  assert.equal(own.status(), 200);
  assert.equal((await page.locator('#owner').textContent()).trim(), users.tech.person);
  await page.context().close();
});

test('technician gets 403 on someone else\'s item, /settings, /review and /import', async () => {
  assert.ok(others.length >= 1, 'the sample week has work of other people');
  const page = await newPage(browser);
  await login(page, users.tech);
  for (const path of [`/o/${others[0].id}`, '/settings', '/review', '/import']) {
    const res = await page.goto(path);
    assert.equal(res.status(), 403, `${path} answers ${res.status()}`);
    assert.match(await page.locator('h1').textContent(), /403/, `${path} says 403`);
    assert.equal(await page.locator('#draft-text, #settings, textarea#config').count(), 0, `${path} shows nothing of the page`);
  }
  await screenshot(page, 'technician-403');
  await expectNoSeriousA11yViolations(page, 'the 403 page');
  await page.context().close();
});
