#!/usr/bin/env node
// Builds everything under build/web from web/ and the WebAssembly module:
//   build/web/pkg        the Checker package (ES modules + .d.ts + wasm)
// and, when their sources exist, the page and the extension (see web/build/).
import { buildPackage } from './build/package.mjs';

const steps = [['package', buildPackage]];
for (const [name, optional] of [['page', './build/page.mjs'], ['extension', './build/extension.mjs']]) {
  try {
    const mod = await import(optional);
    steps.push([name, mod.build]);
  } catch (e) {
    if (e.code !== 'ERR_MODULE_NOT_FOUND' || !String(e.message).includes(optional.slice(2))) throw e;
  }
}
for (const [name, step] of steps) {
  await step();
}
