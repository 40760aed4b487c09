import type { PackText } from './checker.js';

/** The packs shipped in rules/, as TOML text (examples and comments removed). */
export const shippedPacks: readonly PackText[];
