#!/usr/bin/env node
// A tiny static file server for the built app (`dist/`), with no dependencies.
//
// Usage: node server.js [DIR] [PORT]   (defaults: ../../dist and 8080; env PORT wins)
// It listens on 127.0.0.1 only, serves `.wasm` as application/wasm (browsers refuse to
// stream-compile it otherwise), answers `/` with index.html, and never lists directories.
'use strict';

const http = require('node:http');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(process.argv[2] || path.join(__dirname, '..', '..', 'dist'));
const port = Number(process.env.PORT || process.argv[3] || 8080);

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/** Maps a URL path to a file under `root`, or null when it would leave it. */
function fileFor(urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0]);
  } catch {
    return null;
  }
  const file = path.resolve(root, '.' + path.posix.normalize('/' + decoded));
  if (file !== root && !file.startsWith(root + path.sep)) return null;
  return file.endsWith(path.sep) || file === root ? path.join(file, 'index.html') : file;
}

const server = http.createServer((req, res) => {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD' }).end();
    return;
  }
  const file = fileFor(req.url || '/');
  fs.stat(file || '', (err, stat) => {
    if (!file || err || !stat.isFile()) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found\n');
      return;
    }
    res.writeHead(200, {
      'Content-Type': types[path.extname(file).toLowerCase()] || 'application/octet-stream',
      'Content-Length': stat.size,
      'Cache-Control': 'no-cache',
      'X-Content-Type-Options': 'nosniff',
    });
    if (req.method === 'HEAD') res.end();
    else fs.createReadStream(file).pipe(res);
  });
});

if (!fs.existsSync(path.join(root, 'index.html'))) {
  console.error(`server.js: no index.html in ${root}; build the app first (trunk build --release)`);
  process.exit(1);
}
server.listen(port, '127.0.0.1', () => {
  console.log(`Encours served from ${root} at http://127.0.0.1:${port}/ (Ctrl+C stops it)`);
});
