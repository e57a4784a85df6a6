// What a typed answer to a number question means: a whole number in range, "?" for "weet ik niet",
// "<" to go back; anything else is explained in Dutch.
import { describe, expect, it } from 'vitest';
import { parseNumberAnswer } from '../../src/ui/inquirer-prompter.js';
import { BACK } from '../../src/ui/prompter.js';

const q = { min: 4, max: 99, allowUnknown: true, canGoBack: true, unit: 'weken' };

describe('parseNumberAnswer', () => {
  it.each([
    ['14', 14],
    [' 4 ', 4],
    ['99', 99],
    ['?', 'weet-niet'],
    ['Weet ik niet', 'weet-niet'],
    ['w', 'weet-niet'],
    ['<', BACK],
    ['terug', BACK],
    ['13 jaar', 13],
    ['13jaar', 13],
    ['13 jr.', 13],
    ['7 weken', 7],
  ])('reads %j as %s', (text, value) => {
    expect(parseNumberAnswer(text, q)).toEqual({ ok: true, value });
  });

  it.each([
    ['3', /van 4 tot en met 99/],
    ['100', /van 4 tot en met 99/],
    ['14.5', /geen heel getal/],
    ['veertien', /geen heel getal/],
    ['13 jaar oud', /geen heel getal/],
    ['jaar', /geen heel getal/],
    ['', /of \? als je het niet weet/],
  ])('refuses %j', (text, message) => {
    const result = parseNumberAnswer(text, q);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(message);
  });

  it('refuses "weet ik niet" where the question does not offer it', () => {
    expect(parseNumberAnswer('?', { ...q, allowUnknown: false })).toMatchObject({ ok: false, message: expect.stringMatching(/geen "weet ik niet"/) });
  });

  it('does not go back from the first question', () => {
    expect(parseNumberAnswer('<', { ...q, canGoBack: false }).ok).toBe(false);
  });
});
