// Finding 03 (medium): `--output X --force` used to rename over whatever X was: a FIFO, a socket,
// and (as root, common in CI containers) a device node such as /dev/null or a link to one. Now
// --force replaces only regular files and links to them (or links to nothing); anything else is a
// usage error (exit 2) and stays exactly as it was.
import { execFileSync } from 'node:child_process';
import { lstatSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { MINI_DIR } from '../helpers/mini.js';

let dir: string;
let server: Server | undefined;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'convenant-force-'));
});
afterEach(async () => {
  await new Promise<void>((done) => (server ? server.close(() => done()) : done()));
  server = undefined;
  rmSync(dir, { recursive: true, force: true });
});

const graph = (target: string) => runCli(['graph', '--protocols', MINI_DIR, '--output', target, '--force'], { cwd: dir });
/** What is at the path, without following a link: a type letter as `ls -l` shows it, plus the link text. */
const what = (path: string) => {
  const s = lstatSync(path);
  const type = s.isFIFO() ? 'p' : s.isSocket() ? 's' : s.isSymbolicLink() ? 'l' : s.isCharacterDevice() ? 'c' : s.isFile() ? '-' : '?';
  return type === 'l' ? `l -> ${readlinkSync(path)}` : type;
};

describe('--output X --force refuses what is not a regular file', () => {
  it.each([
    ['a FIFO', () => execFileSync('mkfifo', [join(dir, 'uit.txt')]), /uit\.txt is een pijp \(FIFO\), geen gewoon bestand/],
    ['a link to /dev/null', () => symlinkSync('/dev/null', join(dir, 'uit.txt')), /uit\.txt is een apparaat, geen gewoon bestand/],
    ['a link to a FIFO', () => (execFileSync('mkfifo', [join(dir, 'pijp')]), symlinkSync('pijp', join(dir, 'uit.txt'))), /een pijp \(FIFO\)/],
    ['a link to a folder', () => symlinkSync(tmpdir(), join(dir, 'uit.txt')), /uit\.txt is een map/],
  ])('%s: exit 2, a clear message, and it stays as it was', async (_name, setup, message) => {
    setup();
    const before = what(join(dir, 'uit.txt'));
    const { code, stderr } = await graph('uit.txt');
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(what(join(dir, 'uit.txt'))).toBe(before);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('a Unix socket: exit 2, and the socket stays', async () => {
    const path = join(dir, 'uit.sock');
    server = createServer();
    await new Promise<void>((done) => server!.listen(path, done));
    const { code, stderr } = await graph('uit.sock');
    expect(code).toBe(2);
    expect(stderr).toMatch(/uit\.sock is een socket, geen gewoon bestand/);
    expect(what(path)).toBe('s');
  });

  it('/dev/null itself: exit 2 (whoever runs it, root included)', async () => {
    const { code, stderr } = await graph('/dev/null');
    expect(code).toBe(2);
    expect(stderr).toMatch(/\/dev\/null is een apparaat/);
    expect(lstatSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it.each([
    ['a regular file', () => writeFileSync(join(dir, 'uit.txt'), 'oud')],
    ['a link to a regular file', () => (writeFileSync(join(dir, 'oud.txt'), 'oud'), symlinkSync('oud.txt', join(dir, 'uit.txt')))],
    ['a link to nothing', () => symlinkSync('nergens.txt', join(dir, 'uit.txt'))],
  ])('%s is still replaced with --force', async (_name, setup) => {
    setup();
    const { code } = await graph('uit.txt');
    expect(code).toBe(0);
    expect(what(join(dir, 'uit.txt'))).toBe('-');
    expect(readFileSync(join(dir, 'uit.txt'), 'utf8')).toMatch(/flowchart|graph/);
  });
});
