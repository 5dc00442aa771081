// A contact who asked to stop: the page says so, and offers no draft and no outcome buttons.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newPage, login, users, apiAs, queueItems } from './helpers.mjs';

let browser, stopped;
before(async () => {
  browser = await launch();
  const admin = await apiAs(users.admin);
  stopped = await queueItems(admin, 'status=do_not_contact');
  await admin.dispose();
});
after(async () => { await browser?.close(); });

test('a stopped contact shows the stop notice and no callback draft', async () => {
  assert.ok(stopped.length >= 1, 'the sample week has a contact who asked to stop');
  const page = await newPage(browser);
  await login(page, users.office);
  for (const item of stopped.slice(0, 3)) {
    const res = await page.goto(`/o/${item.id}`);
    assert.equal(res.status(), 200);
    assert.equal((await page.locator('#status').textContent()).trim(), 'do_not_contact');
    const notice = page.locator('#stop-notice');
    assert.ok(await notice.isVisible(), `${item.id}: the stop notice is shown`);
    assert.match(await notice.textContent(), /Do not contact/);
    assert.match(await notice.textContent(), /Asked to stop/);
    assert.equal(await page.locator('#draft-text').count(), 0, `${item.id}: no draft text`);
    assert.equal(await page.locator('button.copy').count(), 0, `${item.id}: no copy button`);
    assert.equal(await page.locator('button[name=outcome]').count(), 0, `${item.id}: no outcome buttons`);
    // An office user may not lift a stop: only an admin can.
    assert.equal(await page.locator('form[action$="/lift-stop"]').count(), 0, `${item.id}: no lift-stop form for office`);
  }
  await page.goto('/?status=do_not_contact');
  for (const item of stopped)
    assert.equal(await page.locator(`li.card[data-id="${item.id}"]`).getAttribute('data-status'), 'do_not_contact');

  // The admin sees the lift-stop form, and still no draft.
  const admin = await newPage(browser);
  await login(admin, users.admin);
  await admin.goto(`/o/${stopped[0].id}`);
  assert.equal(await admin.locator('#stop-notice form[action$="/lift-stop"]').count(), 1);
  assert.equal(await admin.locator('#draft-text').count(), 0);
  await page.context().close();
  await admin.context().close();
});
