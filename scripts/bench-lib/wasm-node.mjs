// The wasm build in this Node process, through the public Checker API.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { timeCalls, summarise } from './stats.mjs';

export async function runWasmNode(root, drafts) {
  const pkg = path.join(root, 'build/web/pkg');
  const { createChecker } = await import(pathToFileURL(path.join(pkg, 'checker.js')));
  const bytes = fs.readFileSync(path.join(pkg, 'postcheck-core.wasm'));
  // Start-up as a user pays it: instantiate the module and load the packs.
  const t0 = performance.now();
  const checker = await createChecker({ wasm: bytes });
  const startupMs = performance.now() - t0;
  const heapBefore = checker.memoryBytes();
  const results = drafts.map((d) => {
    const findings = checker.check(d.text).length;
    return summarise(d.name, d.text, timeCalls((t) => checker.check(t), d.text, d.iterations), { findings });
  });
  const out = { system: 'wasm-node', startupMs, rules: checker.rules().length, heapBytes: checker.memoryBytes(), heapBefore, results };
  checker.dispose();
  return out;
}
