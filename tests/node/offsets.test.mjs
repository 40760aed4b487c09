// UTF-16 offsets from the wasm API are JavaScript string indices, whatever
// comes before the match: emoji, surrogate pairs, combining marks, CRLF,
// right-to-left text.
import test from 'node:test';
import assert from 'node:assert/strict';
import { loadPackage, wasmBytes } from './support.mjs';

const { createChecker } = await loadPackage();
const checker = await createChecker({ wasm: wasmBytes() });
const NUMBER = '07700 900461';

function numberFinding(text) {
  const f = checker.check(text).filter((x) => x.rule === 'personal-data.uk-mobile');
  assert.equal(f.length, 1, `one number in ${JSON.stringify(text)}`);
  return f[0];
}

const prefixes = {
  'emoji': '😀🎉 ',
  'flag and ZWJ family': '🇬🇧 👨‍👩‍👧 ',
  'astral letters': '𝐇𝐞𝐥𝐥𝐨 ',
  'combining marks': 'Cafe\u0301 re\u0301sume\u0301 ',
  'CRLF': 'Line one\r\nLine two\r\n',
  'Arabic': 'مرحبا بكم ',
  'Hebrew with RLO': '\u202Eשלום\u202C ',
  'zero-width': 'a\u200Bb\u200Dc ',
  'full-width': 'ｆｕｌｌ ',
};

for (const [name, prefix] of Object.entries(prefixes)) {
  test(`offsets after ${name}`, () => {
    const text = `${prefix}Ring ${NUMBER} now`;
    const f = numberFinding(text);
    assert.equal(text.slice(f.start, f.end), NUMBER);
    assert.equal(f.start, text.indexOf(NUMBER));
  });
}

test('lone surrogates count as one unit each', () => {
  for (const s of ['\uD800', '\uDC00', 'a\uD83Db', '\uDFFF\uD800']) {
    const text = `${s} call ${NUMBER}`;
    const f = numberFinding(text);
    assert.equal(f.start, text.indexOf(NUMBER));
  }
});

test('a disguised word maps to exactly what was typed', () => {
  const text = '🙂 You absolute p i l l o c k, honestly';
  const f = checker.check(text).find((x) => x.category === 'abuse');
  assert.ok(f);
  assert.equal(text.slice(f.start, f.end), 'p i l l o c k');
});
