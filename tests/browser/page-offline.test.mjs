// The self-service page is private and works offline: the CSP by header and
// by meta tag, every request of a whole session (draft, audit, views, the
// service worker) is one of the page's own files, the CSP really blocks
// connections, and with the network off (and the server not asked) the page
// still loads, checks a draft and audits an archive. It is installable.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { openSession, pageDir, pageFiles, foreignRequests, setLocalTime, axeViolations } from './page-lib/harness.mjs';
import { generatePosts, tweetsJs } from './page-lib/archives.mjs';

const read = (f) => fs.readFileSync(path.join(pageDir, f), 'utf8').trim();

describe('page: private and offline', () => {
  let s;
  before(async () => {
    s = await openSession({ serviceWorkers: 'allow' });
  });
  after(async () => {
    await s?.close();
  });

  it('sends the strict CSP as a header on every file, and as a meta tag', async () => {
    const csp = read('csp.txt');
    assert.equal(csp, "default-src 'self'; connect-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:; worker-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
    for (const f of ['/', '/app.js', '/audit-worker.js', '/app.css', '/manifest.webmanifest']) {
      const res = await fetch(s.server.url + f);
      assert.equal(res.headers.get('content-security-policy'), csp, `${f} has the page's CSP`);
    }
    const meta = await s.page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
    assert.equal(meta, csp.replace(/; frame-ancestors 'none'$/, ''), 'the meta tag has the same policy (frame-ancestors is header-only)');
    const sw = await fetch(`${s.server.url}/sw.js`);
    assert.equal(sw.headers.get('content-security-policy'), read('sw-csp.txt'));
    assert.match(read('sw-csp.txt'), /default-src 'none'; connect-src 'self';/, 'the service worker may fetch only its own origin');
  });

  it('is installable: a manifest with icons and a service worker that controls the page', async () => {
    const page = s.page;
    await page.waitForFunction(() => document.documentElement.dataset.offline === 'ready', null, { timeout: 20000 });
    const manifest = JSON.parse(read('manifest.webmanifest'));
    assert.equal(manifest.display, 'standalone');
    for (const icon of manifest.icons) assert.ok(fs.existsSync(path.join(pageDir, icon.src)), `${icon.src} exists`);
    assert.ok(manifest.icons.some((i) => i.sizes === '512x512' && i.type === 'image/png'));
    const cdp = await page.context().newCDPSession(page);
    const { errors } = await cdp.send('Page.getAppManifest');
    assert.deepEqual(errors, [], 'Chromium reads the manifest without errors');
    const installability = await cdp.send('Page.getInstallabilityErrors').catch(() => null);
    // A Playwright context is an incognito profile, where nothing can be installed; any other error counts.
    if (installability) assert.deepEqual(installability.installabilityErrors.filter((e) => e.errorId !== 'in-incognito'), [], 'Chromium finds the page installable');
    const cached = await page.evaluate(async () => {
      const names = await caches.keys();
      const cache = await caches.open(names.find((n) => n.startsWith('postcheck-page-')));
      return (await cache.keys()).map((r) => new URL(r.url).pathname);
    });
    const own = pageFiles();
    assert.ok(cached.length >= 8, `the service worker cached the page's files (${cached.length})`);
    for (const p of cached) assert.ok(own.has(p), `${p} is one of the page's own files`);
  });

  it('does everything with the network off, without asking the server', async () => {
    const page = s.page;
    await page.reload();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 10000 });
    const served = s.server.requests.length;
    await s.context.setOffline(true);
    await page.reload();
    await page.waitForFunction(() => document.documentElement.dataset.checker === 'ready', null, { timeout: 20000 });
    await setLocalTime(page, '2026-03-10T14:30');
    await page.click('#draft');
    await page.keyboard.type('Ring me on 07700 900123, you idiot');
    await page.waitForFunction(() => document.querySelectorAll('#findings .finding').length >= 2);
    await page.click('#tab-audit');
    await page.setInputFiles('#archive-input', { name: 'tweets.js', mimeType: 'text/javascript', buffer: Buffer.from(tweetsJs(generatePosts(500, { seed: 3 }))) });
    await page.waitForFunction(() => document.querySelector('#view-audit').dataset.audit === 'done', null, { timeout: 30000 });
    assert.match(await page.textContent('.results-head .lede'), /Checked 500 posts from X/);
    await page.click('#tab-why');
    assert.equal(await page.locator('#why-list > li').count(), 17);
    assert.equal(s.server.requests.length, served, `no request reached the server while offline: ${s.server.requests.slice(served).join(', ')}`);
    await s.context.setOffline(false);
  });

  it('made no request in the whole session beyond the page’s own files', async () => {
    assert.ok(s.requests.length > 0, 'requests were recorded');
    assert.deepEqual(foreignRequests(s.requests, s.server.url), []);
    const own = pageFiles();
    const unknown = s.server.requests.filter((p) => !own.has(p));
    assert.deepEqual(unknown, [], 'the server was asked only for files that exist in build/web/page');
    assert.deepEqual(s.problems, []);
  });

  it('cannot make a connection even if asked to (the CSP blocks it)', async () => {
    const page = s.page;
    const before = s.server.requests.length;
    const seen = s.requests.length;
    const results = await page.evaluate(async () => {
      const attempt = async (url) => {
        try {
          await fetch(url);
          return 'connected';
        } catch {
          return 'blocked';
        }
      };
      return {
        own: await attempt('/manifest.webmanifest?probe'),
        other: await attempt('https://example.com/'),
        image: await new Promise((resolve) => {
          const img = new Image();
          img.onload = () => resolve('loaded');
          img.onerror = () => resolve('blocked');
          img.src = 'https://example.com/pixel.png';
        }),
        beacon: (navigator.sendBeacon('https://example.com/beacon', 'x'), await new Promise((r) => setTimeout(r, 300)), 'sent?'),
      };
    });
    assert.deepEqual(results, { own: 'blocked', other: 'blocked', image: 'blocked', beacon: 'sent?' });
    assert.equal(s.server.requests.length, before, 'nothing reached the server');
    const attempted = s.requests.slice(seen).filter((u) => u.includes('example.com'));
    console.log('# refused:', JSON.stringify(attempted.map((u) => [u, s.failures.get(u)])));
    for (const u of attempted) assert.match(s.failures.get(u) ?? 'sent', /csp/i, `${u} was refused by the CSP, not sent`);
    assert.deepEqual(await axeViolations(page), []);
  });
});
