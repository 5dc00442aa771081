// Signing in and out: a wrong password, signing out, and the sign-in form by keyboard alone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newPage, login, users, screenshot, expectNoSeriousA11yViolations } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('a wrong password shows an error and stays signed out', async () => {
  const page = await newPage(browser);
  await page.goto('/login');
  await page.fill('#login', users.office.login);
  await page.fill('#password', 'not the password');
  const [res] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/login'),
    page.getByRole('button', { name: 'Sign in' }).click(),
  ]);
  assert.equal(res.status(), 401);
  const error = page.locator('p.error');
  await error.waitFor();
  assert.match(await error.textContent(), /Wrong login or password/);
  assert.equal(await page.inputValue('#login'), users.office.login, 'the login is kept');
  assert.equal(await page.inputValue('#password'), '', 'the password is not echoed back');
  await screenshot(page, 'login-error');
  await expectNoSeriousA11yViolations(page, 'sign-in error page');
  const board = await page.goto('/');
  assert.equal(new URL(page.url()).pathname, '/login', `still signed out (board answered ${board.status()})`);
  await page.context().close();
});

test('signing out returns to the sign-in page', async () => {
  const page = await newPage(browser);
  await login(page, users.office);
  await Promise.all([
    page.waitForURL((url) => url.pathname === '/login'),
    page.getByRole('button', { name: 'Sign out' }).click(),
  ]);
  assert.match(await page.locator('.flash').textContent(), /Signed out/);
  await page.locator('#login').waitFor();
  await page.goto('/');
  assert.equal(new URL(page.url()).pathname, '/login', 'the board asks to sign in again');
  assert.equal(new URL(page.url()).searchParams.get('next'), '/');
  await page.context().close();
});

test('the sign-in form works by keyboard: Tab through login, password, button; Enter submits', async () => {
  const page = await newPage(browser);
  await page.goto('/login?next=/plan');
  const focused = () => page.evaluate(() => {
    const e = document.activeElement;
    return e?.id || (e?.tagName === 'BUTTON' ? `button:${e.textContent.trim()}` : e?.tagName.toLowerCase());
  });
  const order = [];
  for (let i = 0; i < 8 && !order.includes('button:Sign in'); ++i) {
    await page.keyboard.press('Tab');
    const now = await focused();
    order.push(now);
    if (now === 'login') await page.keyboard.type(users.office.login);
    if (now === 'password') await page.keyboard.type(users.office.password);
  }
  const at = (name) => order.indexOf(name);
  assert.ok(at('login') >= 0 && at('login') < at('password') && at('password') < at('button:Sign in'),
    `Tab order: ${order.join(' → ')}`);
  // The focused control shows where the keyboard is.
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notEqual(outline, 'none', 'the focused button has a visible outline');
  await Promise.all([page.waitForURL((url) => url.pathname === '/plan'), page.keyboard.press('Enter')]);
  await page.locator('header .who').getByText('Dana Brooks').waitFor();

  // Enter in the password field submits too.
  const second = await newPage(browser);
  await second.goto('/login');
  await second.locator('#login').focus();
  await second.keyboard.type(users.office.login);
  await second.keyboard.press('Tab');
  await second.keyboard.type(users.office.password);
  await Promise.all([second.waitForURL((url) => url.pathname === '/'), second.keyboard.press('Enter')]);
  await page.context().close();
  await second.context().close();
});
