// Text for XML attributes and content. Control characters are not allowed in XML 1.0 at all,
// so text is sanitised first (they become visible \u{..} codes), then the five entities escaped.
// What XML 1.0 forbids besides (U+FFFE, U+FFFF, lone surrogates) becomes a visible code too.
import { guardWorkflowCommands, sanitize, TEXT_ESCAPE, XML_ESCAPE } from '../sanitize.js';

const NOT_XML_CHAR = /[\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function escapeXml(text: string): string {
  return sanitize(text).replace(NOT_XML_CHAR, TEXT_ESCAPE).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** A whole XML report, guarded against CI workflow commands with character references. */
export const guardXml = (xml: string): string => guardWorkflowCommands(xml, XML_ESCAPE);
