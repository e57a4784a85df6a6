// diffProtocols on the mini fixture: a question that only gets another id is a rename, not a removed
// and a new question with every walk through it "no longer possible"; a real change still shows.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { diffProtocols } from '../../src/diff/protocol-diff.js';
import { loadProtocol } from '../../src/loader/index.js';
import type { Protocol } from '../../src/model/index.js';
import { MINI_DIR, mini } from '../helpers/mini.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'convenant-diff-unit-'));
  cpSync(MINI_DIR, dir, { recursive: true });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function edited(change: (text: string) => string): Protocol {
  const file = join(dir, 'flows', 'melding.yaml');
  const text = readFileSync(file, 'utf8');
  const changed = change(text);
  expect(changed, 'the edit must change the file').not.toBe(text);
  writeFileSync(file, changed);
  const loaded = loadProtocol(dir);
  expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return loaded.protocol!;
}

/** Renames a step everywhere it is named: its id, next/call targets and conditions. */
const rename = (from: string, to: string) => (text: string) => text.replace(new RegExp(`(id|next|call|step): ${from}\\b(?!-)`, 'g'), `$1: ${to}`);

describe('diffProtocols', () => {
  it('reports a question that only got another id as a rename, with the advice the same on every path', () => {
    const diff = diffProtocols(mini(), edited(rename('signalen', 'signalen-thuis')));
    expect(diff.questions.renamed).toEqual([{ from: 'signalen', to: 'signalen-thuis', flow: 'melding', shown: expect.stringContaining('Welke signalen zie je?') }]);
    expect(diff.questions.added).toEqual([]);
    expect(diff.questions.removed).toEqual([]);
    expect(diff.changes).toEqual([]);
    expect(diff.pathsCompared).toBeGreaterThan(0);
  });

  it('still shows an advice change on a renamed question, under its new id', () => {
    const diff = diffProtocols(
      mini(),
      edited((t) => rename('signalen', 'signalen-thuis')(t).replace(/urgency: this-week(\n\s+task: Bespreek de signalen)/, 'urgency: today$1')),
    );
    expect(diff.questions.renamed.map((r) => r.to)).toEqual(['signalen-thuis']);
    expect(diff.changes.length).toBeGreaterThan(0);
    for (const change of diff.changes) {
      expect(change.answers).toHaveProperty('signalen-thuis');
      expect(change.answers).not.toHaveProperty('signalen');
      expect(change.partners).toEqual([{ id: 'zorgteam', before: 'this-week', after: 'today' }]);
    }
  });

  it('does not call a question that went to another flow a rename', () => {
    // "signalen" leaves flow melding; the same question comes back as "signalen-thuis" in flow leeftijd.
    const moved = edited((t) => {
      const step = /( {6}- id: signalen\n[\s\S]*?next: end\n)\n/.exec(t)![1]!;
      return t
        .replace(step + '\n', '')
        .replace('next: signalen', 'next: end')
        .concat(step.replace('id: signalen', 'id: signalen-thuis')); // the last flow in the file is leeftijd
    });
    const diff = diffProtocols(mini(), moved);
    expect(diff.questions.renamed).toEqual([]);
    expect(diff.questions.removed.map((q) => q.step)).toEqual(['signalen']);
  });

  it('does not call a question with other answers a rename', () => {
    const diff = diffProtocols(
      mini(),
      edited((t) => rename('signalen', 'signalen-thuis')(t).replace('Veel verzuim', 'Vaak afwezig')),
    );
    expect(diff.questions.renamed).toEqual([]);
    expect(diff.questions.added.map((q) => q.step)).toEqual(['signalen-thuis']);
    expect(diff.questions.removed.map((q) => q.step)).toEqual(['signalen']);
  });
});
