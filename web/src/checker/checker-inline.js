// The Checker API with the WebAssembly module embedded in the script, for
// pages whose CSP forbids fetching anything (connect-src 'none') and for
// Workers started from such pages. Same API; `wasm` is optional here.
import { wasmBytes } from './postcheck-core-wasm.js';
import { createChecker as createWith } from './checker.js';

export function createChecker(options = {}) {
  return createWith({ wasm: wasmBytes, ...options });
}
