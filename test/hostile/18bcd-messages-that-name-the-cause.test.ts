// Finding 18 (low), parts b, c and d: messages that name the real problem.
// (b) a YAML merge key `<<: *step` said 'ongeldige waarde undefined voor "type"' without a word
//     about `<<`; (c) a symlink loop a.yaml → b.yaml → a.yaml said "wijst naar niets"; (d) a FIFO
//     named x.yaml was skipped silently, while a folder named x.yaml is an error.
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadProtocol } from '../../src/loader/index.js';
import { hostileDir, type HostileDir } from './hostile-dir.js';

let made: HostileDir | undefined;
afterEach(() => made?.cleanup());

describe('finding 18: messages that name the cause', () => {
  it('(b) a merge key is reported as a merge key, at the key, and nothing else about that step', () => {
    made = hostileDir();
    made.write(
      'flows/extra.yaml',
      'flows:\n  - id: extra\n    title: Extra\n    steps:\n      - &step\n        id: q1\n        type: yes-no\n        question: Vraag?\n        next: end\n      - <<: *step\n        id: q2\n',
    );
    const found = loadProtocol(made.dir, made.root).diagnostics.filter((d) => d.file === 'proto/flows/extra.yaml');
    expect(found).toEqual([expect.objectContaining({ code: 'yaml-alias', line: 10, column: 9, message: expect.stringContaining('"<<: *naam"') })]);
    expect(found[0]!.hint).toMatch(/sleutels gewoon uit/);
  });

  it('(c) a symlink loop says it goes round in circles', () => {
    made = hostileDir();
    symlinkSync('b.yaml', join(made.dir, 'a.yaml'));
    symlinkSync('a.yaml', join(made.dir, 'b.yaml'));
    const found = loadProtocol(made.dir, made.root).diagnostics;
    expect(found.map((d) => [d.file, d.message])).toEqual([
      ['proto/a.yaml', 'deze koppeling (symlink) wijst in een kring naar zichzelf'],
      ['proto/b.yaml', 'deze koppeling (symlink) wijst in een kring naar zichzelf'],
    ]);
  });

  it('(d) a FIFO named *.yaml is reported like a folder named *.yaml, and never opened', () => {
    made = hostileDir();
    execFileSync('mkfifo', [join(made.dir, 'fifo.yaml')]);
    mkdirSync(join(made.dir, 'dir.yaml'));
    const found = loadProtocol(made.dir, made.root).diagnostics;
    expect(found.map((d) => [d.code, d.file])).toEqual([
      ['not-a-file', 'proto/dir.yaml'],
      ['not-a-file', 'proto/fifo.yaml'],
    ]);
    expect(found[1]!.message).toMatch(/geen gewoon bestand/);
  });
});
