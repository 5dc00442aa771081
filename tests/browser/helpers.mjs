// Shared helpers of the browser tests (tests/browser/*.test.mjs), run by tests/browser/run,
// which starts `ringback serve` on the sample week and sets the environment read here.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const modules = path.join(root, 'web/node_modules');
const { chromium, request } = await import(path.join(modules, 'playwright-core/index.mjs'));

function need(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the browser tests with tests/browser/run`);
  return value;
}

export const baseURL = need('RINGBACK_URL');
export const artifacts = process.env.RINGBACK_ARTIFACTS || path.join(root, 'out/browser-artifacts');
export const users = {
  admin: { login: process.env.RINGBACK_ADMIN_LOGIN || 'admin', password: need('RINGBACK_ADMIN_PASSWORD'), person: 'Maria Alvarez' },
  office: { login: process.env.RINGBACK_OFFICE_LOGIN || 'dana', password: need('RINGBACK_OFFICE_PASSWORD'), person: 'Dana Brooks' },
  tech: { login: process.env.RINGBACK_TECH_LOGIN || 'jake', password: need('RINGBACK_TECH_PASSWORD'), person: 'Jake Turner' },
};
export const viewports = {
  phone: { width: 390, height: 844 },
  desktop: { width: 1280, height: 800 },
};

// Chromium on a closed network: no background traffic, no sandbox (containers), no GPU.
// Playwright gives every launch a fresh, empty profile directory (--user-data-dir).
const chromiumArgs = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export async function launch() {
  return chromium.launch({
    executablePath: process.env.RINGBACK_CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: chromiumArgs,
    timeout: 60_000,
  });
}

// A fresh browser context (own cookies) that fails the test on a page error.
export async function newPage(browser, { viewport = viewports.desktop } = {}) {
  const context = await browser.newContext({ baseURL, viewport });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(String(e)));
  // Console errors of the page and its frames: blocked by the CSP, failed loads (not the favicon).
  page.consoleErrors = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && !/favicon/.test(m.location()?.url ?? '')) page.consoleErrors.push(`${m.text()} (${m.location()?.url})`);
  });
  return page;
}

// Signs in through the form, as a person would, and waits for the board (or `next`).
export async function login(page, user) {
  await page.goto('/login');
  await page.fill('#login', user.login);
  await page.fill('#password', user.password);
  await Promise.all([
    page.waitForURL((url) => url.pathname !== '/login'),
    page.getByRole('button', { name: 'Sign in' }).click(),
  ]);
}

// A JSON API client signed in as `user` (its own cookie jar), for finding ids to test with.
export async function apiAs(user) {
  const api = await request.newContext({ baseURL });
  const res = await api.post('/api/login', { data: { login: user.login, password: user.password } });
  assert.equal(res.status(), 200, `API sign-in as ${user.login}: ${await res.text()}`);
  const { csrf_token: csrf } = await res.json();
  return {
    csrf,
    async get(url) {
      const r = await api.get(url);
      assert.equal(r.status(), 200, `GET ${url}: ${r.status()} ${await r.text()}`);
      return r.json();
    },
    dispose: () => api.dispose(),
  };
}

// Every item of the queue the API user sees (all statuses), flattened.
export async function queueItems(api, query = 'status=all') {
  const queue = await api.get(`/api/queue?${query}`);
  return queue.groups.flatMap((g) => g.items.map((item) => ({ ...item, owner: item.owner ?? g.owner })));
}

export async function screenshot(page, name) {
  fs.mkdirSync(artifacts, { recursive: true });
  const file = path.join(artifacts, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

const axeSource = fs.readFileSync(path.join(modules, 'axe-core/axe.min.js'), 'utf8');

// Runs axe-core (WCAG 2.0/2.1 A and AA rules) on the page (or frame); returns the serious and
// critical violations, each formatted for a failure message.
// axe.min.js is evaluated through the DevTools protocol: page.addScriptTag would add an inline
// <script>, which the app's Content-Security-Policy (rightly) blocks.
export async function axeViolations(page) {
  if (!(await page.evaluate(() => typeof window.axe !== 'undefined'))) await page.evaluate(axeSource);
  const result = await page.evaluate(() =>
    window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'], resultTypes: ['violations'] }));
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `  ${v.id} (${v.impact}): ${v.help} — ${v.helpUrl}\n` +
      v.nodes.slice(0, 8).map((n) => `      at ${n.target.join(' ')}: ${n.failureSummary.replace(/\s+/g, ' ')}`).join('\n'));
}

export async function expectNoSeriousA11yViolations(page, label) {
  const found = await axeViolations(page);
  if (found.length) assert.fail(`${label} (${page.url()}): serious or critical accessibility violations:\n${found.join('\n')}`);
}

// The page fits the viewport: no sideways scrolling.
export async function expectNoHorizontalScroll(page, label) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth,
  }));
  assert.ok(scrollWidth <= innerWidth + 1, `${label}: the page scrolls sideways (${scrollWidth}px wide in a ${innerWidth}px window)`);
}
