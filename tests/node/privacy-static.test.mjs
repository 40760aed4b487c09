// The privacy promise, read from the shipped files: no JavaScript that
// PostCheck ships can open a network connection. The one allowed use is
// checker.js loading the .wasm from a URL its caller gives (the extension
// passes its own chrome-extension:// URL; the page embeds the bytes instead).
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { root } from './support.mjs';

const SHIPPED = ['build/web/pkg', 'build/web/page', 'build/web/extension'].map((d) => path.join(root, d));

// Network APIs a script could use to send a draft anywhere.
const NETWORK = [
  /\bfetch\s*\(/g, /\bXMLHttpRequest\b/g, /\bWebSocket\b/g, /\bsendBeacon\b/g, /\bEventSource\b/g,
  /\bRTCPeerConnection\b/g, /\bWebTransport\b/g, /\bimportScripts\s*\(\s*['"`]https?:/g, /\bimport\s*\(\s*['"`]https?:/g,
];
// The only permitted occurrences: checker.js's wasmSource() fetching the wasm
// URL its caller gave, and the page's service worker re-issuing a request for
// one of the page's own files when its cache misses (sw.js only: it answers
// nothing but the page's listed same-origin files, and its CSP is
// connect-src 'self').
const ALLOWED = /\bfetch\s*\(\s*wasm\s*\)/g;
const ALLOWED_IN = { 'build/web/page/sw.js': /\bfetch\s*\(\s*req\s*\)/g };

function jsFiles(dir) {
  if (!fs.existsSync(dir)) return [];
  const out = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...jsFiles(p));
    else if (/\.(m?js|html)$/.test(e.name)) out.push(p);
  }
  return out;
}

test('the package is built', () => {
  assert.ok(jsFiles(SHIPPED[0]).length >= 4, 'build/web/pkg has its modules');
});

for (const file of SHIPPED.flatMap(jsFiles)) {
  const rel = path.relative(root, file);
  test(`no network API in ${rel}`, () => {
    let text = fs.readFileSync(file, 'utf8').replace(ALLOWED, '');
    if (ALLOWED_IN[rel]) text = text.replace(ALLOWED_IN[rel], '');
    for (const re of NETWORK) {
      const hits = text.match(re) ?? [];
      assert.equal(hits.length, 0, `${rel} uses ${re} (${hits.length}×)`);
    }
  });
}

test('the guard itself catches a network call', () => {
  const sample = 'navigator.sendBeacon("https://x", d); fetch(url); new XMLHttpRequest(); fetch(wasm)';
  const text = sample.replace(ALLOWED, '');
  assert.ok(NETWORK.some((re) => (text.match(re) ?? []).length > 0));
  assert.equal((text.match(/\bfetch\s*\(/g) ?? []).length, 1);
});
