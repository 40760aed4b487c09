// Shared helpers for the extension's browser tests (tests/browser/extension*.test.mjs):
//
// - fixture site: the fixture pages (build/test-fixtures) served by the
//   project's static server with a strict CSP, behind a small HTTPS front
//   (self-signed certificate) so the pages load as https://www.facebook.com/...,
//   https://m.facebook.com/... and https://x.com/... and the shipped manifest
//   (https only) matches them unchanged;
// - browsers: Debian Chromium with the unpacked extension (and one without,
//   for comparisons), with --host-resolver-rules mapping those hostnames to
//   127.0.0.1 and every other hostname to nothing, and a net log;
// - page probes: the CSS highlights, the overlay, the card and the badge, read
//   from the page's main world (the Highlight registry is per document, so a
//   page sees the ranges the content script registered).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import https from 'node:https';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, launch, launchWithExtension } from '../../../scripts/lib/chromium.mjs';
import { startServer } from '../../../scripts/lib/static-server.mjs';
import { buildFixtures } from '../fixtures/build.mjs';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const extensionDir = path.join(root, 'build/web/extension');
export const pkgDir = path.join(root, 'build/web/pkg');
export const screenshotsDir = path.join(root, 'build/artifacts/screenshots');

/** Fixture hostnames, all mapped to the local server. */
export const SITE_HOSTS = ['www.facebook.com', 'm.facebook.com', 'x.com'];

/** The page CSP: no WebAssembly (no 'wasm-unsafe-eval'), nothing but the page's own origin. */
export const PAGE_CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self'; connect-src 'self'; frame-src 'self'; object-src 'none'; base-uri 'none'";

export function requireBuilt() {
  for (const f of ['manifest.json', 'sw.js', 'content.js', 'postcheck-core.wasm']) {
    if (!fs.existsSync(path.join(extensionDir, f))) throw new Error(`build/web/extension/${f} is missing: run \`node web/build.mjs\` first`);
  }
}

function selfSignedCert(dir) {
  const key = path.join(dir, 'key.pem');
  const cert = path.join(dir, 'cert.pem');
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '2',
    '-subj', '/CN=www.facebook.com', '-addext', `subjectAltName=${SITE_HOSTS.map((h) => `DNS:${h}`).join(',')}`,
  ], { stdio: 'ignore' });
  return { key: fs.readFileSync(key), cert: fs.readFileSync(cert) };
}

/**
 * Builds the fixtures and serves them. Returns { port, requests: [{host, path}], close }.
 * `requests` lists every request that reached the server (through the HTTPS front).
 */
export async function startFixtureSite({ csp = PAGE_CSP } = {}) {
  const dir = await buildFixtures();
  const inner = await startServer({ mounts: { '/': dir }, headers: { 'Content-Security-Policy': csp } });
  const innerPort = Number(new URL(inner.url).port);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'postcheck-tls-'));
  const tls = selfSignedCert(tmp);
  const requests = [];
  const front = https.createServer(tls, (req, res) => {
    requests.push({ host: req.headers.host, path: req.url, method: req.method });
    const up = http.request({ host: '127.0.0.1', port: innerPort, method: req.method, path: req.url, headers: req.headers }, (r) => {
      res.writeHead(r.statusCode, r.headers);
      r.pipe(res);
    });
    up.on('error', () => res.destroy());
    req.pipe(up);
  });
  await new Promise((resolve) => front.listen(0, '127.0.0.1', resolve));
  const port = front.address().port;
  return {
    port,
    requests,
    url: (host, p) => `https://${host}${p}`,
    close: async () => {
      front.closeAllConnections?.();
      await new Promise((r) => front.close(r));
      await inner.close();
      fs.rmSync(tmp, { recursive: true, force: true });
    },
  };
}

/** --host-resolver-rules: the fixture hosts to the local server, every other name to nothing. */
export function hostArgs(port) {
  const rules = [...SITE_HOSTS.map((h) => `MAP ${h} 127.0.0.1:${port}`), 'MAP * ~NOTFOUND'].join(', ');
  return [`--host-resolver-rules=${rules}`];
}

/**
 * Chromium with the unpacked extension. Returns { context, extensionId, worker, netLog, close }.
 * netLog: path of Chromium's own log of every network request it made (read after close()).
 */
export async function launchWithPostCheck(port, { netLog = true, viewport = { width: 1100, height: 800 } } = {}) {
  requireBuilt();
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'postcheck-ext-'));
  const netLogPath = netLog ? path.join(userDataDir, 'netlog.json') : null;
  const extra = [...hostArgs(port), ...(netLogPath ? [`--log-net-log=${netLogPath}`, '--net-log-capture-mode=Default'] : [])];
  // launchWithExtension's own flags, plus ours.
  const context = await launchWithExtension(userDataDir, extensionDir, {
    args: [...CHROMIUM_ARGS, `--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`, ...extra],
    ignoreHTTPSErrors: true,
    viewport,
  });
  let [worker] = context.serviceWorkers();
  worker ??= await context.waitForEvent('serviceworker', { timeout: 15000 });
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionId,
    netLogPath,
    userDataDir,
    close: async () => {
      await context.close();
    },
    cleanup: () => fs.rmSync(userDataDir, { recursive: true, force: true }),
  };
}

