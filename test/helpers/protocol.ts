// Small protocols for tests, written as YAML so they go through the real loader.
import { expect } from 'vitest';
import { loadProtocolFiles, type LoadResult } from '../../src/loader/index.js';
import type { Protocol } from '../../src/model/index.js';

export const BASE = `
protocol:
  id: test
  title: Testprotocol
  region: Testregio
  version: "1"
  signed: 2025-10-01
  evaluation: 2026-10-01
  start: main
sources:
  - { id: s1, kind: covenant, title: Bron 1 }
  - { id: s2, kind: law, title: Bron 2, url: "https://wetten.overheid.nl/BWBR0001903" }
partners:
  - { id: politie, name: Politie, kind: core, contact: { phone: "0900-8844" } }
  - { id: halt, name: Halt, kind: core }
  - { id: cjg, name: CJG, kind: core }
rules:
  - { id: meldcode, title: Meldcode, sources: [s1] }
`;

/** Loads `flows` YAML (plus the base file) and fails the test on any error. */
export function protocolFrom(flowsYaml: string): Protocol {
  const result = load(flowsYaml);
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return result.protocol!;
}

export function load(flowsYaml: string, base = BASE): LoadResult {
  return loadProtocolFiles([
    { name: 'base.yaml', text: base },
    { name: 'flows.yaml', text: flowsYaml },
  ]);
}

/** Removes the common leading indentation so YAML can be written indented in tests. */
export function yaml(strings: TemplateStringsArray, ...values: unknown[]): string {
  const text = strings.reduce((acc, s, i) => acc + s + (i < values.length ? String(values[i]) : ''), '');
  const lines = text.replace(/^\n/, '').split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => l.match(/^ */)![0].length));
  return lines.map((l) => l.slice(indent)).join('\n');
}
