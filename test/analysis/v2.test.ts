// The analysis understands incident model v2: `before` hand-overs, ask once and presets.
import { describe, expect, it } from 'vitest';
import { validateLoaded } from '../../src/analysis/index.js';
import { load, yaml } from '../helpers/protocol.js';
import { FLOWS } from '../engine/v2-fixture.js';

const findings = (flows: string) =>
  validateLoaded(load(flows), { today: '2026-04-01' })
    .filter((d) => !['contact-person-missing', 'unknown-missing'].includes(d.code))
    .map((d) => `${d.line}:${d.column} ${d.code} ${d.message}`);

/** Two category flows that both hand over to a shared flow, by `call` or by `before`. */
const shared = (how: 'call' | 'before') => yaml`
  flows:
    - id: main
      title: Incident
      steps:
        - id: categorie
          type: multi
          question: Wat is er gebeurd?
          advice: [{ action: Schrijf op wat er gebeurde, urgency: today, sources: [s1, s2] }]
          options:
            - { value: a, label: A, call: flow-a }
            - { value: b, label: B, call: flow-b }
          next: end
    - id: gedeeld
      title: Gedeeld
      steps:
        - { id: wie, type: choice, question: Wie?, options: [{ value: x, label: X, next: end }, { value: y, label: Y, next: end }] }
    - id: flow-a
      title: A
      ${how === 'before' ? 'before: [gedeeld]' : 'description: A'}
      steps:
        - id: start-a
          type: yes-no
          question: A?
          ${how === 'call' ? 'yes: { call: gedeeld, next: route-a }' : 'yes: { next: route-a }'}
          no: { next: route-a }
        - id: route-a
          type: route
          routes:
            - { when: { step: wie, is: x }, next: end, advice: [{ info: Wie is X, sources: [s1] }] }
          otherwise: { next: end, advice: [{ info: Anders, sources: [s1] }] }
    - id: flow-b
      title: B
      ${how === 'before' ? 'before: [gedeeld]' : 'description: B'}
      steps:
        - id: start-b
          type: yes-no
          question: B?
          ${how === 'call' ? 'yes: { call: gedeeld, next: route-b }' : 'yes: { next: route-b }'}
          no: { next: route-b }
        - id: route-b
          type: route
          routes:
            - { when: { step: wie, is: y }, next: end, advice: [{ info: Wie is Y, sources: [s1] }] }
          otherwise: { next: end, advice: [{ info: Anders, sources: [s1] }] }
`;

describe('analysis of v2 protocols', () => {
  it('the v2 fixture (categories, shared context by before, presets) has no findings', () => {
    expect(findings(FLOWS)).toEqual([]);
  });

  it.each(['call', 'before'] as const)('two sibling flows that both hand over to one flow (%s) make no cycle and reach it', (how) => {
    expect(findings(shared(how))).toEqual([]);
  });

  it('still reports a real cycle: a flow handed over to from its own before flow', () => {
    const cyclic = shared('before').replace('options: [{ value: x, label: X, next: end }', 'options: [{ value: x, label: X, call: flow-b, next: end }');
    expect(findings(cyclic).filter((f) => f.includes(' cycle '))).not.toEqual([]);
  });
});
