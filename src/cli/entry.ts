// The bundle's entry: bin/convenant.js calls run(). `convenant --version` alone is answered here,
// as commander would (the version and a newline, exit 0), before the command-line parser and the
// command registrations are loaded; everything else goes to main().
import { VERSION } from './version.js';

export async function run(argv: readonly string[]): Promise<number> {
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const { run: runMain } = await import('./main.js');
  return runMain(argv);
}
