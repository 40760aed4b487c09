// Shared by the Node tests: the built package and the native CLI.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const pkg = path.join(root, 'build/web/pkg');
export const cli = process.env.POSTCHECK_BIN ?? path.join(root, 'build/native/bin/postcheck');

export async function loadPackage() {
  return import(path.join(pkg, 'checker.js'));
}

export function wasmBytes() {
  return fs.readFileSync(path.join(pkg, 'postcheck-core.wasm'));
}

/** Runs `postcheck batch` over [{id, text, context?}] and returns {id: findings}. */
export function nativeBatch(drafts, args = []) {
  const input = drafts.map((d) => JSON.stringify(d)).join('\n') + '\n';
  const r = spawnSync(cli, ['batch', ...args], { input, maxBuffer: 1 << 30, encoding: 'utf8' });
  if (r.status === 2) throw new Error(`postcheck batch failed: ${r.stderr}`);
  const out = new Map();
  for (const line of r.stdout.split('\n')) {
    if (!line) continue;
    const o = JSON.parse(line);
    out.set(o.id, o);
  }
  return out;
}

/** Drafts for parity: the team corpus when present, else every rule example. */
export function teamDrafts(rules) {
  const dir = path.join(root, 'tests/corpus');
  const drafts = [];
  if (fs.existsSync(dir)) {
    for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort()) {
      for (const line of fs.readFileSync(path.join(dir, f), 'utf8').split('\n')) {
        if (!line.trim()) continue;
        const o = JSON.parse(line);
        drafts.push({ id: `${f}:${o.id}`, text: o.text, ...(o.context ? { context: o.context } : {}) });
      }
    }
  }
  return drafts;
}
