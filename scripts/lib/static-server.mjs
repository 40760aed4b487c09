// A small static file server on 127.0.0.1, for scripts/serve, the browser
// tests and the benchmark. It serves only the directories it is given, with
// the headers it is given (a CSP, for instance), and logs every request so a
// test can prove what was asked for.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.webmanifest': 'application/manifest+json', '.txt': 'text/plain; charset=utf-8',
  '.ico': 'image/x-icon', '.toml': 'text/plain; charset=utf-8', '.md': 'text/plain; charset=utf-8',
};

/**
 * mounts: { '/': '/abs/dir', '/pkg/': '/abs/other' } (longest prefix wins).
 * routes: { '/bench.html': { type, body } } served from memory.
 * headers: extra response headers for every file (e.g. Content-Security-Policy).
 * pathHeaders: { '/sw.js': { ... } } headers for one path, over `headers`.
 */
export function startServer({ mounts = {}, routes = {}, headers = {}, pathHeaders = {}, port = 0, host = '127.0.0.1' } = {}) {
  const requests = [];
  const prefixes = Object.keys(mounts).sort((a, b) => b.length - a.length);
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    requests.push(url.pathname);
    const send = (status, type, body) => {
      res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', ...headers, ...pathHeaders[url.pathname] });
      res.end(body);
    };
    if (routes[url.pathname]) {
      const r = routes[url.pathname];
      return send(200, r.type ?? 'text/html; charset=utf-8', r.body);
    }
    const prefix = prefixes.find((p) => url.pathname.startsWith(p));
    if (!prefix) return send(404, 'text/plain', 'not found');
    let rel = decodeURIComponent(url.pathname.slice(prefix.length));
    if (rel === '' || rel.endsWith('/')) rel += 'index.html';
    const base = path.resolve(mounts[prefix]);
    const file = path.resolve(base, rel);
    if (file !== base && !file.startsWith(base + path.sep)) return send(403, 'text/plain', 'forbidden');
    fs.readFile(file, (err, body) => {
      if (err) return send(404, 'text/plain', 'not found');
      send(200, TYPES[path.extname(file)] ?? 'application/octet-stream', body);
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const { port: p } = server.address();
      resolve({ url: `http://${host}:${p}`, requests, close: () => new Promise((r) => server.close(r)) });
    });
  });
}
