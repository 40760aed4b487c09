// PostCheck's Checker API: one ES module, the same in a page, a Web Worker, an
// extension's service worker or offscreen document, and Node 20.
//
//   const checker = await createChecker({ wasm, profile, packs, orgTerms });
//   const findings = checker.check(text, context);   // Contract 1, UTF-16 offsets
//
// The .wasm arrives only as the caller says: a URL (fetched once), bytes, or a
// compiled WebAssembly.Module. Nothing here guesses a path or a host.
//
// The shipped rules arrive as a rule image (rules-image.js): the packs in
// rules/, loaded, checked and compiled by this engine at build time, so that
// start-up copies them in instead of parsing TOML and compiling hundreds of
// patterns. Passing `packs` loads TOML instead (slower to start, same API).
import createPostCheckCore from './postcheck-core.mjs';
import { shippedImageBase64 } from './rules-image.js';
import { decodeBase64 } from './base64.js';
import { isShipped } from './shipped.js';

let shippedImage = null;  // decoded on first use, then shared

const encoder = new TextEncoder();

/** Turns the `wasm` option into what WebAssembly.instantiate takes. */
async function wasmSource(wasm) {
  if (wasm instanceof WebAssembly.Module) return wasm;
  if (wasm instanceof ArrayBuffer || ArrayBuffer.isView(wasm)) return wasm;
  if (typeof wasm === 'string' || wasm instanceof URL) {
    const response = await fetch(wasm);
    if (!response.ok) throw new Error(`PostCheck: could not load the WebAssembly module from ${wasm} (HTTP ${response.status})`);
    return response.arrayBuffer();
  }
  throw new TypeError('PostCheck: createChecker needs `wasm`: a URL, the bytes of postcheck-core.wasm, or a WebAssembly.Module');
}

function normalisePacks(packs) {
  if (!Array.isArray(packs)) throw new TypeError('PostCheck: `packs` must be an array of TOML texts or { file, text } objects');
  return packs.map((p, i) => {
    if (typeof p === 'string') return { file: `pack ${i + 1}`, text: p };
    // Only the build marks packs prevalidated (shippedPacks); an
    // organisation's own packs are always validated in full.
    const prevalidated = isShipped(p);
    if (p && typeof p.text === 'string') return { file: typeof p.file === 'string' ? p.file : `pack ${i + 1}`, text: p.text, prevalidated };
    throw new TypeError(`PostCheck: pack ${i + 1} must be a TOML string or { file, text }`);
  });
}

const SEVERITIES = ['info', 'advice', 'warning', 'serious'];

/** Contract 1, from a compact finding and its rule. */
function toFinding(rule, severity, start, end, term, text) {
  const f = {
    rule: rule.id,
    category: rule.category,
    severity: SEVERITIES[severity],
    start,
    end,
    text: text.slice(start, end),
    message: rule.message,
    suggestion: rule.suggestion,
    sources: rule.sources,
  };
  if (term) f.term = term;
  return f;
}

/**
 * Creates a checker. See checker.d.ts for the options and the finding shape.
 */
export async function createChecker({ wasm, profile = 'councillor', packs, orgTerms } = {}) {
  if (profile !== 'councillor' && profile !== 'personal') {
    throw new TypeError('PostCheck: `profile` must be "councillor" or "personal"');
  }
  const packList = packs === undefined ? null : normalisePacks(packs);
  const source = await wasmSource(wasm);
  let failInstantiation;
  const instantiationFailed = new Promise((_, reject) => { failInstantiation = reject; });
  const core = await Promise.race([
    createPostCheckCore({
      // Instantiate ourselves so the Emscripten loader never fetches anything.
      instantiateWasm(imports, receive) {
        WebAssembly.instantiate(source, imports).then(
          (result) => receive(result instanceof WebAssembly.Instance ? result : result.instance),
          (error) => failInstantiation(new Error(`PostCheck: the WebAssembly module did not instantiate: ${error.message}`)),
        );
        return {};
      },
      print: () => {},
      printErr: () => {},
    }),
    instantiationFailed,
  ]);
  const engine = new core.Engine();
  if (!packList && !shippedImage) shippedImage = decodeBase64(shippedImageBase64);
  const loadError = packList ? engine.load(JSON.stringify(packList), profile) : engine.loadImage(shippedImage, profile);
  if (loadError) {
    engine.delete();
    throw new Error(`PostCheck: rule packs failed to load:\n${loadError}`);
  }
  // Rule metadata is read from the engine as findings name rules (or all at
  // once for rules()), not at start-up.
  const ruleCache = new Array(engine.ruleCount());
  const ruleAt = (index) => ruleCache[index] ?? (ruleCache[index] = Object.freeze(JSON.parse(engine.rule(index))));
  let rules = null;
  let version = null;
  let disposed = false;
  const defaults = orgTerms ? { orgTerms } : null;

  const live = () => {
    if (disposed) throw new Error('PostCheck: this checker has been disposed');
  };

  return {
    get version() {
      if (!version) {
        live();
        version = Object.freeze(JSON.parse(engine.version()));
      }
      return version;
    },
    check(text, context) {
      live();
      if (typeof text !== 'string') throw new TypeError('PostCheck: check(text) needs a string');
      let ctx = context ?? null;
      if (ctx !== null && (typeof ctx !== 'object' || Array.isArray(ctx))) {
        throw new TypeError('PostCheck: context must be an object (see Contract 3)');
      }
      if (defaults && !(ctx && 'orgTerms' in ctx)) ctx = { ...(ctx ?? {}), ...defaults };
      // The draft is encoded straight into the engine's input bytes (at most
      // three a UTF-16 unit). TextEncoder replaces a lone surrogate with
      // U+FFFD: one UTF-16 unit for one, so the offsets that come back are
      // this string's indices.
      const capacity = text.length * 3;
      const input = engine.input(capacity);
      const { written } = encoder.encodeInto(text, core.HEAPU8.subarray(input, input + capacity));
      const count = engine.checkInput(written, ctx ? JSON.stringify(ctx) : '');
      if (count < 0) throw new Error(`PostCheck: ${engine.error()}`);
      // Five Int32s a finding (wasm/bindings.cc). HEAP32 is read after the
      // calls: a check may have grown the memory and replaced it.
      const heap = core.HEAP32;
      const at = engine.results() >>> 2;
      const findings = new Array(count);
      for (let i = 0; i < count; i++) {
        const [index, severity, start, end, termLength] = heap.subarray(at + 5 * i, at + 5 * i + 5);
        findings[i] = toFinding(ruleAt(index), severity, start, end, termLength ? engine.term(i) : '', text);
      }
      return findings;
    },
    rules() {
      live();
      if (!rules) {
        const all = JSON.parse(engine.rules());
        rules = Object.freeze(all.map((r, i) => ruleCache[i] ?? (ruleCache[i] = Object.freeze(r))));
      }
      return rules;
    },
    /** Bytes of WebAssembly memory in use (for leak tests and benchmarks). */
    memoryBytes() {
      live();
      return core.HEAPU8.buffer.byteLength;
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      engine.delete();
    },
  };
}
