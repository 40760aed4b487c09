// Debian's Chromium, driven by playwright-core (a browser cannot be
// downloaded here). The flags keep it from reaching for the network itself.
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.POSTCHECK_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-quic', '--disable-features=Translate,OptimizationHints,MediaRouter',
];

export function launch(options = {}) {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, ...options });
}

/** A persistent context with an unpacked extension loaded. */
export function launchWithExtension(userDataDir, extensionDir, options = {}) {
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [...CHROMIUM_ARGS, `--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`],
    ...options,
  });
}
