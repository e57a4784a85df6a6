// From `convenant init` to a green CI run, as the authoring guide describes it: the package as npm
// would install it (a packed tarball), `npm install` in the new folder, then the two CI commands.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'convenant-init-e2e-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const run = (cmd: string, args: string[], cwd: string) =>
  execFileSync(cmd, args, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' },
  });

describe('a new coordinator, following the guide', () => {
  it('goes from convenant init to a green validate and test with the installed package', () => {
    expect(existsSync(join(ROOT, 'dist')), 'npm test builds dist/ first (pretest)').toBe(true);
    run('npm', ['pack', '--silent', '--pack-destination', work], ROOT);
    const tarball = readdirSync(work).find((f) => f.endsWith('.tgz'))!;
    run(process.execPath, [join(ROOT, 'bin/convenant.cjs'), 'init', 'protocol-roermond', '--region', 'Roermond', '--convenant', `file:${join(work, tarball)}`], work);
    const repo = join(work, 'protocol-roermond');
    // Install scripts are not needed for validate and test (and would build native modules for minutes).
    run('npm', ['install', '--ignore-scripts'], repo);
    expect(existsSync(join(repo, 'node_modules/convenant/schema/protocol.schema.json'))).toBe(true);
    const validate = run('npm', ['run', '--silent', 'validate'], repo);
    expect(validate).toMatch(/0 fouten/);
    const test = run('npm', ['test', '--silent'], repo);
    expect(test).toMatch(/\n\d+ passed, 0 failed\n$/);
  }, 300_000);
});
