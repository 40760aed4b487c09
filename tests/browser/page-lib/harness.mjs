// Shared by the page's browser tests (tests/browser/page*.test.mjs): a server
// for build/web/page with the page's CSP headers, a headless Chromium, a log of
// every request, an axe-core scan, screenshots, and the Checker in Node for
// expected results.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startPageServer, pageDir } from '../../../scripts/lib/serve-page.mjs';
import { launch } from '../../../scripts/lib/chromium.mjs';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export { pageDir };
export const shotsDir = path.join(root, 'build/artifacts/screenshots');
export const TIME_ZONE = 'Europe/London';

/** Every file the page may ask for: the paths under build/web/page. */
export function pageFiles() {
  const out = new Set(['/']);
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else out.add(`/${path.relative(pageDir, p).split(path.sep).join('/')}`);
    }
  };
  walk(pageDir);
  return out;
}

/**
 * A server, a browser and a page. `requests` lists every request the browser
 * made in this context (pages, workers and the service worker).
 */
export async function openSession({ viewport = { width: 1280, height: 800 }, serviceWorkers = 'block', hash = '' } = {}) {
  const server = await startPageServer();
  const browser = await launch();
  const context = await browser.newContext({ viewport, timezoneId: TIME_ZONE, locale: 'en-GB', serviceWorkers, acceptDownloads: true });
  const requests = [];
  const failures = new Map();
  context.on('request', (r) => requests.push(r.url()));
  // Chromium reports requests its CSP refused as failed requests ("csp").
  context.on('requestfailed', (r) => failures.set(r.url(), r.failure()?.errorText ?? ''));
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' || /Content Security Policy|Refused to/i.test(m.text())) problems.push(`console ${m.type()}: ${m.text()}`);
  });
  await page.goto(`${server.url}/${hash}`);
  await page.waitForFunction(() => document.documentElement.dataset.checker === 'ready', null, { timeout: 30000 });
  return {
    server, browser, context, page, requests, failures, problems,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/**
 * The requests that are not the page's own files: anything not http(s) on the
 * server's origin, or a path that does not exist in build/web/page. Blob URLs
 * (the CSV and JSON downloads) are local and allowed.
 */
export function foreignRequests(requests, serverUrl) {
  const files = pageFiles();
  const origin = new URL(serverUrl).origin;
  return requests.filter((u) => {
    if (u.startsWith('blob:') || u.startsWith('data:')) return false;
    const url = new URL(u);
    return url.origin !== origin || !files.has(url.pathname);
  });
}

/**
 * axe-core's serious and critical violations for the page as it is now.
 * page.addScriptTag({ path }) adds an inline <script>, which the page's CSP
 * rightly blocks; so axe's source is evaluated through the DevTools protocol
 * instead (the same code, in the same page, not subject to script-src).
 */
export async function axeViolations(page, { exclude = [] } = {}) {
  if (!(await page.evaluate(() => typeof window.axe !== 'undefined'))) {
    await page.evaluate(fs.readFileSync(path.join(root, 'node_modules/axe-core/axe.min.js'), 'utf8'));
  }
  const result = await page.evaluate(async (exclude) => {
    const r = await window.axe.run({ exclude }, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
  }, exclude);
  return result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

export async function screenshot(page, name, options = {}) {
  fs.mkdirSync(shotsDir, { recursive: true });
  const file = path.join(shotsDir, `page-${name}.png`);
  await page.screenshot({ path: file, ...options });
  return file;
}

/** The Checker in Node, from the built package, for expected findings. */
export async function nodeChecker() {
  const { createChecker } = await import(pathToFileURL(path.join(root, 'build/web/pkg/checker.js')).href);
  return createChecker({ wasm: fs.readFileSync(path.join(root, 'build/web/pkg/postcheck-core.wasm')) });
}

/** Contract 3's local time of an instant in a given time zone. */
export function localTimeIn(ms, timeZone = TIME_ZONE) {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-GB', {
    timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(ms).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/** Sets the Local time override through the page's own controls. */
export async function setLocalTime(page, value) {
  if (await page.locator('#time-edit').isHidden()) await page.click('#time-change');
  await page.fill('#time-input', value);
  await page.locator('#time-input').dispatchEvent('change');
}
