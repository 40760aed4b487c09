// Builds build/web/page: PostCheck's static self-service page.
//
//   index.html            the page, its CSP also in a <meta> tag
//   app.js, chunks/*.js   the page's modules (esbuild, ESM, code-split); the
//                         checker chunk embeds the wasm, so nothing is fetched
//   audit-worker.js       the Web Worker that audits an archive
//   app.css               the one stylesheet (no inline styles anywhere)
//   sw.js                 the service worker, with the list of files it caches
//   manifest.webmanifest, icons/   for installing it as an app
//   csp.txt               the page's Content-Security-Policy, for the server header
//   sw-csp.txt            the policy for sw.js alone (see below)
//
// The quoted sentence shown for a policy source comes from the rule that cites
// it; for a source no rule quotes (a category's sources in "Why this matters")
// the build picks the sentence from the policy text in ../shared/policies.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { root, pkgDir } from './package.mjs';
import { encodePng } from './png.mjs';

const srcDir = path.join(root, 'web/src/page');
export const pageDir = path.join(root, 'build/web/page');

const POLICY = {
  'default-src': "'self'",
  'connect-src': "'none'",
  'script-src': "'self' 'wasm-unsafe-eval'",
  'style-src': "'self'",
  'img-src': "'self' data: blob:",
  'worker-src': "'self'",
  'manifest-src': "'self'",
  'base-uri': "'none'",
  'form-action': "'none'",
  'frame-ancestors': "'none'",
};
const join = (p) => Object.entries(p).map(([k, v]) => `${k} ${v}`).join('; ');

/** The page's policy, sent as a header on every file. */
export const PAGE_CSP = join(POLICY);
/** A <meta> policy cannot carry frame-ancestors; everything else is the same. */
export const META_CSP = join(Object.fromEntries(Object.entries(POLICY).filter(([k]) => k !== 'frame-ancestors')));
/**
 * sw.js only. A service worker's own fetches are governed by the CSP of the
 * sw.js response, and caching the page's files for offline use is a fetch of
 * those files: under connect-src 'none' the install fails. So the worker may
 * connect to its own origin and nothing else, and may load nothing at all.
 */
export const SW_CSP = "default-src 'none'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

// ---- policy quotes -----------------------------------------------------------

const STOP = new Set(['the', 'and', 'for', 'with', 'that', 'this', 'from', 'your', 'their', 'about', 'into', 'other', 'others', 'potential', 'issues', 'general', 'responsibilities', 'things', 'bear', 'mind', "don't", 'dont', 'donts', "don'ts", 'some', 'legal']);

