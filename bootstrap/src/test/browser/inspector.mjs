// Drives the system Chromium, headless, through serve's decision inspector. InspectorBrowserIT
// starts serve, sends the requests, and runs this with the path of a JSON file that says what to
// expect. Every check prints "ok: ..."; the first that fails prints "FAILED: ..." and exits 1.
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';

const config = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const WAIT_MILLIS = 20000;

function check(condition, what) {
  if (!condition) {
    throw new Error(what);
  }
  console.log('ok: ' + what);
}

async function rows(page) {
  return page.$$eval('#calls tbody tr', (trs) => trs.map((tr) => ({
    id: tr.dataset.id,
    path: tr.cells[2].textContent,
    status: Number(tr.dataset.status),
  })));
}

// Waits until the list shows a row for this path with this status, and returns it.
async function row(page, path, status) {
  const deadline = Date.now() + WAIT_MILLIS;
  while (Date.now() < deadline) {
    const found = (await rows(page)).find((r) => r.path === path && r.status === status);
    if (found) return found;
    await page.waitForTimeout(200);
  }
  throw new Error('no row for ' + path + ' with status ' + status + ' in ' +
    JSON.stringify(await rows(page)));
}

async function open(page, found) {
  await page.click('#calls tbody tr[data-id="' + found.id + '"]');
  await page.waitForFunction(
    (id) => location.hash === '#' + id && !document.getElementById('detail').hidden,
    found.id, { timeout: WAIT_MILLIS });
}

const browser = await chromium.launch({
  executablePath: config.chromium,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
  timeout: WAIT_MILLIS,
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const problems = [];
  const foreign = [];
  page.on('pageerror', (e) => problems.push('page error: ' + e.message));
  page.on('dialog', (d) => { problems.push('dialog: ' + d.message()); d.dismiss(); });
  page.on('request', (r) => { if (!r.url().startsWith(config.base + '/')) foreign.push(r.url()); });
  page.setDefaultTimeout(WAIT_MILLIS);

  await page.goto(config.base + '/_portcullis/');
  for (const call of config.before) {
    await row(page, call.path, call.status);
    check(true, call.path + ' is listed with ' + call.status);
  }

  // Sent once the page is open: it must show up without a reload.
  const live = config.live;
  const answer = await fetch(config.base + live.path, { headers: live.headers });
  check(answer.status === live.status, 'the live request got ' + live.status);
  const denied = await row(page, live.path, live.status);
  check(true, 'the live request is listed with ' + live.status + ' without a reload');

  await open(page, denied);
  const explanation = await page.textContent('#explanation');
  check(explanation.includes('403 FORBIDDEN'), 'the explanation says 403 FORBIDDEN');
  check(explanation.includes(live.route), 'the explanation names the route ' + live.route);
  const unmatched = await page.$$eval('#policy .resource', (rs) => rs.length);
  const matched = await page.$$eval('#policy .resource.matches', (rs) => rs.length);
  check(unmatched > 0 && matched === 0, 'the policy shows no resource matching the denied route');
  await page.screenshot({ path: config.screenshot, fullPage: true });
  check(true, 'screenshot written');

  const allowed = await row(page, config.allowed.path, 200);
  await open(page, allowed);
  const highlighted = await page.$$eval('#policy mark.resource.matches', (rs) => rs.map((r) => r.textContent));
  check(highlighted.some((r) => r.endsWith(config.allowed.resource)),
    'the allowed request highlights the resource ' + config.allowed.resource);

  const hostile = await row(page, config.hostile.path, config.hostile.status);
  await open(page, hostile);
  const shown = await page.textContent('#detail');
  check(shown.includes(config.hostile.decoded), 'the hostile path shows as text');
  check(await page.evaluate(() => window.__pwned === undefined), 'nothing the caller sent ran');
  check(await page.$$eval('#calls script, #calls img, #detail script, #detail img',
    (found) => found.length === 0), 'no element came from the caller');

  check(!(await rows(page)).some((r) => r.path.startsWith('/favicon')),
    'the page itself sent nothing to the authorizer');

  const html = await page.content();
  const text = await page.evaluate(() => document.body.innerText);
  for (const secret of config.secrets) {
    for (let i = 0; i + 12 <= secret.length; i++) {
      const slice = secret.substring(i, i + 12);
      if (html.includes(slice) || text.includes(slice)) {
        throw new Error('the page shows a 12-character slice of a credential: ' + i);
      }
    }
  }
  check(true, 'no 12-character slice of any credential is on the page');
  check(problems.length === 0, 'no page error or dialog: ' + problems.join('; '));
  check(foreign.length === 0, 'nothing was fetched from anywhere else: ' + foreign.join(' '));
  console.log('inspector-browser-test: passed');
} catch (e) {
  console.log('FAILED: ' + e.message);
  process.exitCode = 1;
} finally {
  await browser.close();
}
