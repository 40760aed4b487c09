// Serves the built page (build/web/page) on 127.0.0.1 with the same strict
// CSP its meta tag declares, and says where everything else is.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from './static-server.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const port = Number(process.argv[2] ?? 8080);
const pageDir = path.join(root, 'build/web/page');
const extDir = path.join(root, 'build/web/extension');
const cspFile = path.join(pageDir, 'csp.txt');

const headers = fs.existsSync(cspFile) ? { 'Content-Security-Policy': fs.readFileSync(cspFile, 'utf8').trim() } : {};
const mounts = fs.existsSync(pageDir) ? { '/': pageDir } : { '/pkg/': path.join(root, 'build/web/pkg') };
const server = await startServer({ mounts, headers, port });

console.log('PostCheck is built.');
if (fs.existsSync(pageDir)) console.log(`  Self-service page:  ${server.url}/`);
else console.log(`  (the page is not built yet; the Checker package is at ${server.url}/pkg/)`);
if (fs.existsSync(extDir)) console.log(`  Browser extension:  load ${path.relative(process.cwd(), extDir)} as an unpacked extension (chrome://extensions, Developer mode)`);
console.log(`  Native CLI:         ${path.relative(process.cwd(), path.join(root, 'build/native/bin/postcheck'))} check --help`);
console.log('Press Ctrl+C to stop.');
