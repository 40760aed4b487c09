// Carries drafts to the service worker for checking over one long-lived port
// (runtime.connect) per frame, not one runtime.sendMessage per check.
//
// Why: a one-time message opens a channel, waits for the worker to accept it,
// and closes it again, every time. Traced while typing (scripts/bench-lib/
// typing-profile.mjs), that was 15 extension IPC messages per check against 8
// over a port, the browser's UI thread busy 1-2 ms opening the channel, and the
// worker woken twice (to accept, then for the draft) in a process Chromium
// runs at lower priority (nice 5 on Linux). On a busy machine each hop can
// wait for the scheduler: that was the slow tail of check-to-paint.
//
// The port opens on the first check, and again after it drops (the browser
// stopped the idle worker, the page went into the back/forward cache). A check
// caught by a drop is sent once more on a fresh port, as runtime.sendMessage
// would have woken the worker for it.
import { ext } from '../shared/ext.js';
import { PORT } from '../shared/messages.js';

class ChannelClosed extends Error {}

export class CheckChannel {
  constructor() {
    this.port = null;
    this.pending = new Map(); // id -> { resolve, reject }
    this.nextId = 0;
  }

  /** Findings (Contract 1) for `text`; throws if the extension is gone or the worker fails. */
  async check(text, platform) {
    try {
      return await this.request(text, platform);
    } catch (e) {
      if (!(e instanceof ChannelClosed)) throw e;
      return this.request(text, platform);
    }
  }

  request(text, platform) {
    const port = this.open();
    const id = ++this.nextId;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      try {
        port.postMessage({ id, text, platform });
      } catch {
        this.dropped(port, new ChannelClosed('the check channel closed'));
      }
    });
  }

  open() {
    if (this.port) return this.port;
    // Throws once the extension was reloaded or removed (the caller then goes quiet).
    const port = ext.runtime.connect({ name: PORT.CHECK });
    port.onMessage.addListener((m) => this.answer(m));
    port.onDisconnect.addListener(() => this.dropped(port, new ChannelClosed('the check channel closed')));
    this.port = port;
    return port;
  }

  answer(m) {
    const p = this.pending.get(m?.id);
    if (!p) return;
    this.pending.delete(m.id);
    if (Array.isArray(m.findings)) p.resolve(m.findings);
    else p.reject(new Error(m.error ?? 'no answer'));
  }

  dropped(port, error) {
    if (this.port !== port) return;
    this.port = null;
    const pending = [...this.pending.values()];
    this.pending.clear();
    for (const p of pending) p.reject(error);
  }

  /** Lets go of the port (page hidden, PostCheck turned off here); the next check opens another. */
  close() {
    const port = this.port;
    if (!port) return;
    // Not retried; our own disconnect() does not fire onDisconnect here.
    this.dropped(port, new Error('PostCheck closed the check channel'));
    try {
      port.disconnect();
    } catch {
      // already gone
    }
  }
}
