// The wasm build in headless Chromium (Debian's), through the public Checker
// API, on a page served from 127.0.0.1 with cross-origin isolation so that
// performance.now() is fine-grained (5 µs). Short drafts are timed in
// batches because even that clock is too coarse for one check.
import path from 'node:path';
import { startServer } from '../lib/static-server.mjs';
import { launch } from '../lib/chromium.mjs';

const PAGE = `<!doctype html><meta charset="utf-8"><title>PostCheck bench</title><p>bench</p>`;

export async function runWasmChromium(root, drafts, budgetMs = 3000) {
  const server = await startServer({
    mounts: { '/pkg/': path.join(root, 'build/web/pkg'), '/lib/': path.join(root, 'scripts/bench-lib') },
    routes: { '/bench.html': { body: PAGE } },
    headers: { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' },
  });
  const browser = await launch();
  try {
    const page = await browser.newPage();
    await page.goto(`${server.url}/bench.html`);
    return await page.evaluate(async ({ drafts, budgetMs }) => {
      const { createChecker } = await import('/pkg/checker.js');
      const { percentile } = await import('/lib/stats.mjs');
      const t0 = performance.now();
      const checker = await createChecker({ wasm: '/pkg/postcheck-core.wasm' });
      checker.check(drafts[0].texts?.[0] ?? drafts[0].text);
      const startupMs = performance.now() - t0;
      const results = drafts.map((d) => {
        const texts = d.texts ?? [d.text];
        const chars = texts.reduce((n, t) => n + t.length, 0) / texts.length;
        const batch = chars * texts.length < 10000 ? Math.ceil(10000 / (chars * texts.length)) : 1;
        const pass = () => { for (const t of texts) checker.check(t); };
        for (let i = 0; i < Math.min(3, d.iterations); i++) pass();
        const samples = [];
        const started = performance.now();
        for (let r = 0; r < Math.ceil(d.iterations / batch) && (r === 0 || performance.now() - started < budgetMs); r++) {
          const s = performance.now();
          for (let i = 0; i < batch; i++) pass();
          samples.push(((performance.now() - s) * 1000) / batch / texts.length);
        }
        const bytes = texts.reduce((n, t) => n + new TextEncoder().encode(t).length, 0) / texts.length;
        return { name: d.name, bytes, samples: samples.length, batch, medianUs: percentile(samples, 0.5), p99Us: percentile(samples, 0.99) };
      });
      return { system: 'postcheck-chromium', startupMs, isolated: self.crossOriginIsolated, heapBytes: checker.memoryBytes(), results };
    }, { drafts, budgetMs });
  } finally {
    await browser.close();
    await server.close();
  }
}