const words = (s) => (s.toLowerCase().match(/[a-z][a-z']+/g) ?? []).filter((w) => w.length >= 4 && !STOP.has(w)).map((w) => w.slice(0, 6));

/** { section: [sentences] } from a policy's text: "4.0 TITLE" or "10. Text" lines start sections. */
function policySections(text) {
  const sections = {};
  let current = null;
  let last = -1;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\*\*/g, '').trim();
    const m = /^(\d+(?:\.\d+)?)\.?\s+(.*)$/.exec(line);
    if (m && Number(m[1]) > last && Number(m[1]) < 100) {
      last = Number(m[1]);
      current = m[1];
      sections[current] = [];
      const rest = m[2];
      // "4.0 GENERAL RESPONSIBILITIES" is a title; "1. This Protocol applies ..." is text.
      if (rest !== rest.toUpperCase() && /[.:]$|\.\s/.test(rest)) sections[current].push(rest);
      continue;
    }
    if (current && line) sections[current].push(line.replace(/^[-•]\s*/, ''));
  }
  const out = {};
  for (const [k, lines] of Object.entries(sections)) {
    out[k] = lines.flatMap((l) => l.split(/(?<=[.!?])\s+(?=[A-Z“"'(])/)).map((s) => s.trim()).filter((s) => s.length > 3);
  }
  return out;
}

function bestSentence(sentences, title, category) {
  if (!sentences?.length) return null;
  const t = words(title ?? '');
  const c = words(`${category.label} ${category.id.replace(/-/g, ' ')}`);
  let best = null;
  let bestScore = 0;
  for (const s of sentences) {
    const w = new Set(words(s));
    const score = 2 * t.filter((x) => w.has(x)).length + c.filter((x) => w.has(x)).length;
    if (score > bestScore) [best, bestScore] = [s, score];
  }
  return best ?? sentences[0];
}

async function policyQuotes(categories, policyNames) {
  const quotes = {};
  const { createChecker } = await import(pathToFileURL(path.join(pkgDir, 'checker.js')).href);
  const checker = await createChecker({ wasm: fs.readFileSync(path.join(pkgDir, 'postcheck-core.wasm')) });
  for (const r of checker.rules()) {
    for (const s of r.sources) {
      if (!s.quote) continue;
      quotes[`${r.category}|${s.policy}|${s.section}`] ??= s.quote;
      quotes[`${s.policy}|${s.section}|${s.title ?? ''}`] ??= s.quote;
    }
  }
  checker.dispose();

  const dir = process.env.POSTCHECK_POLICIES_DIR ?? path.resolve(root, '../shared/policies');
  const texts = {};
  if (fs.existsSync(dir)) {
    for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.txt'))) {
      const id = Object.keys(policyNames).find((p) => f.startsWith(p));
      if (id) texts[id] = policySections(fs.readFileSync(path.join(dir, f), 'utf8'));
    }
  }
  let fromText = 0;
  for (const c of categories) {
    for (const s of c.sources) {
      const k = `${c.id}|${s.policy}|${s.section}`;
      if (quotes[k]) continue;
      const q = bestSentence(texts[s.policy]?.[s.section], s.title, c);
      if (q) {
        quotes[k] = q;
        fromText += 1;
      }
    }
  }
  for (const [id, sections] of Object.entries(texts)) {
    for (const [section, sentences] of Object.entries(sections)) if (sentences[0]) quotes[`${id}|${section}`] ??= sentences[0];
  }
  return { quotes, fromText, policies: Object.keys(texts).length };
}

// ---- icons (PNG, drawn here so the repository holds no binaries) --------------

/** The same picture as icons/icon.svg: a speech bubble with a tick, on navy. */
function drawIcon(size, { maskable = false } = {}) {
  const inRound = (x, y, x0, y0, x1, y1, r) => {
    if (x < x0 || x > x1 || y < y0 || y > y1) return false;
    const cx = Math.min(Math.max(x, x0 + r), x1 - r);
    const cy = Math.min(Math.max(y, y0 + r), y1 - r);
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  };
  const inTail = (x, y) => y >= 43.9 && y <= 52 && x >= 20 && x <= 29 - ((y - 44) / 8) * 9;
  const segDist = (x, y, [ax, ay], [bx, by]) => {
    const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
    return Math.hypot(x - (ax + t * (bx - ax)), y - (ay + t * (by - ay)));
  };
  const navy = [0x16, 0x32, 0x4f];
  const white = [255, 255, 255];
  const teal = [0x0d, 0x66, 0x60];
  const px = Buffer.alloc(size * size * 4);
  const SS = 4;
  for (let j = 0; j < size; j++) {
    for (let i = 0; i < size; i++) {
      let r = 0; let g = 0; let b = 0; let a = 0;
      for (let sj = 0; sj < SS; sj++) {
        for (let si = 0; si < SS; si++) {
          let x = ((i + (si + 0.5) / SS) / size) * 64;
          let y = ((j + (sj + 0.5) / SS) / size) * 64;
          if (!maskable && !inRound(x, y, 0, 0, 64, 64, 14)) continue;
          if (maskable) {
            x = 32 + (x - 32) / 0.8;
            y = 32 + (y - 32) / 0.8;
          }
          let c = navy;
          if (inRound(x, y, 9, 17, 55, 44, 4) || inTail(x, y)) c = white;
          if (Math.min(segDist(x, y, [22, 30], [28.5, 36.5]), segDist(x, y, [28.5, 36.5], [43, 23])) <= 2.5) c = teal;
          r += c[0]; g += c[1]; b += c[2]; a += 1;
        }
      }
      const o = (j * size + i) * 4;
      if (a) {
        px[o] = Math.round(r / a); px[o + 1] = Math.round(g / a); px[o + 2] = Math.round(b / a);
      }
      px[o + 3] = Math.round((a / (SS * SS)) * 255);
    }
  }
  return encodePng(size, px);
}

// ---- the build ---------------------------------------------------------------

function listFiles(dir, base = dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? listFiles(p, base) : [path.relative(base, p).split(path.sep).join('/')];
  }).sort();
}

export async function build() {
  const { CATEGORIES, POLICY_NAMES } = await import(pathToFileURL(path.join(root, 'web/src/shared/categories.js')).href);
  const { quotes, fromText, policies } = await policyQuotes(CATEGORIES, POLICY_NAMES);

  fs.rmSync(pageDir, { recursive: true, force: true });
  fs.mkdirSync(path.join(pageDir, 'icons'), { recursive: true });

  const plugin = {
    name: 'postcheck-page',
    setup(b) {
      b.onResolve({ filter: /^@postcheck\/checker(\/inline)?$/ }, (a) => ({ path: path.join(pkgDir, a.path.endsWith('/inline') ? 'checker-inline.js' : 'checker.js') }));
      b.onResolve({ filter: /^virtual:policy-quotes$/ }, () => ({ path: 'policy-quotes', namespace: 'postcheck' }));
      b.onLoad({ filter: /.*/, namespace: 'postcheck' }, () => ({ contents: `export const QUOTES = ${JSON.stringify(quotes)};`, loader: 'js' }));
    },
  };
  const target = ['chrome111', 'firefox115', 'safari16.4', 'edge111'];
  const js = await esbuild.build({
    absWorkingDir: root,
    entryPoints: { app: path.join(srcDir, 'app.js'), 'audit-worker': path.join(srcDir, 'audit-worker.js') },
    outdir: pageDir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target,
    // Whitespace and syntax only: identifiers stay readable so that anyone
    // (and tests/node/privacy-static.test.mjs) can audit the shipped code,
    // e.g. that the one fetch is checker.js's fetch(wasm).
    minifyWhitespace: true,
    minifySyntax: true,
    legalComments: 'none',
    entryNames: '[name]',
    chunkNames: 'chunks/[name]-[hash]',
    plugins: [plugin],
    metafile: true,
    logLevel: 'warning',
  });
  await esbuild.build({
    absWorkingDir: root,
    entryPoints: { app: path.join(srcDir, 'styles.css') },
    outdir: pageDir,
    bundle: true,
    // Whitespace and syntax only: identifiers stay readable so that anyone
    // (and tests/node/privacy-static.test.mjs) can audit the shipped code,
    // e.g. that the one fetch is checker.js's fetch(wasm).
    minifyWhitespace: true,
    minifySyntax: true,
    target,
    logLevel: 'warning',
  });

  fs.copyFileSync(path.join(srcDir, 'manifest.webmanifest'), path.join(pageDir, 'manifest.webmanifest'));
  fs.copyFileSync(path.join(srcDir, 'icons/icon.svg'), path.join(pageDir, 'icons/icon.svg'));
  fs.writeFileSync(path.join(pageDir, 'icons/icon-192.png'), drawIcon(192));
  fs.writeFileSync(path.join(pageDir, 'icons/icon-512.png'), drawIcon(512));
  fs.writeFileSync(path.join(pageDir, 'icons/icon-maskable-512.png'), drawIcon(512, { maskable: true }));

  const html = fs.readFileSync(path.join(srcDir, 'index.html'), 'utf8').replace('%CSP%', META_CSP);
  // The CSP would block these anyway; fail the build rather than ship a broken page.
  if (/<script(?![^>]*\bsrc=)[^>]*>/i.test(html) || /\sstyle=/i.test(html) || /<style/i.test(html) || /\son[a-z]+=/i.test(html)) {
    throw new Error('web/src/page/index.html has an inline script, style or event handler, which the CSP forbids');
  }
  fs.writeFileSync(path.join(pageDir, 'index.html'), html);

  const files = listFiles(pageDir);
  const hash = crypto.createHash('sha256');
  for (const f of files) hash.update(f).update(fs.readFileSync(path.join(pageDir, f)));
  const version = hash.digest('hex').slice(0, 16);
  await esbuild.build({
    entryPoints: [path.join(srcDir, 'sw.js')],
    outfile: path.join(pageDir, 'sw.js'),
    bundle: false,
    target,
    define: { __POSTCHECK_VERSION__: JSON.stringify(version), __POSTCHECK_FILES__: JSON.stringify(files) },
    logLevel: 'warning',
  });
  fs.writeFileSync(path.join(pageDir, 'csp.txt'), `${PAGE_CSP}\n`);
  fs.writeFileSync(path.join(pageDir, 'sw-csp.txt'), `${SW_CSP}\n`);

  const sizes = Object.entries(js.metafile.outputs).map(([f, o]) => `${path.basename(f)} ${(o.bytes / 1024).toFixed(0)} KB`);
  console.log(`page: build/web/page (${files.length + 3} files: ${sizes.join(', ')})`);
  console.log(`page: policy quotes from rules and ${policies} policy texts (${fromText} picked from the texts)`);
}
