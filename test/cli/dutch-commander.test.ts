import { describe, expect, it } from 'vitest';
import { translateError } from '../../src/cli/dutch-commander.js';
import { runCli } from '../helpers/run-cli.js';

describe('commander speaks Dutch', () => {
  it.each([
    ["error: unknown option '--bogus'", "fout: onbekende optie '--bogus'"],
    ["error: unknown command 'valdate'\n(Did you mean validate?)", "fout: onbekende opdracht 'valdate'\n(Bedoel je validate?)"],
    ["error: option '--format <f>' argument 'x' is invalid. Allowed choices are a, b.", "fout: 'x' is geen geldige waarde voor '--format <f>'. Kies uit: a, b."],
    ['error: too many arguments. Expected 0 arguments but got 1.', 'fout: te veel argumenten: verwacht 0, gekregen 1.'],
  ])('%s', (english, dutch) => {
    expect(translateError(english)).toBe(dutch);
  });

  it('an unknown command exits 2 with a Dutch message and a suggestion', async () => {
    const { code, stderr } = await runCli(['valdate']);
    expect(code).toBe(2);
    expect(stderr).toContain("fout: onbekende opdracht 'valdate'");
    expect(stderr).toContain('(Bedoel je validate?)');
  });

  it('help has Dutch headings', async () => {
    const { code, stdout: help } = await runCli(['--help']);
    expect(code).toBe(0);
    expect(help).toMatch(/^Gebruik: convenant \[opties\] \[opdracht\]/);
    expect(help).toContain('Opties:');
    expect(help).toContain('Opdrachten:');
    expect(help).not.toMatch(/Usage:|Options:|Commands:/);
  });
});
