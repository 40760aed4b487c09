// Where the check-to-paint time of the keystroke benchmark goes, profiled in
// Chromium (same page, draft and keystrokes as keystrokes.mjs, one length):
//
//   node scripts/bench-lib/typing-profile.mjs [length] [keys]         trace: the legs of each check (trace-legs.mjs)
//   node scripts/bench-lib/typing-profile.mjs [length] [keys] --cpu   V8 CPU profiles of the page (content script) and the service worker
//
// Needs `node web/build.mjs` first. Profiling slows Chromium down: compare
// legs and functions with each other, not the totals with scripts/bench.
import { startFixtureSite, launchWithPostCheck, requireBuilt } from '../../tests/browser/lib/extension-harness.mjs';
import { openDraft, typeKeys } from './keystrokes.mjs';
import { traceLegs } from './trace-legs.mjs';
import { percentile } from './stats.mjs';

const args = process.argv.slice(2);
const cpu = args.includes('--cpu');
const [length = 5000, keys = 200] = args.filter((a) => !a.startsWith('--')).map(Number);
const PAUSE_MS = 260;

async function readStream(cdp, handle) {
  const chunks = [];
  for (;;) {
    const { data, eof, base64Encoded } = await cdp.send('IO.read', { handle, size: 1 << 20 });
    chunks.push(base64Encoded ? Buffer.from(data, 'base64').toString() : data);
    if (eof) return chunks.join('');
  }
}

async function traced(browserCdp, page) {
  const done = new Promise((resolve) => browserCdp.once('Tracing.tracingComplete', resolve));
  await browserCdp.send('Tracing.start', {
    traceConfig: { includedCategories: ['blink.user_timing', 'mojom'], recordMode: 'recordContinuously' }, transferMode: 'ReturnAsStream',
  });
  await typeKeys(page, keys, PAUSE_MS);
  await browserCdp.send('Tracing.end');
  const trace = JSON.parse(await readStream(browserCdp, (await done).stream));
  const { checks, ipcPerCheck } = traceLegs(trace.traceEvents ?? trace);
  console.log(`${checks.length} checks at ${length} characters; ${ipcPerCheck.toFixed(1)} extension IPC messages per check`);
  console.log('leg        median     p95     max   (ms)');
  for (const leg of ['total', 'send', 'deliver', 'worker', 'return', 'paint']) {
    const v = checks.map((c) => c[leg]);
    console.log(`${leg.padEnd(8)} ${percentile(v, 0.5).toFixed(2).padStart(8)} ${percentile(v, 0.95).toFixed(2).padStart(7)} ${Math.max(...v).toFixed(2).padStart(7)}`);
  }
}

/** The service worker's DevTools session (Playwright gives none for workers): send(method, params). */
async function workerSession(browserCdp) {
  const { targetInfos } = await browserCdp.send('Target.getTargets');
  const target = targetInfos.find((t) => t.type === 'service_worker' && t.url.endsWith('/sw.js'));
  const { sessionId } = await browserCdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
  let id = 0;
  const waiting = new Map();
  browserCdp.on('Target.receivedMessageFromTarget', (e) => {
    const m = JSON.parse(e.message);
    if (e.sessionId === sessionId && waiting.has(m.id)) waiting.get(m.id)(m.result);
  });
  return {
    send: (method, params = {}) => new Promise((resolve) => {
      waiting.set(++id, resolve);
      browserCdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
    }),
  };
}

function topFunctions(profile, n = 15) {
  const self = new Map();
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  for (let i = 0; i < profile.samples.length; i++) {
    const { functionName, url, lineNumber } = byId.get(profile.samples[i]).callFrame;
    const key = `${functionName || '(anonymous)'} ${url.split('/').pop()}${url ? `:${lineNumber + 1}` : ''}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000);
  }
  return [...self].filter(([k]) => !k.startsWith('(idle)')).sort((a, b) => b[1] - a[1]).slice(0, n);
}

async function profiled(browserCdp, page) {
  const pageCdp = await page.context().newCDPSession(page);
  const worker = await workerSession(browserCdp);
  for (const s of [pageCdp, worker]) {
    await s.send('Profiler.enable');
    await s.send('Profiler.setSamplingInterval', { interval: 200 });
    await s.send('Profiler.start');
  }
  await typeKeys(page, keys, PAUSE_MS);
  for (const [name, s] of [['page (content script and site)', pageCdp], ['service worker', worker]]) {
    const { profile } = await s.send('Profiler.stop');
    console.log(`\n${name}: self time over ${keys} keystrokes (ms)`);
    for (const [fn, ms] of topFunctions(profile)) console.log(`${ms.toFixed(1).padStart(9)}  ${fn}`);
  }
}

requireBuilt();
const site = await startFixtureSite();
const ext = await launchWithPostCheck(site.port, { netLog: false });
try {
  const page = await openDraft(ext.context, length, keys);
  const browserCdp = await ext.context.browser().newBrowserCDPSession();
  await (cpu ? profiled(browserCdp, page) : traced(browserCdp, page));
} finally {
  await ext.close();
  ext.cleanup();
  await site.close();
}
