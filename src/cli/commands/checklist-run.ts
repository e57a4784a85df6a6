// The work behind `convenant checklist`.
import { renderChecklistMarkdown, renderChecklistText } from '../../render/checklist.js';
import { PLAIN } from '../../render/theme.js';
import { themeFor } from '../color.js';
import { EXIT } from '../exit-codes.js';
import type { Io } from '../io.js';
import { checkOutputTarget } from '../write-output.js';
import { CHECKLIST_FORMATS } from './formats.js';
import type { ChecklistOptions } from './checklist.js';
import { checkFormat, lineWidth } from './lookup-options.js';
import { loadValidProtocol } from './load-valid.js';
import { writeResult } from './write-result.js';

export async function runChecklist(io: Io, options: ChecklistOptions): Promise<number> {
  const format = checkFormat(options.format, CHECKLIST_FORMATS);
  if (options.output !== undefined) checkOutputTarget(options.output, { cwd: io.cwd, force: options.force === true });
  const protocol = loadValidProtocol(io, options.protocols);
  const toFile = options.output !== undefined;
  const content =
    format === 'markdown'
      ? renderChecklistMarkdown(protocol)
      : renderChecklistText(protocol, toFile ? PLAIN : await themeFor(io, io.stdout, options.color), toFile ? 100 : lineWidth(io));
  writeResult(io, content, options, 'De checklist');
  return EXIT.ok;
}
