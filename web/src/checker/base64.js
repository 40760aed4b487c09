// Base64 to bytes, fast on a cold start: the wasm (checker-inline.js) and the
// rule image (rules-image.js) arrive as base64 inside JavaScript modules, and
// decoding them is part of start-up. Uses the platform's decoder where there
// is one (Uint8Array.fromBase64, Node's Buffer); otherwise a table loop,
// several times faster than Uint8Array.from(atob(s), callback).
const table = new Uint8Array(128);
for (let i = 0; i < 64; i += 1) {
  table['ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'.charCodeAt(i)] = i;
}

export function decodeBase64(s) {
  if (typeof Uint8Array.fromBase64 === 'function') return Uint8Array.fromBase64(s);
  if (typeof Buffer === 'function') {
    const b = Buffer.from(s, 'base64');
    return new Uint8Array(b.buffer, b.byteOffset, b.length);
  }
  const pad = s.endsWith('==') ? 2 : s.endsWith('=') ? 1 : 0;
  const out = new Uint8Array((s.length / 4) * 3 - pad);
  let o = 0;
  for (let i = 0; i < s.length; i += 4) {
    const n = (table[s.charCodeAt(i)] << 18) | (table[s.charCodeAt(i + 1)] << 12) |
      (table[s.charCodeAt(i + 2)] << 6) | table[s.charCodeAt(i + 3)];
    out[o++] = n >> 16;
    if (o < out.length) out[o++] = (n >> 8) & 255;
    if (o < out.length) out[o++] = n & 255;
  }
  return out;
}