/** Chromium without the extension, same host mapping (for comparisons). */
export async function launchPlain(port, { viewport = { width: 1100, height: 800 } } = {}) {
  const browser = await launch({ args: [...CHROMIUM_ARGS, ...hostArgs(port)] });
  const context = await browser.newContext({ ignoreHTTPSErrors: true, viewport });
  return { browser, context, close: () => browser.close() };
}

/**
 * Every request Chromium's network stack started, from its net log (written on
 * exit): [{ url, initiator, isolationKey, requestType }]. Requests of pages carry
 * the page's origin as initiator, those of the extension its chrome-extension://
 * origin; the browser's own (clock, component and account checks, spelling
 * dictionaries) say "not an origin".
 */
export function netLogRequests(file) {
  if (!file || !fs.existsSync(file)) return null;
  let text = fs.readFileSync(file, 'utf8').trim();
  // A log cut short at exit lacks its closing brackets.
  if (!text.endsWith('}')) text = `${text.replace(/,\s*$/, '')}]}`;
  const log = JSON.parse(text);
  const types = Object.fromEntries(Object.entries(log.constants.logEventTypes).map(([k, v]) => [v, k]));
  const out = [];
  for (const e of log.events ?? []) {
    if (types[e.type] !== 'URL_REQUEST_START_JOB' || typeof e.params?.url !== 'string') continue;
    out.push({ url: e.params.url, initiator: e.params.initiator ?? '', isolationKey: e.params.network_isolation_key ?? '', requestType: e.params.request_type ?? '' });
  }
  return out;
}

/** Whether a URL is a network URL (http, https, ws, wss, ftp). */
export const isNetworkUrl = (u) => /^(https?|wss?|ftp):/i.test(u);

/** Records every request the browser context reports (pages, frames, service workers). */
export function recordRequests(context) {
  const seen = [];
  context.on('request', (r) => {
    let sw = false;
    try {
      sw = Boolean(r.serviceWorker());
    } catch {
      sw = false;
    }
    seen.push({ url: r.url(), resourceType: r.resourceType(), serviceWorker: sw });
  });
  return seen;
}

// ------------------------------------------------------------ page probes

/** CSS highlights registered in the page: [{ name, text, startOffset, endOffset }]. */
export function readHighlights(pageOrFrame) {
  return pageOrFrame.evaluate(() => {
    const out = [];
    if (!globalThis.CSS?.highlights) return out;
    for (const [name, h] of CSS.highlights) {
      for (const r of h) out.push({ name, text: r.toString(), collapsed: r.collapsed });
    }
    return out;
  });
}

/**
 * The overlay underlines (textarea / input): [{ cls, text, rects, visible, field }],
 * where `field` is the whole text of the box the mirror copies. Mirrors of boxes
 * scrolled out of view are hidden; `visible: true` only keeps those on screen.
 */
export function readMarks(pageOrFrame, { visible = true } = {}) {
  return pageOrFrame.evaluate((onlyVisible) => {
    const host = document.querySelector('postcheck-ui');
    if (!host?.shadowRoot) return [];
    return [...host.shadowRoot.querySelectorAll('.mirror')]
      .filter((m) => !onlyVisible || m.style.display !== 'none')
      .flatMap((m) => [...m.querySelectorAll('span.mark')].map((k) => ({
        cls: k.className.replace(/^mark /, ''),
        text: k.textContent.replace(/\u200b$/, ''),
        field: m.textContent.replace(/\u200b$/, ''),
        visible: m.style.display !== 'none',
        rects: [...k.getClientRects()].map((r) => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom })),
      })));
  }, visible);
}

/** The whole text of every overlay mirror (one per watched textarea / input). */
export function readMirrors(pageOrFrame) {
  return pageOrFrame.evaluate(() => [...(document.querySelector('postcheck-ui')?.shadowRoot?.querySelectorAll('.mirror') ?? [])]
    .map((m) => m.textContent.replace(/\u200b$/, '')));
}

/** The open card, or null: { rule, severity, title, message, cite, safer, text }. */
export function readCard(pageOrFrame) {
  return pageOrFrame.evaluate(() => {
    const card = document.querySelector('postcheck-ui')?.shadowRoot?.querySelector('.card');
    if (!card || card.hidden) return null;
    const q = (s) => card.querySelector(s)?.textContent ?? null;
    return {
      rule: card.dataset.rule, severity: card.dataset.severity, role: card.getAttribute('role'),
      title: q('.title'), message: q('.message'), cite: q('.cite'), safer: q('.safer-text'), flagged: q('.flagged q'),
      focused: document.activeElement === card.getRootNode().host && card.contains(card.getRootNode().activeElement),
    };
  });
}

