import type { Formatter } from './format.js';
import { FORMAT_NAMES, type FormatName } from './names.js';
import { github } from './github.js';
import { json } from './json.js';
import { junit } from './junit.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';

export const FORMATTERS = { stylish, json, github, sarif, junit } as const satisfies Record<FormatName, Formatter>;
export { FORMAT_NAMES, type FormatName };
export type { FormatContext, Formatter } from './format.js';
export { summaryText, counts, INCOMPLETE_NOTE, SEVERITY_LABEL } from './format.js';
export { escapeXml } from './xml.js';
