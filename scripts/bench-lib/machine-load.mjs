// How busy the machine was while something was timed (Linux; null elsewhere):
//
//   steal     % of CPU time the hypervisor gave to other guests (/proc/stat)
//   pressure  % of the time some task here waited for a CPU (/proc/pressure/cpu)
//
// Latency tails follow these. On a shared 2-core VM, 200-key runs of the
// keystroke benchmark with under 2% steal had a check-to-paint p95 of 6-17 ms;
// with 5-15% steal, 21-75 ms, whatever the build and draft length.
import fs from 'node:fs';

function read() {
  try {
    const cpu = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    const psi = /total=(\d+)/.exec(fs.readFileSync('/proc/pressure/cpu', 'utf8'));
    return { ticks: cpu.reduce((a, b) => a + b, 0), steal: cpu[7] ?? 0, waitedUs: psi ? Number(psi[1]) : null, at: performance.now() };
  } catch {
    return null;
  }
}

/** Starts measuring; the returned function gives `{ steal, pressure }` in % since then (either may be null). */
export function loadMeter() {
  const start = read();
  return () => {
    const end = read();
    if (!start || !end) return { steal: null, pressure: null };
    const ticks = end.ticks - start.ticks;
    return {
      steal: ticks > 0 ? (100 * (end.steal - start.steal)) / ticks : null,
      pressure: start.waitedUs != null ? (100 * (end.waitedUs - start.waitedUs)) / 1000 / (end.at - start.at) : null,
    };
  };
}