export function readBadge(pageOrFrame) {
  return pageOrFrame.evaluate(() => {
    const badges = [...(document.querySelector('postcheck-ui')?.shadowRoot?.querySelectorAll('.badge') ?? [])].filter((b) => !b.hidden);
    return badges.map((b) => ({ text: b.textContent, worst: b.dataset.worst, label: b.getAttribute('aria-label') }));
  });
}

/** Polls fn() until it returns a truthy value. */
export async function until(fn, { timeout = 5000, interval = 25, message = 'condition' } = {}) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    last = await fn();
    if (last) return last;
    if (Date.now() > end) throw new Error(`timed out waiting for ${message} (last: ${JSON.stringify(last)})`);
    await new Promise((r) => setTimeout(r, interval));
  }
}

/** The shadow-root locator of PostCheck's UI. */
export function ui(page, selector) {
  return page.locator('postcheck-ui').locator(selector);
}

/** The Checker in Node, with the same context the extension builds, for expected findings. */
export async function nodeChecker() {
  const { createChecker } = await import(path.join(pkgDir, 'checker.js'));
  return createChecker({ wasm: fs.readFileSync(path.join(pkgDir, 'postcheck-core.wasm')) });
}

export function localTimeNow(d = new Date()) {
  const p = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}

export { chromium, CHROMIUM };

/**
 * In the page, an independent reading of a contenteditable draft and of the
 * CSS highlights over it: { text, spans: [{ name, start, end, text }] }, with
 * offsets in the draft (img alt counts as its text, <br> is a new line, each
 * block (<p>, Draft.js data-block) a new line). The extension's own reader is
 * not used, so a shifted highlight shows up as wrong offsets.
 */
export function editorHighlights(frame, editorSelector) {
  return frame.evaluate((sel) => {
    const editor = document.querySelector(sel);
    const isBlock = (n) => n.nodeType === 1 && (n.tagName === 'P' || n.hasAttribute('data-block'));
    const textOf = (node, out = { s: '', blocks: 0 }) => {
      for (let c = node.firstChild; c; c = c.nextSibling) {
        if (c.nodeType === 3) out.s += c.data;
        else if (c.nodeType === 1) {
          if (c.tagName === 'IMG') out.s += c.alt;
          else if (c.tagName === 'BR') {
            // Draft.js marks the placeholder of an empty block; Lexical ends a line-break-ended block with one.
            if (c.getAttribute('data-text') !== 'true' && c.nextSibling) out.s += '\n';
          } else {
            if (isBlock(c) && out.blocks++ > 0) out.s += '\n';
            textOf(c, out);
          }
        }
      }
      return out;
    };
    const spans = [];
    for (const [name, h] of CSS.highlights) {
      if (!name.startsWith('postcheck-') || name === 'postcheck-active') continue;
      for (const r of h) {
        if (!editor.contains(r.startContainer)) continue;
        const pre = document.createRange();
        pre.setStart(editor, 0);
        pre.setEnd(r.startContainer, r.startOffset);
        const start = textOf(pre.cloneContents()).s.length;
        const inner = textOf(r.cloneContents()).s;
        spans.push({ name, start, end: start + inner.length, text: inner, rangeText: r.toString() });
      }
    }
    spans.sort((a, b) => a.start - b.start || a.end - b.end);
    return { text: textOf(editor).s, spans };
  }, editorSelector);
}

/** The context the extension sends with default settings (Contract 3). */
export function defaultContext(platform, d = new Date()) {
  return { account: 'councillor', platform, localTime: localTimeNow(d), inMeeting: false, orgTerms: { confidential: [], pendingDecisions: [], staff: [], allow: [] } };
}

/** Findings the extension should highlight for `text` (spans only, in order). */
export function expectedSpans(checker, text, platform) {
  return checker.check(text, defaultContext(platform))
    .filter((f) => f.end > f.start)
    .map((f) => ({ name: `postcheck-${f.severity}`, start: f.start, end: f.end, text: f.text, rule: f.rule, finding: f }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
}

/** A viewport point inside a highlight range whose text is `text`. */
export function highlightPoint(frame, text) {
  return frame.evaluate((t) => {
    for (const [, h] of CSS.highlights) {
      for (const r of h) {
        if (r.toString() === t) {
          const rect = r.getClientRects()[0];
          return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
        }
      }
    }
    return null;
  }, text);
}

export function saveScreenshot(page, name) {
  fs.mkdirSync(screenshotsDir, { recursive: true });
  const file = path.join(screenshotsDir, `extension-${name}.png`);
  return page.screenshot({ path: file }).then(() => file);
}
