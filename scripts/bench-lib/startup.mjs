// One cold start of PostCheck's wasm in a fresh Node process (issue 4's
// start-up budget): createChecker() with the shipped rules, timed from the
// .wasm's bytes and from an already compiled WebAssembly.Module, then the
// first check. Prints JSON.
//   node startup.mjs bytes|module
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const pkg = path.join(root, 'build/web/pkg');
const mode = process.argv[2] ?? 'bytes';
const { createChecker } = await import(pathToFileURL(path.join(pkg, 'checker.js')));
const bytes = fs.readFileSync(path.join(pkg, 'postcheck-core.wasm'));
const wasm = mode === 'module' ? await WebAssembly.compile(bytes) : bytes;

const t0 = performance.now();
const checker = await createChecker({ wasm });
const createMs = performance.now() - t0;
checker.check('Cllr Smith is a liar, ring him on 07700 900461');
const firstResultMs = performance.now() - t0;
console.log(JSON.stringify({ mode, createMs, firstResultMs }));
