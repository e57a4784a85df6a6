// Finding 05 (medium): `explain` grew far faster than the protocol and ran out of memory on 10,000
// steps. Now the search works per advice step, heads for it (A*, a lower bound of the answers still
// needed) and stops at a limit of walk states; what it did not get to is marked and said, never a
// crash. Time and memory are measured in `npm run bench` (bench/explain.mjs), not here.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replay } from '../../src/engine/index.js';
import { explain } from '../../src/explain/explain.js';
import { loadProtocol } from '../../src/loader/index.js';
import type { Protocol } from '../../src/model/index.js';
import { explanationJson, renderExplanation } from '../../src/render/explain.js';
import { PLAIN } from '../../src/render/theme.js';
import { runCli } from '../helpers/run-cli.js';
// @ts-expect-error -- a plain JavaScript module of the benchmarks, without types
import { generateProtocol } from '../../bench/generate.mjs';

let dir: string;
let protocol: Protocol;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'convenant-explain-'));
  (generateProtocol as (dir: string, steps: number) => unknown)(dir, 1000);
  const loaded = loadProtocol(dir);
  expect(loaded.ok).toBe(true);
  protocol = loaded.protocol!;
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const reaches = (walk: { answers: { step: string; value: unknown }[] }, advice: object) => {
  const result = replay(protocol, Object.fromEntries(walk.answers.map((a) => [a.step, a.value])));
  return result.state.collected.some((c) => c.advice === advice);
};

describe('explain on a generated protocol of 1,000 steps', () => {
  it('finds a walk to every place the police are advised, each one replaying to that advice', () => {
    const { ways } = explain(protocol, 'partner', 'politie');
    expect(ways.length).toBeGreaterThan(100);
    expect(ways.filter((w) => !w.walk)).toEqual([]);
    for (const w of ways) expect(reaches(w.walk!, w.site.advice)).toBe(true);
  });

  it('finds the meldcode in the shared care flow (the case that ran out of memory)', () => {
    const { ways } = explain(protocol, 'rule', 'meldcode');
    expect(ways).toHaveLength(1);
    expect(ways[0]!.walk!.answers.at(-1)).toEqual({ step: 'zorg-signalen', value: 'ja' });
    expect(reaches(ways[0]!.walk!, ways[0]!.site.advice)).toBe(true);
  });

  it('at the search limit: the rest is marked "analysis-limit" and the text says so, no crash', () => {
    const e = explain(protocol, 'partner', 'politie', { maxStates: 5_000, maxTotalStates: 400 });
    const limited = e.ways.filter((w) => w.limited);
    const found = e.ways.filter((w) => w.walk);
    expect(found.length).toBeGreaterThan(0);
    expect(limited.length).toBeGreaterThan(0);
    expect(found.length + limited.length).toBe(e.ways.length);
    for (const w of found) expect(reaches(w.walk!, w.site.advice)).toBe(true);

    const text = renderExplanation(protocol, e, { theme: PLAIN, width: 100 });
    expect(text).toContain('Niet uitgezocht: de zoekgrens was bereikt');
    expect(text.replace(/\s+/g, ' ')).toContain(`Bij ${limited.length} van de ${e.ways.length} plekken is niet uitgezocht hoe iemand er komt`);
    // Not the message for a place no walk can reach: that would be a false claim.
    expect(text).not.toContain('met geen enkele reeks antwoorden te bereiken');

    const json = explanationJson(protocol, e) as { ways: { walk: unknown; limit?: string }[] };
    expect(json.ways.filter((w) => w.limit === 'analysis-limit')).toHaveLength(limited.length);
    expect(json.ways.filter((w) => w.limit === 'analysis-limit').every((w) => w.walk === null)).toBe(true);
  });

  it('a limit per step: one step that needs more states does not use up the search for the others', () => {
    const e = explain(protocol, 'partner', 'politie', { maxStates: 60, maxTotalStates: 1_000_000 });
    // Every step gets its own 60 states: some close to the start are still found.
    expect(e.ways.some((w) => w.walk)).toBe(true);
    expect(e.ways.some((w) => w.limited)).toBe(true);
  });

  it('the command: exit 0 with a walk for each place', async () => {
    const { code, stdout, stderr } = await runCli(['explain', 'meldcode', '--protocols', dir, '--format', 'json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const [e] = JSON.parse(stdout) as { ways: { walk: unknown[] | null }[] }[];
    expect(e!.ways[0]!.walk).not.toBeNull();
  });
});
