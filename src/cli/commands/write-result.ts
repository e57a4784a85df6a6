// Output of a look-up command: to stdout, or with --output atomically to a file (shared writer).
import { sanitize } from '../../render/sanitize.js';
import type { Io } from '../io.js';
import { writeOutputFile } from '../write-output.js';

export function writeResult(io: Io, content: string, options: { output?: string; force?: boolean }, what: string): void {
  if (options.output === undefined) {
    io.stdout.write(content);
    return;
  }
  const path = writeOutputFile(options.output, content, { cwd: io.cwd, force: options.force === true, ...(io.signal ? { signal: io.signal } : {}) });
  io.stderr.write(`${what} staat in ${sanitize(path)}\n`);
}
