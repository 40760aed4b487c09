// Timing helpers shared by every system in the benchmark.

export function percentile(values, p) {
  const v = [...values].sort((a, b) => a - b);
  return v[Math.min(v.length - 1, Math.round(p * (v.length - 1)))];
}

/**
 * Times `fn(text)` `iterations` times in batches of `batch` calls, returning
 * per-call microseconds for each batch. batch > 1 only where the clock is too
 * coarse to time one call (Chromium without cross-origin isolation).
 */
export function timeCalls(fn, text, iterations, batch = 1) {
  for (let i = 0; i < Math.min(50, Math.ceil(iterations / 10)); i++) fn(text);  // warm-up
  const samples = [];
  const rounds = Math.max(1, Math.ceil(iterations / batch));
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    for (let i = 0; i < batch; i++) fn(text);
    samples.push(((performance.now() - t0) * 1000) / batch);
  }
  return samples;
}

export function summarise(name, text, samples, extra = {}) {
  const bytes = new TextEncoder().encode(text).length;
  const median = percentile(samples, 0.5);
  return { name, bytes, chars: text.length, medianUs: median, p99Us: percentile(samples, 0.99), mbPerS: bytes / median, ...extra };
}
