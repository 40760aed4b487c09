// Builds build/web/pkg: the Checker package, with the shipped rule packs
// bundled as text and the wasm both as a file and embedded (checker-inline.js).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const pkgDir = path.join(root, 'build/web/pkg');
const wasmDir = path.join(root, 'build/wasm/bin');

// The size budget of issue 4: the .wasm must stay under 400 KB gzipped.
export const WASM_GZIP_BUDGET = 400 * 1024;

/** Every *.toml under rules/, sorted, as { file, text } with repo-relative names. */
export function readShippedPacks() {
  const out = [];
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.toml')) out.push(p);
    }
  };
  walk(path.join(root, 'rules'));
  return out.sort().map((p) => ({ file: path.relative(root, p), text: fs.readFileSync(p, 'utf8') }));
}

/**
 * The shipped form of a pack: its examples removed (they are tests, run by
 * the native suite) once the native loader has validated the whole pack.
 * A [rules.examples] table runs to the next table header.
 */
export function stripExamples(text) {
  return text.replace(/^\[rules\.examples\][^\n]*\n[\s\S]*?(?=^\[|(?![\s\S]))/gm, '');
}

/**
 * Whole-line comments are for people editing the packs, not for browsers:
 * dropped from the shipped form (smaller, and no example addresses from a
 * comment end up inside the extension). Lines inside a multi-line string
 * are kept whatever they start with.
 */
export function stripComments(text) {
  const delimiters = ["'".repeat(3), '"'.repeat(3)];
  let inMulti = null;  // the delimiter of the multi-line string we are in, if any
  const out = [];
  for (const line of text.split('\n')) {
    if (!inMulti && /^\s*#/.test(line)) continue;
    out.push(line);
    for (const d of delimiters) {
      if (inMulti && inMulti !== d) continue;
      const n = line.split(d).length - 1;
      if (n % 2 === 1) inMulti = inMulti ? null : d;
    }
  }
  return out.join('\n');
}

/**
 * Emscripten's loader carries code to download the .wasm itself (fetch and
 * XMLHttpRequest). PostCheck never uses it: checker.js always instantiates the
 * module from bytes or a URL its caller gives (instantiateWasm). To make that
 * provable by reading the shipped files, those code paths are disabled here:
 * any call to them throws. tests/node/privacy-static.test.mjs checks the result.
 */
export function disableLoaderNetwork(glue) {
  const stub = 'const postcheckNoNetwork=()=>{throw new Error("PostCheck: the WebAssembly loader must not use the network")};\n';
  const out = glue.replace(/\bfetch\b/g, 'postcheckNoNetwork').replace(/\bXMLHttpRequest\b/g, 'postcheckNoNetwork');
  return stub + out;
}

/**
 * Emscripten 3.1.6's Embind copies a Uint8Array into a std::string one byte
 * at a time in a JavaScript loop. Every check passes the draft that way, and
 * start-up passes the 1.6 MB rule image: on a cold start that loop alone
 * took 10-30 ms. One typed-array copy does the same. Fails the build if the
 * loop is not there to replace (a different Emscripten), rather than
 * silently shipping the slow path.
 */
export function fastStringCopy(glue) {
  const loop = 'for(var i=0;i<length;++i){HEAPU8[ptr+4+i]=value[i]}';
  if (!glue.includes(loop)) throw new Error("Embind's std::string copy loop was not found: check fastStringCopy against this Emscripten");
  return glue.replace(loop, 'HEAPU8.set(value,ptr+4)');
}

export function gzipSize(bytes) {
  return zlib.gzipSync(bytes, { level: 9 }).length;
}

/**
 * The rule image: the shipped packs loaded (validated in full) and compiled
 * by the very wasm being packaged, then saved as bytes. A checker starts from
 * these bytes instead of parsing TOML and compiling hundreds of patterns.
 * This is also the build's validation of the packs: any error fails the
 * build with its file, line and rule id.
 */
async function makeRuleImage(wasm, packs) {
  const { default: createCore } = await import(pathToFileURL(path.join(pkgDir, 'postcheck-core.mjs')));
  const core = await createCore({
    instantiateWasm(imports, receive) {
      WebAssembly.instantiate(wasm, imports).then((r) => receive(r.instance));
      return {};
    },
  });
  const engine = new core.Engine();
  try {
    // The packs as written, examples and all: validated in full.
    const error = engine.load(JSON.stringify(packs), 'councillor');
    if (error) throw new Error(`the shipped packs did not load into the wasm:\n${error}`);
    const image = engine.saveImage();
    if (image.length === 0) throw new Error('the wasm made an empty rule image');
    const check = engine.loadImage(image, 'councillor');
    if (check) throw new Error(`the wasm cannot load its own rule image: ${check}`);
    return image;
  } finally {
    engine.delete();
  }
}

export async function buildPackage() {
  fs.mkdirSync(pkgDir, { recursive: true });
  fs.copyFileSync(path.join(wasmDir, 'postcheck-core.wasm'), path.join(pkgDir, 'postcheck-core.wasm'));
  fs.writeFileSync(path.join(pkgDir, 'postcheck-core.mjs'),
    fastStringCopy(disableLoaderNetwork(fs.readFileSync(path.join(wasmDir, 'postcheck-core.mjs'), 'utf8'))));
  for (const f of fs.readdirSync(path.join(root, 'web/src/checker'))) {
    fs.copyFileSync(path.join(root, 'web/src/checker', f), path.join(pkgDir, f));
  }
  const written = readShippedPacks();
  const packs = written.map((p) => ({ ...p, text: stripComments(stripExamples(p.text)) }));
  fs.writeFileSync(path.join(pkgDir, 'packs.js'),
    '// Generated by web/build/package.mjs from rules/. Do not edit.\n' +
    "import { markShipped } from './shipped.js';\n\n" +
    `export const shippedPacks = markShipped(Object.freeze(${JSON.stringify(packs, null, 1)}));\n`);
  const wasm = fs.readFileSync(path.join(pkgDir, 'postcheck-core.wasm'));
  fs.writeFileSync(path.join(pkgDir, 'postcheck-core-wasm.js'),
    '// Generated by web/build/package.mjs: postcheck-core.wasm, embedded. Do not edit.\n' +
    "import { decodeBase64 } from './base64.js';\n\n" +
    `export const wasmBytes = decodeBase64('${wasm.toString('base64')}');\n`);
  const image = await makeRuleImage(wasm, written);
  fs.writeFileSync(path.join(pkgDir, 'rules-image.js'),
    '// Generated by web/build/package.mjs: the packs in rules/, loaded, checked and\n' +
    '// compiled by this postcheck-core.wasm (a rule image, core/image/rule_image.h).\n' +
    '// Only this build\'s engine can load it. Do not edit.\n' +
    `export const shippedImageBase64 = '${Buffer.from(image).toString('base64')}';\n`);
  fs.writeFileSync(path.join(pkgDir, 'package.json'), JSON.stringify({
    name: '@postcheck/checker', version: '0.1.0', type: 'module', main: 'checker.js', types: 'checker.d.ts',
    exports: {
      '.': { types: './checker.d.ts', default: './checker.js' },
      './inline': { types: './checker.d.ts', default: './checker-inline.js' },
      './packs': { types: './packs.d.ts', default: './packs.js' },
    },
  }, null, 2));
  const gz = gzipSize(wasm);
  console.log(`package: build/web/pkg (${packs.length} rule packs)`);
  console.log(`package: rule image ${(image.length / 1024).toFixed(0)} KB, ${(gzipSize(image) / 1024).toFixed(1)} KB gzipped`);
  console.log(`package: postcheck-core.wasm ${(wasm.length / 1024).toFixed(0)} KB, ${(gz / 1024).toFixed(1)} KB gzipped (budget ${WASM_GZIP_BUDGET / 1024} KB)`);
  if (gz > WASM_GZIP_BUDGET) {
    throw new Error(`postcheck-core.wasm is ${(gz / 1024).toFixed(1)} KB gzipped, over the ${WASM_GZIP_BUDGET / 1024} KB budget`);
  }
}
