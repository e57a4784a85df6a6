// The one reading of a typed number, shared by the terminal wizard and the web page: "13 jaar" is
// 13 in both, and both say the same when a number is out of range or not whole.
import { describe, expect, it } from 'vitest';
import { parseNumberText } from '../../src/ui/number-answer.js';

const q = { min: 4, max: 18, allowUnknown: true, unit: 'jaar' };
const WEB_HINT = ', of kies "Weet ik niet"';

describe('parseNumberText', () => {
  it.each([
    ['13', 13],
    ['13 jaar', 13],
    [' 4 J. ', 4],
    ['18jr', 18],
  ])('reads %j as %d', (text, value) => {
    expect(parseNumberText(text, q, WEB_HINT)).toEqual({ ok: true, value });
  });

  it.each([
    ['3', 'Typ een heel getal van 4 tot en met 18.'],
    ['12,5', 'Dat is geen heel getal. Typ een heel getal van 4 tot en met 18.'],
    ['13 weken', 'Dat is geen heel getal. Typ een heel getal van 4 tot en met 18.'],
    ['', 'Typ een heel getal van 4 tot en met 18, of kies "Weet ik niet".'],
  ])('refuses %j', (text, message) => {
    expect(parseNumberText(text, q, WEB_HINT)).toEqual({ ok: false, message });
  });

  it('offers "weet ik niet" only where the question has it', () => {
    expect(parseNumberText('', { ...q, allowUnknown: false }, WEB_HINT)).toEqual({ ok: false, message: 'Typ een heel getal van 4 tot en met 18.' });
  });
});
