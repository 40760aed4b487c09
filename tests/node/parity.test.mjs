// The wasm API and the native CLI give identical findings (same rules, same
// spans) on the whole team corpus, draft by draft, under both profiles.
import test from 'node:test';
import assert from 'node:assert/strict';
import { loadPackage, wasmBytes, nativeBatch, teamDrafts } from './support.mjs';

const { createChecker } = await loadPackage();

function shape(findings) {
  return findings.map((f) => ({ rule: f.rule, severity: f.severity, start: f.start, end: f.end, text: f.text }));
}

for (const profile of ['councillor', 'personal']) {
  test(`wasm and native agree on every team draft (${profile})`, async () => {
    const checker = await createChecker({ wasm: wasmBytes(), profile });
    const drafts = teamDrafts();
    // And drafts that stress offsets.
    drafts.push(
      { id: 'emoji', text: '😀 Ring me on 07700 900461 tonight' },
      { id: 'crlf', text: 'Hi\r\nCafe\u0301 07700 900461\r\n' },
      { id: 'disguise', text: 'You absolute p i l l o c k and b3ll3nd' },
    );
    assert.ok(drafts.length >= 3);
    const native = nativeBatch(drafts, ['--profile', profile]);
    let compared = 0;
    for (const d of drafts) {
      const n = native.get(d.id);
      assert.ok(n && !n.error, `native answered ${d.id}: ${n?.error}`);
      assert.deepEqual(shape(checker.check(d.text, d.context)), shape(n.findings), d.id);
      compared++;
    }
    assert.equal(compared, drafts.length);
    checker.dispose();
  });
}
