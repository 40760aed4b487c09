// Inputs that must return, not crash: empty strings, lone surrogates, a 1 MB
// draft, 100,000 emoji; and the heap must not grow across 100,000 checks.
import test from 'node:test';
import assert from 'node:assert/strict';
import { loadPackage, wasmBytes } from './support.mjs';

const { createChecker } = await loadPackage();
const checker = await createChecker({ wasm: wasmBytes() });

test('empty and whitespace drafts', () => {
  assert.deepEqual(checker.check(''), []);
  assert.deepEqual(checker.check('   \n\t '), []);
});

test('lone surrogates everywhere', () => {
  const text = '\uD800\uDC00\uDC00\uD800'.repeat(1000) + ' ring 07700 900461';
  const f = checker.check(text);
  assert.ok(f.every((x) => x.start >= 0 && x.end <= text.length && x.start <= x.end));
});

test('a 1 MB draft returns with in-bounds findings', () => {
  const unit = 'Residents on Mill Lane want the bins sorted. Ring 07700 900461. ';
  const text = unit.repeat(Math.ceil((1 << 20) / unit.length));
  const f = checker.check(text);
  assert.ok(f.length > 1000);
  for (const x of f) assert.equal(text.slice(x.start, x.end), x.text);
});

test('100,000 emoji', () => {
  const text = '😀'.repeat(100000) + ' 07700 900461';
  const f = checker.check(text).find((x) => x.category === 'personal-data');
  assert.equal(f.start, 200001);
});

test('the wasm heap does not grow across 100,000 checks of varied drafts', () => {
  const parts = ['Ring me on 07700 900461', 'What a pillock 😀', 'Bin day moved to Tuesday.\r\n',
    'Café résumé naïve', 'p a s s w o r d is hunter22', '\uD800 lone', 'مرحبا', 'Great turnout at the litter pick!'];
  const draft = (i) => parts[i % parts.length] + ' ' + parts[(i * 7) % parts.length].repeat(1 + (i % 5));
  for (let i = 0; i < 2000; i++) checker.check(draft(i));  // warm up: the heap settles
  const before = checker.memoryBytes();
  for (let i = 0; i < 100000; i++) checker.check(draft(i));
  assert.equal(checker.memoryBytes(), before);
});
