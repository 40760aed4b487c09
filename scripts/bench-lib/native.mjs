// The native build, timed in-process by postcheck_bench (C++ steady_clock).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';

export function runNative(root, drafts, budgetMs = 3000) {
  const bin = process.env.POSTCHECK_BENCH_BIN ?? path.join(root, 'build/native/bin/postcheck_bench');
  const file = path.join(os.tmpdir(), `postcheck-bench-${process.pid}.json`);
  fs.writeFileSync(file, JSON.stringify({ drafts, budgetMs }));
  const r = spawnSync(bin, [file], { encoding: 'utf8', maxBuffer: 1 << 28 });
  fs.rmSync(file, { force: true });
  if (r.status !== 0) throw new Error(`postcheck_bench failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}
