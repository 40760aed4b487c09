// The Checker API in Node: loading, checking, errors, and disposal.
import test from 'node:test';
import assert from 'node:assert/strict';
import { loadPackage, wasmBytes, pkg } from './support.mjs';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const { createChecker } = await loadPackage();
const { shippedPacks } = await import(pathToFileURL(path.join(pkg, 'packs.js')));

test('a UK mobile number is found with UTF-16 offsets after an emoji', async () => {
  const checker = await createChecker({ wasm: wasmBytes() });
  const text = '😀 Ring me on 07700 900461 tonight';
  const f = checker.check(text).find((x) => x.category === 'personal-data');
  assert.ok(f, 'a personal-data finding');
  assert.equal(text.slice(f.start, f.end), '07700 900461');
  assert.equal(f.text, '07700 900461');
  assert.deepEqual(Object.keys(f).slice(0, 6), ['rule', 'category', 'severity', 'start', 'end', 'text']);
  assert.ok(f.sources.length > 0 && f.sources[0].policy && f.sources[0].section);
  checker.dispose();
});

test('the wasm may be given as bytes, a compiled module, or a file URL is refused without fetch support', async () => {
  const module = await WebAssembly.compile(wasmBytes());
  const a = await createChecker({ wasm: module });
  assert.ok(a.check('Ring 07700 900461').length > 0);
  a.dispose();
  await assert.rejects(createChecker({}), /needs `wasm`/);
});

test('the inline entry needs no wasm option and gives the same findings', async () => {
  const inline = await import(pathToFileURL(path.join(pkg, 'checker-inline.js')));
  const a = await inline.createChecker();
  const b = await createChecker({ wasm: wasmBytes() });
  const text = 'Call 07700 900461 or email jo.bloggs@example.com';
  assert.deepEqual(a.check(text), b.check(text));
  a.dispose();
  b.dispose();
});

test('version and rules describe what is loaded', async () => {
  const checker = await createChecker({ wasm: wasmBytes() });
  assert.match(checker.version.engine, /^\d+\.\d+\.\d+$/);
  const total = checker.version.packs.reduce((n, p) => n + p.rules, 0);
  assert.equal(checker.rules().length, total);
  assert.ok(checker.version.packs.length === shippedPacks.filter((p) => /\[\[rules\]\]/.test(p.text)).length ||
            checker.version.packs.length === shippedPacks.length);
  for (const r of checker.rules()) {
    assert.ok(r.id.startsWith(`${r.category}.`), r.id);
    assert.ok(r.sources.length > 0, r.id);
  }
  checker.dispose();
});

test('a bad pack gives an Error naming the file, line and rule', async () => {
  const bad = `[pack]\nname = "org"\nversion = "1"\n\n[[rules]]\nid = "abuse.x"\ncategory = "abuse"\nseverity = "warning"\nmessage = "m"\nsuggestion = "s"\nsources = [{ policy = "p", section = "1" }]\npatterns = ['(unclosed']\n[rules.examples]\nflag = ["a"]\npass = ["b"]\n`;
  await assert.rejects(createChecker({ wasm: wasmBytes(), packs: [{ file: 'org.toml', text: bad }] }),
    (e) => e instanceof Error && /org\.toml:12: rule abuse\.x: bad pattern/.test(e.message));
  await assert.rejects(createChecker({ wasm: wasmBytes(), packs: 'nope' }), TypeError);
  await assert.rejects(createChecker({ wasm: wasmBytes(), profile: 'mayor' }), /profile/);
});

test('a finding\'s term survives the trip out of the wasm, backslashes and all', async () => {
  // A lexicon pattern's term is the pattern itself, which the engine writes
  // into its JSON by hand: it must arrive exactly as the lexicon spells it.
  const checker = await createChecker({ wasm: wasmBytes() });
  const f = checker.check('Just go and fuck yourself').find((x) => x.term && x.term.includes('\\'));
  assert.ok(f, 'a finding whose term is a pattern with backslashes');
  const lexicon = fs.readFileSync(path.join(import.meta.dirname, '../../rules/lexicons/abuse.toml'), 'utf8');
  assert.ok(lexicon.includes(`pattern = '${f.term}'`), `the lexicon spells ${f.term}`);
  checker.dispose();
});

test('a bad context gives an Error that names the field', async () => {
  const checker = await createChecker({ wasm: wasmBytes() });
  assert.throws(() => checker.check('hello', { inmeeting: true }), /unknown field 'inmeeting'/);
  assert.throws(() => checker.check('hello', { inMeeting: 'yes' }), /'inMeeting' must be true or false/);
  assert.throws(() => checker.check('hello', { localTime: 'late' }), /localTime/);
  assert.throws(() => checker.check('hello', { orgTerms: { secret: [] } }), /orgTerms\.secret/);
  assert.throws(() => checker.check('hello', []), TypeError);
  assert.throws(() => checker.check(42), TypeError);
  checker.dispose();
});

test('organisation terms given at creation apply to every check', async () => {
  const checker = await createChecker({ wasm: wasmBytes(), orgTerms: { allow: ['07700 900461'] } });
  assert.equal(checker.check('Ring 07700 900461').filter((f) => f.category === 'personal-data').length, 0);
  // A context with its own orgTerms replaces the defaults.
  assert.ok(checker.check('Ring 07700 900461', { orgTerms: {} }).some((f) => f.category === 'personal-data'));
  checker.dispose();
});

test('a disposed checker refuses to check', async () => {
  const checker = await createChecker({ wasm: wasmBytes() });
  checker.dispose();
  checker.dispose();
  assert.throws(() => checker.check('x'), /disposed/);
});

test('the shipped rule image and the shipped TOML packs give the same findings on the team corpus', async () => {
  const fromImage = await createChecker({ wasm: wasmBytes() });
  const fromPacks = await createChecker({ wasm: wasmBytes(), packs: shippedPacks });
  assert.deepEqual(fromImage.version, fromPacks.version);
  assert.deepEqual(fromImage.rules(), fromPacks.rules());
  const dir = path.join(pkg, '../../../tests/corpus');
  let drafts = 0;
  let findings = 0;
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.jsonl'))) {
    for (const line of fs.readFileSync(path.join(dir, file), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const { text } = JSON.parse(line);
      const a = fromImage.check(text);
      assert.deepEqual(a, fromPacks.check(text), text);
      drafts += 1;
      findings += a.length;
    }
  }
  assert.ok(drafts > 500 && findings > 300, `${drafts} drafts, ${findings} findings compared`);
  fromImage.dispose();
  fromPacks.dispose();
});

test('only the build can mark a pack prevalidated: a copy of a shipped pack is validated in full', async () => {
  const copy = { ...shippedPacks[0], prevalidated: true };
  await assert.rejects(createChecker({ wasm: wasmBytes(), packs: [copy] }), /missing 'examples'/);
  const checker = await createChecker({ wasm: wasmBytes(), packs: [shippedPacks[0]] });
  checker.dispose();
});
