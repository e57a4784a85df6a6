// `convenant sources --check` against a real HTTP server on this machine: working, dead, moved,
// HEAD-refusing and silent links; and a machine without network says so instead of blaming links.
import { createServer, type Server } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSources } from '../../src/cli/commands/sources-run.js';
import { UsageError } from '../../src/cli/exit-codes.js';
import { memoryIo, runCli } from '../helpers/run-cli.js';

let server: Server;
let base: string;
let dir: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    switch (req.url) {
      case '/goed':
        return res.writeHead(200).end('ok');
      case '/weg':
        return res.writeHead(404).end();
      case '/verhuisd':
        return res.writeHead(301, { location: '/goed' }).end();
      case '/geen-head':
        return res.writeHead(req.method === 'HEAD' ? 405 : 200).end();
      case '/stil':
        return setTimeout(() => res.writeHead(200).end(), 3000).unref();
      default:
        return res.writeHead(500).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  dir = mkdtempSync(join(tmpdir(), 'convenant-sources-'));
  const source = (id: string, path: string) => `  - { id: ${id}, kind: website, title: Bron ${id}, url: "${base}${path}" }`;
  writeFileSync(
    join(dir, 'protocol.yaml'),
    `protocol: { id: links, title: Links, region: Test, version: "1", signed: "2025-10-01", evaluation: "2030-10-01", start: main }
sources:
${source('goed', '/goed')}
${source('weg', '/weg')}
${source('verhuisd', '/verhuisd')}
${source('geen-head', '/geen-head')}
${source('stil', '/stil')}
${source('ook-goed', '/goed')}
flows:
  - id: main
    title: Hoofd
    steps:
      - id: a
        type: yes-no
        question: Is er iets gebeurd?
        advice: [{ action: Schrijf het op, urgency: today, sources: [goed, weg, verhuisd, geen-head, stil, ook-goed] }]
        next: end
`,
  );
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('convenant sources --check', () => {
  it('names each dead link with where it is used, follows redirects, and exits 1', async () => {
    const { code, stdout } = await runCli(['sources', '--check', '--protocols', dir, '--timeout', '1']);
    expect(code).toBe(1);
    expect(stdout).toContain(`✖ ${base}/weg\n    HTTP 404 (niet gevonden)\n`);
    expect(stdout).toMatch(/protocol\.yaml:4:\d+ +bron "weg"/);
    expect(stdout).toContain(`✖ ${base}/stil\n    geen antwoord binnen 1 s`);
    expect(stdout).not.toContain(`${base}/verhuisd\n`);
    expect(stdout).not.toContain(`${base}/geen-head\n`);
    expect(stdout).toContain('2 van de 5 links werken niet.');
    expect(stdout).toContain('1 link verwijst door naar een ander adres');
  });

  it('lists every place that names a shared link once, in JSON too', async () => {
    const { stdout } = await runCli(['sources', '--check', '--protocols', dir, '--timeout', '1', '--format', 'json']);
    const report = JSON.parse(stdout);
    expect(report.checked).toBe(5);
    const good = report.links.find((l: { url: string }) => l.url === `${base}/goed`);
    expect(good.ok).toBe(true);
    expect(good.places.map((p: { what: string }) => p.what)).toEqual(['bron "goed"', 'bron "ook-goed"']);
  });

  it('says plainly that there is no network, and blames no link', async () => {
    const offline = async () => {
      throw Object.assign(new TypeError('fetch failed'), { cause: { code: 'ENOTFOUND' } });
    };
    const io = memoryIo();
    const run = runSources(io, { format: 'text', check: true, timeout: '1', protocols: dir }, offline);
    await expect(run).rejects.toThrow(UsageError);
    await expect(run).rejects.toThrow(/geen netwerk/);
    expect(io.out()).toBe('');
  });

  it('without --check lists the sources', async () => {
    const { code, stdout } = await runCli(['sources', '--protocols', dir]);
    expect(code).toBe(0);
    expect(stdout).toContain('weg  (website)\n    Bron weg\n');
  });

  it('refuses a nonsense timeout', async () => {
    const { code, stderr } = await runCli(['sources', '--check', '--protocols', dir, '--timeout', 'nul']);
    expect(code).toBe(2);
    expect(stderr).toContain('--timeout');
  });
});
