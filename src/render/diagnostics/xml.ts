// Text for XML attributes and content. Control characters are not allowed in XML 1.0 at all,
// so text is sanitised first (they become visible \u{..} codes), then the five entities escaped.
import { sanitize } from '../sanitize.js';

export function escapeXml(text: string): string {
  return sanitize(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}
