// Every page at one width: a screenshot into the artifacts folder, no script or console
// errors; at desktop width no serious or critical axe-core findings (WCAG 2.0/2.1 A and AA),
// at phone width nothing that scrolls sideways. pages-phone.test.mjs and
// pages-desktop.test.mjs run it at the two widths, side by side. (The sign-in error and the
// 403 page are checked in login.test.mjs and technician.test.mjs.)
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  launch, newPage, login, users, viewports, apiAs, queueItems, screenshot,
  expectNoSeriousA11yViolations, expectNoHorizontalScroll,
} from './helpers.mjs';

let browser, openId, stoppedId;
async function setUp() {
  browser = await launch();
  const admin = await apiAs(users.admin);
  const items = await queueItems(admin);
  // A closed item: the office test changes waiting items as this one runs.
  const open = items.find((i) => i.status === 'closed') ?? items.find((i) => i.status === 'attempted') ?? items.at(-1);
  openId = open.id;
  const detail = await admin.get(`/api/opportunities/${openId}`);
  assert.ok(!detail.stop, `${openId} is not a stopped contact`);
  stoppedId = items.find((i) => i.status === 'do_not_contact')?.id;
  assert.ok(stoppedId, 'the sample week has a stopped contact');
  await admin.dispose();
}

// The pages, once the ids are known (in `before`).
const pages = () => [
  { name: 'board', path: '/' },
  { name: 'board-all', path: '/?status=all' },
  { name: 'opportunity', path: `/o/${openId}`, ready: '#status' },
  { name: 'opportunity-stopped', path: `/o/${stoppedId}`, ready: '#stop-notice' },
  { name: 'import', path: '/import' },
  { name: 'review', path: '/review', ready: 'iframe.report' },
  { name: 'plan', path: '/plan' },
  { name: 'checklists', path: '/checklists' },
  { name: 'calculators', path: '/calculators' },
  { name: 'calculators-result', path: '/calculators?missed=12&booking_rate=0.35&job_value=850&delay=4h' },
  { name: 'settings', path: '/settings', ready: '#config' },
];

export function pageSuite(width) {
  const viewport = viewports[width];
  describe(`pages at ${width} width (${viewport.width}×${viewport.height})`, () => {
    let page;
    before(async () => {
      await setUp();
      page = await newPage(browser, { viewport });
    });
    after(async () => { await browser?.close(); });

    it('login', async () => {
      const res = await page.goto('/login');
      assert.equal(res.status(), 200);
      await screenshot(page, `login-${width}`);
      if (width === 'desktop') await expectNoSeriousA11yViolations(page, `login at ${width} width`);
      else await expectNoHorizontalScroll(page, `login at ${width} width`);
      await login(page, users.admin);
    });

    for (const { name } of pages()) {
      it(name, async (t) => {
        const p = pages().find((x) => x.name === name);
        page.errors.length = page.consoleErrors.length = 0;
        const res = await page.goto(p.path);
        assert.equal(res.status(), 200, `${p.name}: ${res.status()}`);
        await page.locator(p.ready ?? 'main h1').first().waitFor();
        if (p.name === 'review') {
          const frame = page.frameLocator('iframe.report');
          await frame.locator('body').waitFor();
        }
        await screenshot(page, `${p.name}-${width}`);
        // axe once per page, at desktop width (its WCAG A/AA rules do not depend on the width);
        // on a phone, the page must fit.
        if (width === 'desktop') await expectNoSeriousA11yViolations(page, `${p.name} at ${width} width`);
        else await expectNoHorizontalScroll(page, `${p.name} at phone width`);
        assert.deepEqual(page.errors, [], `${p.name}: no script errors`);
        assert.deepEqual(page.consoleErrors, [], `${p.name}: no console errors`);
        // report.html (templates/report.html.mustache) is the audit's own report, framed here.
        if (p.name === 'review' && width === 'desktop') {
          await t.test('the weekly report in the frame', async () => {
            const frame = page.frames().find((f) => f.url().includes('/review/report'));
            assert.ok(frame, 'the report is framed');
            await frame.locator('h1, h2').first().waitFor();
            await expectNoSeriousA11yViolations(frame, 'the framed weekly report');
          });
        }
      });
    }
  });
}
