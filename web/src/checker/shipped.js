// Which pack objects the build shipped. Only those are loaded as
// prevalidated (patterns compiled on first use, examples not required); a
// pack anyone else builds is always validated in full, whatever it claims.
const shipped = new WeakSet();

export function markShipped(packs) {
  for (const p of packs) shipped.add(p);
  return packs;
}

export function isShipped(pack) {
  return shipped.has(pack);
}
