// Finding 11 (low): dates were only checked for the JJJJ-MM-DD shape, so `evaluation: 9999-99-99`
// passed validate (and switched the art. 12.2 evaluation check off for good), and
// `person.reviewed: 2024-13-45` passed validate while `contacts --check` called it invalid. Now
// validate rejects dates that do not exist, in the same way `contacts` does.
import { describe, expect, it } from 'vitest';
import { isCalendarDate } from '../../src/analysis/contacts.js';
import { runCli } from '../helpers/run-cli.js';
import { BASE_PROTOCOL, hostileDirs, type HostileDir } from './hostile-dir.js';

const newDir = hostileDirs();
const folder = (protocol: string) => {
  const h = newDir();
  h.write('protocol.yaml', protocol);
  return h;
};
const validate = (h: HostileDir) => runCli(['validate', 'proto', '--format', 'json', '--today', '2025-12-01'], { cwd: h.root });
type Doc = { diagnostics: { code: string; file: string; line: number; message: string }[] };

const IMPOSSIBLE = ['9999-99-99', '2025-02-30', '0000-00-00', '2024-13-45', '2025-04-31', '2023-02-29'];

describe('validate rejects dates that do not exist', () => {
  it.each(IMPOSSIBLE.flatMap((date) => [['signed', date] as const, ['evaluation', date] as const]))('%s: "%s"', async (key, date) => {
    const h = folder(BASE_PROTOCOL.replace(new RegExp(`${key}: \\S+`), `${key}: "${date}"`));
    const { code, stdout } = await validate(h);
    expect(code).toBe(1);
    const found = (JSON.parse(stdout) as Doc).diagnostics.find((d) => d.code === 'invalid-value');
    expect(found?.message).toBe(`"${key}": deze datum bestaat niet in de kalender (kijk maand en dag na)`);
    expect(found?.file).toBe('proto/protocol.yaml');
    expect(found?.line).toBe(key === 'signed' ? 7 : 8);
  });

  it.each(IMPOSSIBLE)('person.reviewed: "%s", and contacts --check agrees', async (date) => {
    const h = folder(
      BASE_PROTOCOL.replace('{ id: politie, name: Politie, kind: external }', `{ id: politie, name: Politie, kind: core, person: { name: Wijkagent, reviewed: "${date}" } }`),
    );
    const { code, stdout } = await validate(h);
    expect(code).toBe(1);
    expect((JSON.parse(stdout) as Doc).diagnostics.some((d) => d.code === 'invalid-value' && d.message.startsWith('"reviewed": deze datum bestaat niet'))).toBe(true);
    expect(isCalendarDate(date)).toBe(false);
  });

  it.each(['2024-02-29', '2025-12-31', '2000-02-29'])('a real date passes: %s', async (date) => {
    const h = folder(BASE_PROTOCOL.replace(/signed: \S+/, `signed: "${date}"`));
    const { stdout } = await validate(h);
    expect((JSON.parse(stdout) as Doc).diagnostics.filter((d) => d.code === 'invalid-value')).toEqual([]);
  });
});
