// A snapshot restores exactly what loading the files gives: the protocol, the diagnostics and every
// position a finding can point at; and it is used only for exactly the files it was made from.
import { mkdtempSync, rmSync, writeFileSync, mkdirSync, cpSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { validateLoaded } from '../../src/analysis/index.js';
import { loadProtocol, loadProtocolFiles, type ProtocolSourceFile } from '../../src/loader/index.js';
import { loadProtocolQuick } from '../../src/loader/quick.js';
import { makeSnapshot, restoreSnapshot, snapshotJson, type Locator, type Snapshot } from '../../src/loader/snapshot.js';
import { SHIPPED_DIR, shipped } from '../helpers/shipped.js';

const BROKEN_DIR = fileURLToPath(new URL('../fixtures/validate/broken', import.meta.url));
const WARNINGS_DIR = fileURLToPath(new URL('../fixtures/validate/warnings', import.meta.url));

/** Snapshot as written to and read from disk. */
const roundTrip = (s: Snapshot): Snapshot => JSON.parse(JSON.stringify(s)) as Snapshot;

/** Every object of the protocol with the keys to ask positions for (its own, and one that does not exist). */
function* objects(value: unknown): Generator<[object, (string | number)[]]> {
  if (value === null || typeof value !== 'object') return;
  const keys: (string | number)[] = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  yield [value, [...keys, 'bestaat-niet', 99]];
  for (const k of keys) yield* objects((value as Record<string | number, unknown>)[k]);
}

/** Pairs up the objects of two structurally equal trees. */
function* pairs(a: unknown, b: unknown): Generator<[object, object, (string | number)[]]> {
  const left = objects(a);
  const right = objects(b);
  for (;;) {
    const l = left.next();
    const r = right.next();
    if (l.done || r.done) return;
    yield [l.value[0], r.value[0], l.value[1]];
  }
}

function expectSamePositions(full: Locator, fullProtocol: unknown, restored: Locator, restoredProtocol: unknown): number {
  let checked = 0;
  for (const [a, b, keys] of pairs(fullProtocol, restoredProtocol)) {
    expect(restored.locate(b)).toEqual(full.locate(a));
    for (const key of keys) {
      expect(restored.locate(b, key)).toEqual(full.locate(a, key));
      expect(restored.locate(b, key, true)).toEqual(full.locate(a, key, true));
    }
    checked += 1;
  }
  return checked;
}

describe('load snapshots', () => {
  const full = shipped();

  it('restore the shipped protocol, its diagnostics and every position exactly', () => {
    const restored = restoreSnapshot(roundTrip(makeSnapshot(full.files, full)), full.files)!;
    expect(restored).toBeDefined();
    expect(restored.ok).toBe(full.ok);
    expect(restored.protocol).toStrictEqual(full.protocol);
    expect(restored.diagnostics).toEqual(full.diagnostics);
    expect(expectSamePositions(full.sourceMap, full.protocol, restored.sourceMap, restored.protocol)).toBeGreaterThan(1000);
    expect(restored.sourceMap.locate({})).toEqual(full.sourceMap.locate({}));
    expect(restored.sourceMap.locatePath('geen-bestand.yaml', ['flows'])).toEqual(full.sourceMap.locatePath('geen-bestand.yaml', ['flows']));
  });

  it('give the same validate findings, at the same places', () => {
    const restored = restoreSnapshot(roundTrip(makeSnapshot(full.files, full)), full.files)!;
    const today = { today: '2027-01-01' };
    const findings = validateLoaded(full, today);
    expect(findings.length).toBeGreaterThan(0);
    expect(validateLoaded(restored, today)).toEqual(findings);
  });

  it.each([
    ['with errors', BROKEN_DIR],
    ['with warnings', WARNINGS_DIR],
  ])('restore a folder %s, diagnostics included', (_what, dir) => {
    const loaded = loadProtocol(dir);
    const restored = restoreSnapshot(roundTrip(makeSnapshot(loaded.files, loaded)), loaded.files)!;
    expect(restored.ok).toBe(loaded.ok);
    expect(restored.diagnostics).toEqual(loaded.diagnostics);
    expect(restored.protocol).toStrictEqual(loaded.protocol);
    if (loaded.protocol) expectSamePositions(loaded.sourceMap, loaded.protocol, restored.sourceMap, restored.protocol);
    expect(validateLoaded(restored, { today: '2026-01-01' })).toEqual(validateLoaded(loaded, { today: '2026-01-01' }));
  });

  it('name the files as the caller read them (another working folder)', () => {
    const snapshot = roundTrip(makeSnapshot(full.files, full));
    const elsewhere: ProtocolSourceFile[] = full.files.map((f) => ({ ...f, name: `elders/${f.rel}` }));
    const restored = restoreSnapshot(snapshot, elsewhere)!;
    const expected = loadProtocolFiles(elsewhere);
    expect(restored.diagnostics).toEqual(expected.diagnostics);
    const flow = restored.protocol!.flows[0]!;
    expect(restored.sourceMap.locate(flow, 'steps')).toEqual(expected.sourceMap.locate(expected.protocol!.flows[0]!, 'steps'));
  });

  it('are not used for other files: a changed character, a renamed or a missing file', () => {
    const snapshot = roundTrip(makeSnapshot(full.files, full));
    const [first, ...rest] = full.files;
    expect(restoreSnapshot(snapshot, [{ ...first!, text: `${first!.text} ` }, ...rest])).toBeUndefined();
    // Same length, same name (so the same snapshot key): the texts still differ.
    const sameLength = { ...first!, text: first!.text.replace('a', 'b') };
    expect(sameLength.text).not.toBe(first!.text);
    expect(restoreSnapshot(snapshot, [sameLength, ...rest])).toBeUndefined();
    expect(restoreSnapshot(snapshot, [{ ...first!, rel: `x-${first!.rel}` }, ...rest])).toBeUndefined();
    expect(restoreSnapshot(snapshot, rest)).toBeUndefined();
    expect(restoreSnapshot({ ...snapshot, format: 3 as 2 }, full.files)).toBeUndefined();
  });
});

describe('loadProtocolQuick', () => {
  const work = mkdtempSync(join(tmpdir(), 'convenant-snapshot-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  const snapshots = join(work, 'snapshots');
  mkdirSync(snapshots);
  const full = shipped();
  const snapshot = makeSnapshot(full.files, full);
  writeFileSync(join(snapshots, `${snapshot.key}.json`), snapshotJson(snapshot));

  it('uses a matching snapshot and gives what loadProtocol gives', async () => {
    const quick = await loadProtocolQuick(SHIPPED_DIR, undefined, snapshots);
    expect(quick.fromSnapshot).toBe(true);
    expect(quick.protocol).toStrictEqual(full.protocol);
    expect(quick.diagnostics).toEqual(full.diagnostics);
    expect(quick.files).toEqual(full.files);
    expect(quick.scenarioFiles).toEqual(full.scenarioFiles);
  });

  it('writes snapshots in ASCII, and one that is not (read as latin1, so its texts differ) is not used', async () => {
    expect(/^[\x00-\x7f]*$/.test(snapshotJson(snapshot))).toBe(true);
    expect(JSON.parse(snapshotJson(snapshot))).toStrictEqual(JSON.parse(JSON.stringify(snapshot)));
    const utf8 = join(work, 'utf8-snapshots');
    mkdirSync(utf8);
    writeFileSync(join(utf8, `${snapshot.key}.json`), JSON.stringify(snapshot));
    const quick = await loadProtocolQuick(SHIPPED_DIR, undefined, utf8);
    expect(quick.fromSnapshot).toBe(false);
    expect(quick.protocol).toStrictEqual(full.protocol);
  });

  it('loads a changed folder from its files', async () => {
    const copy = join(work, 'kopie');
    cpSync(SHIPPED_DIR, copy, { recursive: true });
    appendFileSync(join(copy, 'protocol.yaml'), '\n# gewijzigd\n');
    const quick = await loadProtocolQuick(copy, undefined, snapshots);
    expect(quick.fromSnapshot).toBe(false);
    expect(quick.ok).toBe(true);
    expect(quick.protocol).toEqual(full.protocol);
  });

  it('reports a missing folder as not found, as loadProtocol does', async () => {
    const quick = await loadProtocolQuick(join(work, 'bestaat-niet'), work, snapshots);
    const expected = loadProtocol(join(work, 'bestaat-niet'), work);
    expect(quick.found).toBe(false);
    expect(quick.diagnostics).toEqual(expected.diagnostics);
  });
});
