// The wasm build in headless Chromium (Debian's), through the public Checker
// API, on a page served from 127.0.0.1 with cross-origin isolation so that
// performance.now() is fine-grained.
import path from 'node:path';
import { startServer } from '../lib/static-server.mjs';
import { launch } from '../lib/chromium.mjs';

const PAGE = `<!doctype html><meta charset="utf-8"><title>PostCheck bench</title><p>bench</p>`;

export async function runWasmChromium(root, drafts) {
  const server = await startServer({
    mounts: { '/pkg/': path.join(root, 'build/web/pkg'), '/lib/': path.join(root, 'scripts/bench-lib') },
    routes: { '/bench.html': { body: PAGE } },
    headers: { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' },
  });
  const browser = await launch();
  try {
    const page = await browser.newPage();
    await page.goto(`${server.url}/bench.html`);
    return await page.evaluate(async (drafts) => {
      const { createChecker } = await import('/pkg/checker.js');
      const { timeCalls, summarise } = await import('/lib/stats.mjs');
      const t0 = performance.now();
      const checker = await createChecker({ wasm: '/pkg/postcheck-core.wasm' });
      const startupMs = performance.now() - t0;
      // Even isolated, Chromium's clock is 5 µs: batch the short drafts.
      const results = drafts.map((d) => {
        const batch = d.text.length < 10000 ? 20 : 1;
        return summarise(d.name, d.text, timeCalls((t) => checker.check(t), d.text, d.iterations, batch), {
          findings: checker.check(d.text).length, batch, isolated: self.crossOriginIsolated,
        });
      });
      return { system: 'wasm-chromium', startupMs, results };
    }, drafts);
  } finally {
    await browser.close();
    await server.close();
  }
}
