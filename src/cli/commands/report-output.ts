// Shared by validate and test: which folder to check, and where the report goes.
import { sanitize } from '../../render/sanitize.js';
import { UsageError } from '../exit-codes.js';
import type { Io } from '../io.js';
import { protocolDirFor } from '../protocol-dir.js';
import { checkOutputTarget, randomHex, writeOutputFile } from '../write-output.js';

export interface ReportOptions {
  protocols?: string;
  output?: string;
  force?: boolean;
}

/** What to check when the folder of validate or test cannot be read. */
export const DIR_HINT = 'Controleer het pad (de map, --protocols of CONVENANT_PROTOCOLS).';

/** The protocol folder from the argument or --protocols (not both), else the default. Checks --output first. */
export function reportTarget(io: Io, dir: string | undefined, options: ReportOptions, command: string): string {
  if (dir !== undefined && options.protocols !== undefined) {
    throw new UsageError('geef de protocolmap één keer op: als map of met --protocols', `Bijvoorbeeld: convenant ${command} protocols/weert-nederweert`);
  }
  if (options.output !== undefined) checkOutputTarget(options.output, { cwd: io.cwd, force: options.force === true });
  return protocolDirFor(io, dir ?? options.protocols);
}

/**
 * In a GitHub Actions job, a report for people is wrapped in `::stop-commands::<token>` … `::<token>::`:
 * the runner then executes nothing the report holds (machine formats are escaped line by line
 * instead, so that they stay valid JSON or XML when a step pipes them on).
 */
export function wrapForGithubActions(io: Io, content: string): string {
  if (io.env.GITHUB_ACTIONS !== 'true') return content;
  const token = randomHex(16);
  return `::stop-commands::${token}\n${content}::${token}::\n`;
}

/** Writes the report to stdout, or atomically to --output (then says where on stderr). */
export function writeReport(io: Io, content: string, options: ReportOptions & { forPeople?: boolean }): void {
  if (options.output === undefined) {
    io.stdout.write(options.forPeople ? wrapForGithubActions(io, content) : content);
    return;
  }
  const path = writeOutputFile(options.output, content, { cwd: io.cwd, force: options.force === true, ...(io.signal ? { signal: io.signal } : {}) });
  io.stderr.write(`Het rapport staat in ${sanitize(path)}\n`);
}
