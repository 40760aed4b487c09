// The WebExtension namespace: `browser` in Firefox (promises), `chrome` in
// Chromium (promises in MV3). One name for both.
export const ext = globalThis.browser ?? globalThis.chrome;
