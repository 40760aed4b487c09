// Builds the unpacked browser extension into build/web/extension from
// web/src/extension and the Checker package (build/web/pkg, built first by
// web/build.mjs). One manifest for Chromium and Firefox. Everything the
// extension runs is bundled into it: no remote code.
//
//   sw.js          service worker / background script (ES module): the checker
//   content.js     content script (one classic script, esbuild IIFE)
//   highlights.css ::highlight() styles, injected with the content script
//   options.html/js, explain.html/js, pages.css
//   postcheck-core.wasm, managed_schema.json, icons/
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { drawIcon } from '../src/extension/icons/draw-icon.mjs';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const srcDir = path.join(root, 'web/src/extension');
export const outDir = path.join(root, 'build/web/extension');
const pkgDir = path.join(root, 'build/web/pkg');

export const ICON_SIZES = [16, 32, 48, 128];

export async function build() {
  if (!fs.existsSync(path.join(pkgDir, 'checker.js'))) {
    throw new Error('build/web/pkg is missing: run `node web/build.mjs` (it builds the package first)');
  }
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(path.join(outDir, 'icons'), { recursive: true });

  const common = {
    bundle: true,
    minify: false,
    sourcemap: false,
    legalComments: 'none',
    charset: 'utf8',
    target: ['chrome120', 'firefox128'],
    alias: { '@postcheck/checker': path.join(pkgDir, 'checker.js') },
    logLevel: 'warning',
  };
  await esbuild.build({ ...common, entryPoints: { sw: path.join(srcDir, 'background/sw.js') }, format: 'esm', outdir: outDir });
  await esbuild.build({ ...common, entryPoints: { content: path.join(srcDir, 'content/main.js') }, format: 'iife', outdir: outDir });
  await esbuild.build({
    ...common,
    entryPoints: { options: path.join(srcDir, 'pages/options.js'), explain: path.join(srcDir, 'pages/explain.js') },
    format: 'esm',
    outdir: outDir,
  });

  // Emscripten's loader must never reach for the network (checker.js instantiates the wasm itself).
  const sw = fs.readFileSync(path.join(outDir, 'sw.js'), 'utf8');
  if (/\bimportScripts\s*\(\s*['"]https?:|\bfetch\s*\(\s*['"]https?:/.test(sw)) throw new Error('sw.js would load remote code');

  for (const f of ['options.html', 'explain.html', 'pages.css']) fs.copyFileSync(path.join(srcDir, 'pages', f), path.join(outDir, f));
  fs.copyFileSync(path.join(srcDir, 'content/highlights.css'), path.join(outDir, 'highlights.css'));
  fs.copyFileSync(path.join(srcDir, 'managed_schema.json'), path.join(outDir, 'managed_schema.json'));
  fs.copyFileSync(path.join(pkgDir, 'postcheck-core.wasm'), path.join(outDir, 'postcheck-core.wasm'));
  for (const size of ICON_SIZES) fs.writeFileSync(path.join(outDir, 'icons', `icon-${size}.png`), drawIcon(size));

  const manifest = JSON.parse(fs.readFileSync(path.join(srcDir, 'manifest.json'), 'utf8'));
  manifest.version = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version;
  fs.writeFileSync(path.join(outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);

  const size = fs.readdirSync(outDir, { recursive: true })
    .map((f) => path.join(outDir, f)).filter((f) => fs.statSync(f).isFile())
    .reduce((n, f) => n + fs.statSync(f).size, 0);
  console.log(`extension: build/web/extension (${(size / 1024).toFixed(0)} KB unpacked)`);
}

if (import.meta.url === `file://${process.argv[1]}`) await build();
