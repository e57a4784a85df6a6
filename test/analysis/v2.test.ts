// The analysis understands incident model v2: `before` hand-overs, ask once and presets.
import { describe, expect, it } from 'vitest';
import { validateLoaded } from '../../src/analysis/index.js';
import { load, yaml } from '../helpers/protocol.js';
import { FLOWS } from '../engine/v2-fixture.js';

const findings = (flows: string) =>
  validateLoaded(load(flows), { today: '2026-04-01' })
    .filter((d) => !['contact-person-missing', 'unknown-missing'].includes(d.code))
    .map((d) => `${d.line}:${d.column} ${d.code} ${d.message}`);

/** A category flow that hands over to the shared flow and then routes on its answer. */
const category = (name: string, value: string, how: 'call' | 'before') =>
  yaml`
    - id: flow-${name}
      title: ${name.toUpperCase()}
      ${how === 'before' ? 'before: [gedeeld]' : `description: ${name}`}
      steps:
        - id: start-${name}
          type: yes-no
          question: ${name.toUpperCase()}?
          ${how === 'call' ? `yes: { call: gedeeld, next: route-${name} }` : `yes: { next: route-${name} }`}
          no: { next: route-${name} }
        - id: route-${name}
          type: route
          routes:
            - { when: { step: wie, is: ${value} }, next: end, advice: [{ info: Wie is ${value}, sources: [s1] }] }
          otherwise: { next: end, advice: [{ info: Anders, sources: [s1] }] }
`.replace(/^/gm, '    ');

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
${category('a', 'x', how)}
${category('b', 'y', how)}
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
