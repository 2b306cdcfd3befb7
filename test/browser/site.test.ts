// The docs site in a real browser: Debian's chromium, driven by playwright-core, opening the
// built files from file:// with no server. It builds the docs with `mvc build` for the Nova spec
// (spec/, once spec/versions/2.100.yaml exists) or else the widgets fixture, then walks the site:
// index → version picker → a version page → compare → endpoint history, and saves screenshots.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { main } from '../../src/cli.js';
import { FIXTURE, ROOT } from '../helpers.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

interface Plan {
  readonly spec: string;
  /** The version page to open, and the operations its change list must show. */
  readonly version: string;
  readonly operations: readonly string[];
  /** The compare page's two versions, and an operation one of the changes between them is on. */
  readonly from: string;
  readonly to: string;
  readonly changedBetween: string;
  /** An operation on the endpoint history page, and the version that added it. */
  readonly endpoint: string;
  readonly addedIn: string;
}

const NOVA = fs.existsSync(path.join(ROOT, 'spec/versions/2.100.yaml'));
const TAGS = '/servers/{server_id}/tags';
const PLAN: Plan = NOVA
  ? {
    spec: path.join(ROOT, 'spec'),
    version: '2.26',
    operations: [`GET ${TAGS}`, `PUT ${TAGS}`, `DELETE ${TAGS}`, `GET ${TAGS}/{tag}`, `PUT ${TAGS}/{tag}`, `DELETE ${TAGS}/{tag}`],
    from: '2.25',
    to: '2.53',
    changedBetween: `GET ${TAGS}`,
    endpoint: `GET ${TAGS}`,
    addedIn: '2.26',
  }
  : {
    spec: FIXTURE,
    version: '2.2',
    operations: ['GET /widgets', 'POST /widgets'],
    from: '2.1',
    to: '2.4',
    changedBetween: 'POST /widgets',
    endpoint: 'DELETE /widgets/{widget_id}',
    addedIn: '2.5',
  };

/** The text of an operation heading, as the page shows it: `GET /a`, or `POST /a #b`. */
const headings = (page: Page, scope: string) =>
  page.$$eval(`${scope} .op-group h3`, (hs) => hs.map((h) => (h.textContent ?? '').replace(/\s+/g, ' ').trim()));

