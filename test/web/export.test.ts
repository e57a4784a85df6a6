// `convenant export html` in-process: the page is one self-contained file whose policy allows only
// its own inline script and style; a protocol with errors gives no page but located findings.
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DATA_ID, embedJson, type WebData } from '../../src/web/page.js';
import { ensureBuilt } from '../helpers/built-cli.js';
import { MINI_DIR } from '../helpers/mini.js';
import { runCli } from '../helpers/run-cli.js';
import { SHIPPED_DIR, shipped } from '../helpers/shipped.js';
import { hashFiles } from '../../src/loader/index.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'validate');
let dir: string;
beforeAll(() => ensureBuilt(), 120_000);
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'convenant-export-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const sha = (text: string) => createHash('sha256').update(text, 'utf8').digest('base64');
const inline = (html: string, tag: 'script' | 'style') =>
  [...html.matchAll(new RegExp(`<${tag}(\\s[^>]*)?>([\\s\\S]*?)</${tag}>`, 'g'))].map((m) => ({ attrs: m[1] ?? '', body: m[2]! }));

describe('convenant export html', () => {
  it('writes one page with the protocol, its own script and style, and a policy that allows nothing else', async () => {
    const { code, stderr } = await runCli(['export', 'html', '--output', 'pagina.html'], { cwd: dir });
    expect(code).toBe(0);
    const file = join(dir, 'pagina.html');
    expect(stderr).toContain(`De webpagina staat in ${file}`);
    const html = readFileSync(file, 'utf8');
    expect(Buffer.byteLength(html)).toBeLessThanOrEqual(1024 * 1024);
    // Handed out to schools: readable for everyone (it holds no answers or personal data).
    expect(statSync(file).mode & 0o777).toBe(0o644);

    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1]?.replace(/&#39;/g, "'");
    expect(csp).toBeDefined();
    const directives = new Map(csp!.split('; ').map((d) => [d.split(' ')[0]!, d.split(' ').slice(1).join(' ')]));
    expect(directives.get('default-src')).toBe("'none'");
    expect(directives.get('connect-src')).toBe("'none'");
    expect(directives.get('form-action')).toBe("'none'");
    const scripts = inline(html, 'script');
    const code_ = scripts.filter((s) => !s.attrs.includes('application/json'));
    expect(code_).toHaveLength(1);
    expect(directives.get('script-src')).toBe(`'sha256-${sha(code_[0]!.body)}'`);
    const styles = inline(html, 'style');
    expect(styles).toHaveLength(1);
    expect(directives.get('style-src')).toBe(`'sha256-${sha(styles[0]!.body)}'`);
    // Nothing is loaded from anywhere: no src, no stylesheet links, no url() or @import in the style.
    expect(html).not.toMatch(/\ssrc=|<link\b|<iframe\b|<img\b/i);
    expect(styles[0]!.body).not.toMatch(/url\(|@import/i);

    const data = JSON.parse(scripts.find((s) => s.attrs.includes(`id="${DATA_ID}"`))!.body) as WebData;
    expect(data.protocol.meta.id).toBe('weert-nederweert');
    // The same fingerprint as `incident --format json` reports for this protocol.
    expect(data.sha256).toBe(hashFiles(shipped().files));
    expect(data.protocol.flows.map((f) => f.id)).toEqual(shipped().protocol!.flows.map((f) => f.id));
  });

  it('makes the page for another protocol folder (--protocols)', async () => {
    const copy = join(dir, 'regio');
    cpSync(SHIPPED_DIR, copy, { recursive: true });
    writeFileSync(join(copy, 'protocol.yaml'), readFileSync(join(copy, 'protocol.yaml'), 'utf8').replace(/^(\s*region:\s*).*$/m, '$1Andere Regio'));
    const { code } = await runCli(['export', 'html', '--protocols', copy, '--output', 'regio.html'], { cwd: dir });
    expect(code).toBe(0);
    expect(readFileSync(join(dir, 'regio.html'), 'utf8')).toContain('Andere Regio');
  });

  it.each([
    ['a protocol with errors', ['--protocols', join(FIXTURES, 'broken')], 1, /broken[/\\]flows\.yaml\n\s+\d+:\d+\s+fout /],
    ['a protocol that does not load', ['--protocols', join(FIXTURES, 'load-error')], 1, /load-error[/\\]protocol\.yaml\n\s+14:9\s+fout\s+onbekende sleutel "questoin"/],
    ['a protocol with a walk without advice', ['--protocols', MINI_DIR], 1, /mini[/\\]protocol\.yaml\n\s+\d+:\d+\s+fout .*walk-without-advice/],
    ['a folder that does not exist', ['--protocols', join(FIXTURES, 'nergens')], 2, /kan de protocolmap .* niet lezen/],
  ])('refuses %s: no page, the findings located, exit %s', async (_what, args, exit, located) => {
    const { code, stderr } = await runCli(['export', 'html', ...args, '--output', 'pagina.html'], { cwd: dir });
    expect(code).toBe(exit);
    expect(stderr).toMatch(located);
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(join(dir, 'pagina.html'))).toBe(false);
  });

  it.each([
    ['no --output', ['export', 'html'], /--output/],
    ['an unknown kind', ['export', 'pdf', '--output', 'x.pdf'], /onbekend formaat "pdf"/],
  ])('is a usage error with %s (exit 2)', async (_what, argv, message) => {
    const { code, stderr } = await runCli(argv, { cwd: dir });
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });

  it('never overwrites an existing file without --force', async () => {
    writeFileSync(join(dir, 'pagina.html'), 'eigen bestand');
    const refused = await runCli(['export', 'html', '--output', 'pagina.html'], { cwd: dir });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('bestaat al');
    expect(readFileSync(join(dir, 'pagina.html'), 'utf8')).toBe('eigen bestand');
    const forced = await runCli(['export', 'html', '--output', 'pagina.html', '--force'], { cwd: dir });
    expect(forced.code).toBe(0);
    expect(readFileSync(join(dir, 'pagina.html'), 'utf8')).toMatch(/^<!doctype html>/);
  });
});

describe('embedJson', () => {
  it('keeps any data exactly and can never close the script element or open a comment', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom('</script>', '<!--', '</SCRIPT', '\u2028', ']]>', '<script>'), (value, nasty) => {
        const data = { value, nasty, text: `a${nasty}b` };
        const text = embedJson(data);
        expect(text).not.toMatch(/<|>/);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(data)));
      }),
    );
  });
});
