// What the page's script is made of: the engine, the wizard, the advice renderers and the DOM code,
// with no dependency at all (plain DOM) and nothing of the loader, the analysis or the CLI, so the
// page stays small and runs the same rules as the terminal.
import { build, type Metafile } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs module without types
import { webBuildOptions } from '../../scripts/build-web.mjs';

let meta: Metafile;
let script: string;

beforeAll(async () => {
  const result = await build({ ...(webBuildOptions as object), outdir: 'dist-web-test', write: false, metafile: true, logLevel: 'silent' });
  meta = result.metafile!;
  script = result.outputFiles.find((f) => f.path.endsWith('app.js'))!.text;
}, 60_000);

describe('the browser bundle', () => {
  const inputs = () => Object.keys(meta.outputs[Object.keys(meta.outputs).find((o) => o.endsWith('app.js'))!]!.inputs);

  it('runs the same engine, wizard and advice renderers as the terminal', () => {
    expect(inputs()).toEqual(
      expect.arrayContaining([
        'src/engine/walk.ts',
        'src/engine/advice.ts',
        'src/ui/wizard.ts',
        'src/render/advice-json.ts',
        'src/render/advice-markdown.ts',
        'src/render/advice-view.ts',
      ]),
    );
  });

  it('holds no dependency and nothing of the loader, analysis, terminal prompter or CLI (only its error classes)', () => {
    const bad = inputs().filter(
      (i) =>
        i.includes('node_modules/') ||
        /^src\/(loader|analysis|diagnostics)\//.test(i) ||
        i === 'src/ui/inquirer-prompter.ts' ||
        (i.startsWith('src/cli/') && i !== 'src/cli/exit-codes.ts'),
    );
    expect(bad).toEqual([]);
  });

  it('uses no Node module, network or storage API', () => {
    expect(script).not.toMatch(/\brequire\(|node:|fetch\(|XMLHttpRequest|WebSocket|sendBeacon|localStorage|sessionStorage|indexedDB|document\.cookie|\beval\(|new Function\(/);
  });

  it('stays small (the page budget is 1 MiB, most of it the protocol)', () => {
    expect(script.length).toBeLessThan(150 * 1024);
  });
});