test(`the docs site works from file:// (${NOVA ? 'Nova spec' : 'widgets fixture'})`, { timeout: 300_000 }, async (t) => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mvc-site-'));
  const out = path.join(tmp, 'out');
  const code = await main(['build', '--spec', PLAN.spec, '--out', out, '--no-cache']);
  assert.equal(code, 0, 'mvc build succeeds');
  const docs = path.join(out, 'docs');
  for (const f of ['index.html', `${PLAN.version}.html`, 'compare.html', 'endpoints.html', 'changes.js', 'CHANGELOG.md', `versions/${PLAN.version}.md`]) {
    assert.ok(fs.existsSync(path.join(docs, f)), `docs/${f} is written`);
  }

  let browser: Browser | undefined;
  try {
    // No skip: a machine without Debian's chromium fails here (.ci/run installs it).
    assert.ok(fs.existsSync(CHROMIUM), `no chromium at ${CHROMIUM}: apt-get install chromium`);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
    // Nothing but the files themselves: no server, no network.
    await page.route('**/*', (route) => (route.request().url().startsWith('file:') ? route.continue() : (problems.push(`network: ${route.request().url()}`), route.abort())));

    // The index: release groups, every version.
    await page.goto(pathToFileURL(path.join(docs, 'index.html')).href);
    assert.ok((await page.$$('section.release')).length >= 1, 'the index lists releases');
    const listed = await page.$$eval('table.versions td.vcell a', (as) => as.map((a) => a.textContent));
    assert.ok(listed.includes(PLAN.version) && listed.includes(PLAN.from) && listed.includes(PLAN.to));

    // The version picker navigates to the version page.
    await Promise.all([page.waitForURL(`**/${PLAN.version}.html`), page.selectOption('select[data-version-picker]', `${PLAN.version}.html`)]);
    assert.match((await page.textContent('h1')) ?? '', new RegExp(`^\\s*${PLAN.version.replace('.', '\\.')}\\b`));
    const ops = await headings(page, 'section.changes');
    for (const op of PLAN.operations) assert.ok(ops.includes(op), `${PLAN.version} lists changes of ${op}; it lists ${ops.join(', ')}`);
    assert.ok(((await page.textContent('section.description')) ?? '').trim().length > 20, 'the authored description is beside the changes');
    assert.ok((await page.$$('section.changes li.change')).length >= PLAN.operations.length);
    for (const sel of ['a[rel=prev]', 'a[rel=next]', `a[href="../openapi/${PLAN.version}.yaml"]`, `a[href="../openapi/${PLAN.version}.json"]`]) {
      const href = await page.getAttribute(`.version-head ${sel}`, 'href');
      assert.ok(href, `${sel} is on the page`);
      assert.ok(fs.existsSync(path.join(docs, href.split('#')[0]!)), `${sel} → ${href} exists`);
    }
    const shot = path.join(tmp, `version-${PLAN.version}.png`);
    await page.screenshot({ path: shot, fullPage: false });
    t.diagnostic(`screenshot of ${PLAN.version}: ${shot}`);
    console.log(`screenshot: ${shot}`);

    // Compare two versions, client-side, from changes.js.
    await Promise.all([page.waitForURL('**/compare.html*'), page.click('.topnav a[href="compare.html"]')]);
    await page.selectOption('#compare-from', PLAN.from);
    await page.selectOption('#compare-to', PLAN.to);
    const summary = (await page.textContent('#compare-summary')) ?? '';
    const m = new RegExp(`^From ${PLAN.from} up to ${PLAN.to}: (\\d+) changes? in (\\d+) versions?`).exec(summary);
    assert.ok(m, `the summary counts the changes: "${summary}"`);
    const total = Number(m[1]);
    assert.ok(total > 0);
    assert.equal((await page.$$('#compare-result li.change')).length, total, 'every counted change is listed');
    const versionsShown = await page.$$eval('#compare-result .op-group h3 a.vnum', (as) => as.map((a) => a.textContent));
    assert.ok(versionsShown.length > 0 && versionsShown.length <= Number(m[2]));
    assert.ok(!versionsShown.includes(PLAN.from), 'the changes of the first version itself are not part of the comparison');
    await page.check('input[name=group][value=operation]');
    const byOp = await headings(page, '#compare-result');
    assert.ok(byOp.includes(PLAN.changedBetween), `grouped by operation, ${PLAN.changedBetween} is listed: ${byOp.slice(0, 20).join(', ')}`);
    assert.equal((await page.$$('#compare-result li.change')).length, total, 'regrouping keeps every change');
    await page.check('input[name=group][value=version]');
    await page.uncheck('input[name=severity][value=info]');
    const noInfo = await page.$$eval('#compare-result li.change', (lis) => lis.filter((li) => li.classList.contains('sev-info')).length);
    assert.equal(noInfo, 0, 'the severity filter hides info changes');
    await page.check('input[name=severity][value=info]');
    await page.click('#compare-swap');
    assert.match((await page.textContent('#compare-summary')) ?? '', new RegExp(`^From ${PLAN.to} down to ${PLAN.from}, undoing: ${total} change`));
    await page.click('#compare-swap');
    const compareShot = path.join(tmp, `compare-${PLAN.from}-${PLAN.to}.png`);
    await page.screenshot({ path: compareShot });
    t.diagnostic(`screenshot of compare: ${compareShot}`);
    console.log(`screenshot: ${compareShot}`);

    // The comparison survives a reload through its #from..to hash.
    await page.reload();
    assert.equal(await page.inputValue('#compare-from'), PLAN.from);
    assert.equal(await page.inputValue('#compare-to'), PLAN.to);

    // Endpoint history.
    await Promise.all([page.waitForURL('**/endpoints.html'), page.click('.topnav a[href="endpoints.html"]')]);
    const row = page.locator(`tr.endpoint[data-operation="${PLAN.endpoint}"]`);
    assert.equal(await row.locator('a.ev.added').textContent(), PLAN.addedIn);
    await page.fill('#endpoint-filter', PLAN.endpoint.split(' ')[1]!);
    assert.ok(await row.isVisible(), 'the filter keeps the matching operation');
    const visible = await page.$$eval('tr.endpoint', (rows) => rows.filter((r) => !(r as HTMLElement).hidden).length);
    const all = await page.$$eval('tr.endpoint', (rows) => rows.length);
    assert.ok(visible >= 1 && visible < all, `the filter narrows the list (${visible} of ${all})`);

    assert.deepEqual(problems, [], 'no script errors and no network requests');
  } finally {
    await browser?.close();
  }
});
