// The office's tools by keyboard: ticking a checklist item or a plan day swaps the list in place
// (htmx); the focus stays on the button, which now says it is pressed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newPage, login, users } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function tickByKeyboard(page, button) {
  const id = await button.getAttribute('id');
  assert.ok(id, 'the tick button has an id, so htmx can give it the focus back after the swap');
  assert.equal(await button.getAttribute('aria-pressed'), 'false');
  const described = await button.getAttribute('aria-describedby');
  assert.ok((await page.locator(`[id="${described}"]`).textContent()).trim().length > 10, 'the button is described by its item');
  await button.focus();
  await page.keyboard.press('Enter');
  const after = page.locator(`[id="${id}"]`);
  await page.waitForFunction((i) => document.getElementById(i)?.getAttribute('aria-pressed') === 'true', id);
  assert.match(await after.textContent(), /Done/);
  assert.equal(await page.evaluate(() => document.activeElement?.id), id, 'the focus stays on the button');
  return id;
}

test('a checklist item and a plan day are ticked by keyboard, and stay ticked', async () => {
  const page = await newPage(browser);
  await login(page, users.office);

  await page.goto('/checklists');
  const url = page.url();
  const id = await tickByKeyboard(page, page.locator('#list-profile button[aria-pressed=false]').first());
  assert.equal(page.url(), url, 'swapped in place: no page load');
  assert.match(await page.locator('#h-profile .count').textContent(), /^[1-9]\d*\//);
  await page.reload();
  assert.equal(await page.locator(`[id="${id}"]`).getAttribute('aria-pressed'), 'true', 'saved');
  // Who ticked it (the stored actor is the login, "dana"; the outcomes store the roster name).
  assert.match(await page.locator(`[id="${id}"]`).locator('xpath=..').textContent(), /\((dana|Dana Brooks), /);

  await page.goto('/plan');
  const day = await tickByKeyboard(page, page.locator('#plan button[aria-pressed=false]').last());
  assert.match(await page.locator('#progress-h').textContent(), /Progress: [1-7] of 7 days/);
  await page.reload();
  assert.equal(await page.locator(`[id="${day}"]`).getAttribute('aria-pressed'), 'true', 'saved');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
