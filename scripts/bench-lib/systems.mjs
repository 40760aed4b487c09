// Every system scripts/bench compares, behind one shape:
//   load() -> { check(text) -> any, heapBytes?() }   (may be async)
// Each runs in its own child process (child.mjs) so start-up and memory are
// measured cleanly; scripts/bench interleaves the children round by round.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export const SYSTEMS = {
  'postcheck-wasm': {
    label: 'PostCheck (wasm, Node)',
    async load(root) {
      const pkg = path.join(root, 'build/web/pkg');
      const { createChecker } = await import(pathToFileURL(path.join(pkg, 'checker.js')));
      const checker = await createChecker({ wasm: fs.readFileSync(path.join(pkg, 'postcheck-core.wasm')) });
      return { check: (t) => checker.check(t), heapBytes: () => checker.memoryBytes(), async: false };
    },
  },
  obscenity: {
    label: 'obscenity (RegExpMatcher, English)',
    async load() {
      const { RegExpMatcher, englishDataset, englishRecommendedTransformers } = await import('obscenity');
      const matcher = new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });
      return { check: (t) => matcher.getAllMatches(t), async: false };
    },
  },
  alex: {
    label: 'alex (text)',
    async load() {
      const { text } = await import('alex');
      return { check: (t) => text(t), async: false };
    },
  },
  harper: {
    label: 'harper.js (LocalLinter)',
    async load() {
      const { LocalLinter } = await import('harper.js');
      const { binaryInlined } = await import('harper.js/binaryInlined');
      const linter = new LocalLinter({ binary: binaryInlined });
      await linter.setup();
      await linter.lint('Warm the linter up.');
      return { check: (t) => linter.lint(t), async: true };
    },
  },
};

/** Bytes a browser must download before the first check, gzipped. */
export function downloadFiles(root) {
  const pkg = path.join(root, 'build/web/pkg');
  const harper = path.join(root, 'node_modules/harper.js/dist');
  return {
    'postcheck-wasm': ['postcheck-core.wasm', 'postcheck-core.mjs', 'checker.js', 'rules-image.js', 'base64.js', 'shipped.js'].map((f) => path.join(pkg, f)),
    harper: ['harper_wasm_bg.wasm', 'index.js', 'BinaryModule-BmeyZWwZ.js', 'binary.js'].map((f) => path.join(harper, f)),
  };
}
