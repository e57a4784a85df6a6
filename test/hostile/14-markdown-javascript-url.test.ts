// Finding 14 (low): `url:` accepted any scheme, so a `javascript:` address passed validate and the
// markdown report wrote it as a clickable autolink; a `>` in an address ended the autolink early.
// Now validate accepts only http(s) addresses, and markdown percent-encodes what would break a link.
import { describe, expect, it } from 'vitest';
import { mdLink } from '../../src/render/advice-markdown.js';
import { runCli } from '../helpers/run-cli.js';
import { BASE_PROTOCOL, hostileDirs } from './hostile-dir.js';

const newDir = hostileDirs();
const withUrl = (where: 'source' | 'contact', url: string) => {
  const h = newDir();
  const quoted = JSON.stringify(url);
  h.write(
    'protocol.yaml',
    where === 'source'
      ? BASE_PROTOCOL.replace('{ id: s1, kind: covenant, title: Bron 1 }', `{ id: s1, kind: covenant, title: Bron 1, url: ${quoted} }`)
      : BASE_PROTOCOL.replace('{ id: politie, name: Politie, kind: external }', `{ id: politie, name: Politie, kind: external, contact: { url: ${quoted} } }`),
  );
  return h;
};
type Doc = { diagnostics: { code: string; message: string }[] };

const BAD = [
  'javascript:alert(document.domain)//https://example.org/',
  'JAVASCRIPT:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'file:///etc/passwd',
  'vbscript:msgbox(1)',
  'ftp://example.org/',
];

describe('validate accepts only http(s) web addresses', () => {
  it.each(BAD.flatMap((url) => [['source', url] as const, ['contact', url] as const]))('%s url %s: invalid-value', async (where, url) => {
    const h = withUrl(where, url);
    const { code, stdout } = await runCli(['validate', 'proto', '--format', 'json', '--today', '2025-12-01'], { cwd: h.root });
    expect(code).toBe(1);
    expect((JSON.parse(stdout) as Doc).diagnostics).toContainEqual(
      expect.objectContaining({ code: 'invalid-value', message: '"url": alleen een webadres dat begint met https:// of http:// is toegestaan' }),
    );
  });

  it.each(['https://example.org/a?b=c#d', 'http://example.org/'])('%s passes', async (url) => {
    const h = withUrl('source', url);
    const { stdout } = await runCli(['validate', 'proto', '--format', 'json', '--today', '2025-12-01'], { cwd: h.root });
    expect((JSON.parse(stdout) as Doc).diagnostics.filter((d) => d.code === 'invalid-value')).toEqual([]);
  });
});

describe('markdown links', () => {
  it.each([
    ['https://example.org/a>x](javascript:alert(2))', '<https://example.org/a%3Ex](javascript:alert(2))>'],
    ['https://example.org/a b<c', '<https://example.org/a%20b%3Cc>'],
    ['https://example.org/\u202eevil', '<https://example.org/%E2%80%AEevil>'],
  ])('%s → %s', (url, link) => {
    expect(mdLink(url)).toBe(link);
  });

  it('a non-web address never becomes a link (even if it got past validate)', () => {
    expect(mdLink('javascript:alert(1)')).toBe('`javascript:alert(1)`');
  });

  it('the advice in markdown carries the source as an encoded autolink', async () => {
    const h = withUrl('source', 'https://example.org/a b');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(`${h.root}/a.yaml`, 'gevaar: ja\n');
    const { code, stdout } = await runCli(['incident', '--protocols', 'proto', '--answers', 'a.yaml', '--format', 'markdown'], { cwd: h.root });
    expect(code).toBe(0);
    expect(stdout).toContain('<https://example.org/a%20b>');
  });
});
