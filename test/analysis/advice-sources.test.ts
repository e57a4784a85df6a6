// "An advice item without a source" is reported by the loader, with the schema's codes: a missing
// `sources` (missing-key), an empty list (invalid-value) or an id that names no source (dangling-ref).
import { describe, expect, it } from 'vitest';
import { validateLoaded } from '../../src/analysis/index.js';
import { load, yaml } from '../helpers/protocol.js';
import { TODAY } from '../helpers/test-rule.js';

const FLOWS = (advice: string) => yaml`
  flows:
    - id: main
      title: Hoofd
      steps:
        - id: a
          type: yes-no
          question: A?
          advice:
            - ${advice}
          next: end
`;

describe('advice without a source', () => {
  it.each([
    ['no sources key', '{ action: Bellen, urgency: today }', 'missing-key', 9, 13, /"sources" ontbreekt/],
    ['an empty list', '{ action: Bellen, urgency: today, sources: [] }', 'invalid-value', 9, 56, /minstens één waarde/],
    ['an unknown source id', '{ action: Bellen, urgency: today, sources: [s1, art-99] }', 'dangling-ref', 9, 61, /bron "art-99" bestaat niet/],
  ] as const)('%s: %s', (_name, advice, code, line, column, message) => {
    const loaded = load(FLOWS(advice));
    const found = validateLoaded(loaded, { today: TODAY }).filter((d) => d.severity === 'error');
    expect(found.map((d) => `${d.code} ${d.file}:${d.line}:${d.column}`)).toEqual([`${code} flows.yaml:${line}:${column}`]);
    expect(found[0]!.message).toMatch(message);
  });
});
