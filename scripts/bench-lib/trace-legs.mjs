// Splits each check of a Chromium trace (categories blink.user_timing and
// mojom) into the legs of its trip, from the content script's
// 'postcheck:check' mark to its 'postcheck:painted' mark:
//
//   send     page renderer -> browser      (the draft reaches the browser's UI thread)
//   deliver  browser -> service worker     (the worker thread starts on it)
//   worker   check and answer              (until the browser has the answer)
//   return   browser -> page renderer      (the content script's thread gets the answer)
//   paint    answer -> frame               (apply the findings, wait for the next frame)
//
// Each leg is read off the IPC messages the trace records where they are
// received, so an idle thread waiting for the CPU shows up in the leg it delays.
// Also counts the extension's IPC messages per check.

const EXT_IPC = /^(extensions\.mojom\.|blink\.mojom\.ServiceWorker$)/;

function threads(events) {
  const names = new Map();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args.name);
  return names;
}

/** `{ checks: [{ seq, total, send, deliver, worker, return, paint }], ipcPerCheck }` from trace events. */
export function traceLegs(events) {
  const names = threads(events);
  const marks = events.filter((e) => e.cat === 'blink.user_timing' && e.name?.startsWith('postcheck:'));
  if (!marks.length) throw new Error('no postcheck marks in the trace (category blink.user_timing)');
  const page = `${marks[0].pid}:${marks[0].tid}`;
  const received = events
    .filter((e) => e.name === 'Receive mojo message' && EXT_IPC.test(e.args?.chrome_mojo_event_info?.mojo_interface_tag ?? ''))
    .map((e) => ({ ts: e.ts, tag: e.args.chrome_mojo_event_info.mojo_interface_tag, method: e.args.chrome_mojo_event_info.ipc_hash, thread: `${e.pid}:${e.tid}` }))
    .sort((a, b) => a.ts - b.ts);
  const at = (from, test) => received.find((r) => r.ts >= from && test(r));
  const toBrowser = (r) => names.get(r.thread) === 'CrBrowserMain' && r.tag === 'extensions.mojom.MessagePortHost';
  const toWorker = (r) => names.get(r.thread) === 'ServiceWorker thread' && r.tag === 'extensions.mojom.MessagePort';
  const toPage = (r) => r.thread === page && r.tag === 'extensions.mojom.MessagePort';

  const painted = new Map();
  for (const m of marks) if (m.name === 'postcheck:painted') painted.set(JSON.parse(m.args.data.detail).seq, m.ts);
  const checks = [];
  for (const m of marks) {
    if (m.name !== 'postcheck:check') continue;
    const seq = JSON.parse(m.args.data.detail).seq;
    const end = painted.get(seq);
    if (end == null) continue; // superseded before it painted
    // The draft's PostMessage; the answer is the next call of the same method
    // (a one-time message also sends "response pending" and close calls).
    const post = at(m.ts, toBrowser);
    const t1 = post?.ts;
    const t2 = t1 && at(t1, toWorker)?.ts;
    const t3 = t2 && at(t2, (r) => toBrowser(r) && r.method === post.method)?.ts;
    const t4 = t3 && at(t3, toPage)?.ts;
    if (!t4 || t4 > end) continue;
    const ms = (a, b) => (b - a) / 1000;
    checks.push({ seq, total: ms(m.ts, end), send: ms(m.ts, t1), deliver: ms(t1, t2), worker: ms(t2, t3), return: ms(t3, t4), paint: ms(t4, end) });
  }
  const checked = marks.filter((m) => m.name === 'postcheck:check').length;
  return { checks, ipcPerCheck: received.length / checked };
}
