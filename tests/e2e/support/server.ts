// A tiny static server for the portal fixtures. Each portal folder may hold a routes.json mapping a
// realistic path ("/sp", "/assessment_take2.do") to a fixture file, so pages keep the real URL shapes.
// Vendor libraries (AngularJS, jQuery, select2, Quill, the widget libraries) are served from node_modules under /vendor/.
// One port speaks both HTTP and HTTPS: onetrust.com is HSTS-preloaded, so Chromium upgrades its URLs to https
// on the same port; a self-signed certificate (made with openssl at start, accepted by the test browser) serves those.
import { createServer, type RequestListener } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import { createServer as createTcpServer, type Server as TcpServer } from 'node:net';
import { execFileSync } from 'node:child_process';
import { readFileSync, existsSync, readdirSync, statSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../../..');
const fixturesDir = join(root, 'tests/fixtures');
const portalsDir = join(fixturesDir, 'portals');

const vendor: Record<string, string> = {
  'angular.js': 'node_modules/angular/angular.js',
  'jquery.js': 'node_modules/jquery/dist/jquery.js',
  'select2.js': 'node_modules/select2/select2.js',
  'select2.css': 'node_modules/select2/select2.css',
  'select2.png': 'node_modules/select2/select2.png',
  'select2-spinner.gif': 'node_modules/select2/select2-spinner.gif',
  'quill.js': 'node_modules/quill/dist/quill.js',
  'quill.snow.css': 'node_modules/quill/dist/quill.snow.css',
  'react.js': 'node_modules/react/umd/react.development.js',
  // Built by tests/fixtures/portals/generic/build-react-fixture.ts (React 19 has no browser build to serve as is).
  'react-form.js': 'node_modules/.cache/qa-generic-fixtures/react-form.js',
  // Widget-library fixtures (tests/fixtures/portals/widgets/): dev and test only, never in the extension.
  'tom-select.js': 'node_modules/tom-select/dist/js/tom-select.complete.js',
  'tom-select.css': 'node_modules/tom-select/dist/css/tom-select.css',
  'choices.js': 'node_modules/choices.js/public/assets/scripts/choices.js',
  'choices.css': 'node_modules/choices.js/public/assets/styles/choices.css',
  'jquery-ui.js': 'node_modules/jquery-ui/dist/jquery-ui.js',
  'jquery-ui.css': 'node_modules/jquery-ui/dist/themes/base/jquery-ui.css',
  'chosen.jquery.js': 'node_modules/chosen-js/chosen.jquery.js',
  'chosen.css': 'node_modules/chosen-js/chosen.css',
  'chosen-sprite.png': 'node_modules/chosen-js/chosen-sprite.png',
  'chosen-sprite@2x.png': 'node_modules/chosen-js/chosen-sprite@2x.png',
  'bootstrap4.css': 'node_modules/bootstrap/dist/css/bootstrap.css',
  'bootstrap4.bundle.js': 'node_modules/bootstrap/dist/js/bootstrap.bundle.js',
  'bootstrap-select.js': 'node_modules/bootstrap-select/dist/js/bootstrap-select.js',
  'bootstrap-select.css': 'node_modules/bootstrap-select/dist/css/bootstrap-select.css',
  'shoelace-light.css': 'node_modules/@shoelace-style/shoelace/dist/themes/light.css',
  // Built by tests/fixtures/portals/widgets/build-widget-fixtures.ts.
  'shoelace-fixture.js': 'node_modules/.cache/qa-widget-fixtures/shoelace-fixture.js',
  'react-select-fixture.js': 'node_modules/.cache/qa-widget-fixtures/react-select-fixture.js',
  'mui-fixture.js': 'node_modules/.cache/qa-widget-fixtures/mui-fixture.js',
  'headless-ui-fixture.js': 'node_modules/.cache/qa-widget-fixtures/headless-ui-fixture.js',
};

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
};

function loadRoutes(): Map<string, string> {
  const routes = new Map<string, string>();
  if (!existsSync(portalsDir)) return routes;
  for (const name of readdirSync(portalsDir)) {
    const file = join(portalsDir, name, 'routes.json');
    if (!existsSync(file)) continue;
    const table = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
    for (const [path, target] of Object.entries(table)) routes.set(path, join(portalsDir, name, target));
  }
  return routes;
}

function resolveFile(pathname: string, routes: Map<string, string>): string | undefined {
  const routed = routes.get(pathname);
  if (routed) return routed;
  if (pathname.startsWith('/vendor/')) {
    const rel = vendor[pathname.slice('/vendor/'.length)];
    return rel ? join(root, rel) : undefined;
  }
  const file = normalize(join(fixturesDir, decodeURIComponent(pathname)));
  if (!file.startsWith(fixturesDir)) return undefined;
  if (existsSync(file) && statSync(file).isFile()) return file;
  return undefined;
}

export interface FixtureServer {
  server: TcpServer;
  port: number;
  close(): Promise<void>;
}

function makeSelfSignedCertificate(): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), 'qa-fixture-tls-'));
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=qa-fixtures',
    '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
  return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
}

export async function startFixtureServer(port = 0): Promise<FixtureServer> {
  const routes = loadRoutes();
  const handle: RequestListener = (req, res) => {
    const url = new URL(req.url ?? '/', 'http://fixture.local');
    if (req.method === 'POST') {
      // Portal "save" stubs post here; the body is echoed so a test can assert nothing was posted.
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"ok":true}');
      return;
    }
    const file = resolveFile(url.pathname, routes);
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end(`not found: ${url.pathname}`);
      return;
    }
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    res.end(readFileSync(file));
  };
  const plain = createServer(handle);
  const tls = createTlsServer(makeSelfSignedCertificate(), handle);
  // A TLS connection starts with a handshake record (0x16); anything else is plain HTTP.
  const server = createTcpServer((socket) => {
    socket.once('data', (first) => {
      socket.pause();
      socket.unshift(first);
      (first[0] === 0x16 ? tls : plain).emit('connection', socket);
      process.nextTick(() => socket.resume());
    });
  });
  await new Promise<void>((ok) => server.listen(port, '127.0.0.1', ok));
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return {
    server,
    port: actualPort,
    close: () => {
      plain.closeAllConnections();
      tls.closeAllConnections();
      return new Promise<void>((ok) => server.close(() => ok()));
    },
  };
}
