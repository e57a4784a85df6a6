// Finds the first line whose indentation breaks the structure of a YAML file: a key indented
// deeper than its sibling on the line above, a key at a column no open level has, or a tab. The
// YAML parser reports such a slip as several errors that name other things (a missing quote, a
// key over several lines); this names the cause, at the line, with the column it should have.
import type { Diagnostic } from '../diagnostics/index.js';
import { clip } from './clip.js';

/** A key's value that leaves the key open for a block below: nothing, a comment, an anchor or a tag ("steps: &s"). */
const OPENS_BLOCK = /^(?:[&!][^\s#]*\s*)*(?:#.*)?$/;

const KEY_LINE = /^( *)(- +)?([^\s#'"{[\]}&*!|>%@`-][^:#]*?|"[^"]*"|'[^']*'):(?: |$)/;

/** The first indentation problem in `text`, if any. */
export function findIndentationProblem(file: string, text: string): Diagnostic | undefined {
  const lines = text.split(/\r?\n/);
  /** Columns (0-based) of keys that are open: the line's siblings, parents and their parents. */
  const levels: number[] = [];
  /** The key last seen at each column; list dashes open levels too, but a key cannot go there. */
  const keyAt = new Map<number, string>();
  /**
   * The previous key line: its key's column, whether it opened a block (no value after the colon),
   * and, when it stood less far in than the key line before it, that key (`outdentedFrom`) and
   * whether a key was open at its own column (else it landed on a list dash: surely a slip).
   */
  let previous:
    | { column: number; opens: boolean; key: string; line: number; plain?: boolean; outdentedFrom?: { column: number; key: string; plain?: boolean }; landedOnKey?: boolean }
    | undefined;
  /** Lines deeper than this belong to a block text (| or >). */
  let textBelow = -1;
  /** The column of that text's lines, once its first line is seen. */
  let textColumn: number | undefined;
  /**
   * Columns where a list's dash stands at its key's own column ("steps:" with "- id:" right under
   * it, which YAML allows): a key there is that key's sibling, not a slip onto the dash.
   */
  const dashOnKey = new Set<number>();
  /** What is wrong with a key line that landed on a list dash. */
  const onDash = (line: NonNullable<typeof previous>) => `staat op kolom ${line.column + 1}, de kolom van een lijststreepje ("- "), waar geen sleutel kan staan`;
  /** The finding when a key line above is the slip, not the line that shows it. */
  const slipAt = (line: NonNullable<typeof previous>, what: string, hint: string) =>
    problem(file, line.line, line.column + 1, `de inspringing klopt niet: "${clip(line.key, 30)}:" ${what}`, hint);

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const lead = /^[ \t]*/.exec(line)![0];
    const rest = line.slice(lead.length);
    if (rest === '' || rest.startsWith('#')) continue;
    if (lead.includes('\t')) {
      const spaces = lead.indexOf('\t');
      // In a block text, a tab after the text's own indentation is part of the text.
      if (textColumn !== undefined && spaces >= textColumn) continue;
      // A line in a block text (not a key after it) goes where the text's lines go. "Let op: ..."
      // looks like a key, but no key of a protocol or scenario file has a capital or a space: text.
      const keyLike = KEY_LINE.exec(rest);
      if (textBelow >= 0 && !(keyLike && !/[A-Z ]/.test(keyLike[3]!))) {
        const to = textColumn === undefined ? `kolom ${textBelow + 3}, verder in dan "${clip(previous!.key, 30)}:"` : `kolom ${textColumn + 1}, gelijk met de tekst erboven`;
        return problem(file, i + 1, spaces + 1, 'een tab als inspringing; YAML springt in met spaties', `Vervang de tab door spaties: zet deze regel op ${to}.`);
      }
      const expected = previous ? (previous.opens ? previous.column + 2 : previous.column) : 0;
      return problem(
        file,
        i + 1,
        spaces + 1,
        'een tab als inspringing; YAML springt in met spaties',
        `Vervang de tab door spaties: zet deze regel op kolom ${expected + 1}${previous ? `, ${previous.opens ? 'verder in dan' : 'net onder'} "${clip(previous.key, 30)}:"` : ''}.`,
      );
    }
    const indent = lead.length;
    if (textBelow >= 0 && indent > textBelow) {
      textColumn ??= indent;
      continue;
    }
    textBelow = -1;
    textColumn = undefined;
    // A key that opens a block and landed on a list dash, one level too far out ("options:" on the
    // steps' "- "), with its block below it: that key is the slip, not the lines of its block.
    const above = previous?.outdentedFrom;
    if (previous?.opens && above && !above.plain && previous.landedOnKey === false && !dashOnKey.has(previous.column) && indent > previous.column) {
      return slipAt(
        previous,
        onDash(previous),
        `Zet "${clip(previous.key, 30)}:" op kolom ${above.column + 1}, net onder "${clip(above.key, 30)}:"${indent <= above.column ? `, en wat eronder staat verder in dan kolom ${above.column + 1}` : ''}.`,
      );
    }
    const m = KEY_LINE.exec(line);
    // Deeper than a key with a value: text continued from the line above (a key there is the slip).
    if (!m && previous && !previous.opens && indent > previous.column) continue;
    if (!m) {
      // A list item with a plain value, or text continued from the line above.
      if (rest.startsWith('- ') || rest === '-') {
        if (previous?.opens && previous.column === indent) dashOnKey.add(indent);
        while (levels.length > 0 && levels.at(-1)! > indent) levels.pop();
        if (levels.at(-1) !== indent) levels.push(indent);
        keyAt.delete(indent);
        previous = { column: indent, opens: false, key: rest.slice(2), line: i + 1, plain: true };
      }
      continue;
    }
    const dash = m[2] ?? '';
    const column = indent + dash.length;
    const key = m[3]!;
    const value = line.slice(m[0].length).trim();
    // A key with a value that stood less far in than the line above, followed by the next item of a
    // list ("- key:") at or beyond it: that key is the slip, and belongs with the keys of the item
    // before, at the column this item's keys have (an outdented "sources:" in a list of advice, or a
    // step's "next:" on the steps' dash).
    const slippedFrom = previous?.opens === false ? previous.outdentedFrom : undefined;
    if (previous && slippedFrom && dash !== '' && column > previous.column) {
      const listGoesOn = indent > previous.column || (indent === previous.column && !previous.landedOnKey);
      if (listGoesOn) {
        const sibling = keyAt.get(column);
        return slipAt(
          previous,
          `staat op kolom ${previous.column + 1}, maar de sleutels van het onderdeel erboven staan op kolom ${column + 1}, en de lijst gaat eronder verder ("- ${clip(key, 30)}:")`,
          `Zet "${clip(previous.key, 30)}:" op kolom ${column + 1}${sibling === undefined ? '' : `, net onder "${clip(sibling, 30)}:"`}.`,
        );
      }
    }
    // A key with a value that landed on a list dash, where no key can stand, and a key further out
    // below it: that key is the slip, and belongs with the key above it (the last "sources:" of an
    // advice list, or the last "label:" of the options, before the step's next key).
    if (previous && slippedFrom && !slippedFrom.plain && previous.landedOnKey === false && dash === '' && column < previous.column) {
      return slipAt(previous, onDash(previous), `Zet "${clip(previous.key, 30)}:" op kolom ${slippedFrom.column + 1}, net onder "${clip(slippedFrom.key, 30)}:".`);
    }
    if (previous && column > previous.column && !previous.opens && dash === '') {
      // Back at the column the line above had left: that line is the slip ("help:" too little
      // indented between "question:" and "advice:"), not this one.
      const from = previous.outdentedFrom;
      if (from && column === from.column) {
        const to = `kolom ${from.column + 1}, net onder "${clip(from.key, 30)}:"`;
        return slipAt(
          previous,
          `staat minder ver in (kolom ${previous.column + 1}) dan "${clip(from.key, 30)}:" erboven, en "${clip(key, 30)}:" eronder staat weer op kolom ${column + 1}`,
          previous.landedOnKey
            ? `Zet "${clip(previous.key, 30)}:" op ${to}, als het daar bij hoort; anders "${clip(key, 30)}:" op kolom ${previous.column + 1}.`
            : `Zet "${clip(previous.key, 30)}:" op ${to}.`,
        );
      }
      return problem(
        file,
        i + 1,
        column + 1,
        `de inspringing klopt niet: "${clip(key, 30)}:" staat verder in (kolom ${column + 1}) dan "${clip(previous.key, 30)}:" op de regel erboven (kolom ${previous.column + 1})`,
        `Zet "${clip(key, 30)}:" op kolom ${previous.column + 1}, net onder "${clip(previous.key, 30)}:", als het bij hetzelfde onderdeel hoort.`,
      );
    }
    if (levels.length > 0 && !(previous?.opens && column > previous.column) && dash === '' && !levels.includes(column)) {
      const nearest = nearestKeyColumn(levels, keyAt, column);
      return problem(
        file,
        i + 1,
        column + 1,
        `de inspringing klopt niet: "${clip(key, 30)}:" staat op kolom ${column + 1}, maar geen sleutel erboven staat op die kolom`,
        nearest === undefined
          ? `Zet "${clip(key, 30)}:" op de kolom van de sleutel waar het bij hoort.`
          : `Zet "${clip(key, 30)}:" op kolom ${nearest + 1}, net onder "${clip(keyAt.get(nearest)!, 30)}:", als het daar bij hoort.`,
      );
    }
    const outdentedFrom =
      previous && dash === '' && column < previous.column && !previous.opens ? { column: previous.column, key: previous.key, plain: previous.plain } : undefined;
    const landedOnKey = keyAt.has(column);
    if (dash && previous?.opens && previous.column === indent) dashOnKey.add(indent);
    while (levels.length > 0 && levels.at(-1)! > (dash ? indent : column)) levels.pop();
    if (dash && levels.at(-1) !== indent) levels.push(indent);
    if (dash) keyAt.delete(indent);
    if (levels.at(-1) !== column) levels.push(column);
    keyAt.set(column, key);
    previous = { column, opens: OPENS_BLOCK.test(value), key, line: i + 1, ...(outdentedFrom ? { outdentedFrom, landedOnKey } : {}) };
    // A block text: deeper lines are part of it, whatever they hold.
    if (/^[|>][-+0-9]*\s*(#.*)?$/.test(value)) textBelow = column;
  }
  return undefined;
}

/** The open key column closest to `column` (the deeper one on a tie: the slip is most often a key of the block above). */
function nearestKeyColumn(levels: readonly number[], keyAt: ReadonlyMap<number, string>, column: number): number | undefined {
  let best: number | undefined;
  for (const level of levels) {
    if (!keyAt.has(level)) continue;
    if (best === undefined || Math.abs(level - column) <= Math.abs(best - column)) best = level;
  }
  return best;
}

function problem(file: string, line: number, column: number, message: string, hint: string): Diagnostic {
  return { code: 'yaml-syntax', severity: 'error', file, line, column, message: `YAML-fout: ${message}`, hint };
}
