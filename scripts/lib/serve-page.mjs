// Serves the built page (build/web/page) on 127.0.0.1 with the same strict
// CSP its meta tag declares (as a header, which also carries frame-ancestors),
// and says where everything else is. sw.js gets its own, narrower policy
// (build/web/page/sw-csp.txt): see web/build/page.mjs for why.
//
//   node scripts/lib/serve-page.mjs [PORT]        (scripts/serve runs this)
//   import { startPageServer } from './serve-page.mjs'   (the browser tests)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startServer } from './static-server.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const pageDir = path.join(root, 'build/web/page');
const extDir = path.join(root, 'build/web/extension');

const readPolicy = (file) => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim() : null);

/** The response headers the page needs: its CSP on every file, sw.js's own on sw.js. */
export function pageHeaders(dir = pageDir) {
  const csp = readPolicy(path.join(dir, 'csp.txt'));
  const swCsp = readPolicy(path.join(dir, 'sw-csp.txt'));
  return {
    headers: csp ? { 'Content-Security-Policy': csp, 'Referrer-Policy': 'no-referrer' } : {},
    pathHeaders: swCsp ? { '/sw.js': { 'Content-Security-Policy': swCsp } } : {},
  };
}

/** Starts a server for the built page; port 0 picks a free one. */
export function startPageServer({ port = 0, dir = pageDir } = {}) {
  if (!fs.existsSync(path.join(dir, 'index.html'))) throw new Error(`the page is not built: run node web/build.mjs (looked in ${dir})`);
  return startServer({ mounts: { '/': dir }, ...pageHeaders(dir), port });
}

async function main() {
  const port = Number(process.argv[2] ?? 8080);
  const built = fs.existsSync(path.join(pageDir, 'index.html'));
  const server = built
    ? await startPageServer({ port })
    : await startServer({ mounts: { '/pkg/': path.join(root, 'build/web/pkg') }, port });
  console.log('PostCheck is built.');
  if (built) console.log(`  Self-service page:  ${server.url}/`);
  else console.log(`  (the page is not built yet; the Checker package is at ${server.url}/pkg/)`);
  if (fs.existsSync(extDir)) console.log(`  Browser extension:  load ${path.relative(process.cwd(), extDir)} as an unpacked extension (chrome://extensions, Developer mode)`);
  console.log(`  Native CLI:         ${path.relative(process.cwd(), path.join(root, 'build/native/bin/postcheck'))} check --help`);
  console.log('Press Ctrl+C to stop.');
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) await main();
