import type { Formatter } from './format.js';
import { github } from './github.js';
import { json } from './json.js';
import { junit } from './junit.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';

export const FORMATTERS = { stylish, json, github, sarif, junit } as const satisfies Record<string, Formatter>;
export type FormatName = keyof typeof FORMATTERS;
export const FORMAT_NAMES = Object.keys(FORMATTERS) as FormatName[];
export type { FormatContext, Formatter } from './format.js';
export { summaryText, counts, SEVERITY_LABEL } from './format.js';
export { escapeXml } from './xml.js';
