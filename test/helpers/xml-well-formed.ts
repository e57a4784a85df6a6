// A strict check that a document is well-formed XML 1.0, for the JUnit reports (no XML parser is a
// dependency). Covers what our reports use: the declaration, elements with attributes, text,
// character and entity references. Returns the first problem, or undefined.
const CHAR = /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u;
const NAME = '[A-Za-z_][A-Za-z0-9_.-]*';
const REF = '&(?:amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);';
const ATTR_VALUE = new RegExp(`^(?:[^<&"]|${REF})*$`);
const TEXT = new RegExp(`^(?:[^<&]|${REF})*$`);
const TAG = new RegExp(`^<(/?)(${NAME})((?:\\s+${NAME}\\s*=\\s*"[^"]*")*)\\s*(/?)>`);

export function xmlProblem(xml: string): string | undefined {
  if (!CHAR.test(xml)) return 'a character outside the XML Char production';
  let rest = xml.replace(/^<\?xml[^?]*\?>\s*/, '');
  const open: string[] = [];
  let roots = 0;
  while (rest.length > 0) {
    const lt = rest.indexOf('<');
    const text = lt === -1 ? rest : rest.slice(0, lt);
    if (!TEXT.test(text)) return `bad text: ${JSON.stringify(text.slice(0, 60))}`;
    if (open.length === 0 && text.trim() !== '') return 'text outside the root element';
    if (lt === -1) break;
    rest = rest.slice(lt);
    const m = TAG.exec(rest);
    if (!m) return `bad tag at ${JSON.stringify(rest.slice(0, 60))}`;
    const [whole, close, name, attrs, selfClose] = m;
    for (const a of attrs!.matchAll(/"([^"]*)"/g)) if (!ATTR_VALUE.test(a[1]!)) return `bad attribute value ${JSON.stringify(a[1])}`;
    if (close) {
      if (open.pop() !== name) return `unbalanced </${name}>`;
    } else if (!selfClose) {
      if (open.length === 0) roots++;
      open.push(name!);
    } else if (open.length === 0) roots++;
    rest = rest.slice(whole.length);
  }
  if (open.length > 0) return `unclosed <${open.at(-1)}>`;
  if (roots !== 1) return `${roots} root elements`;
  return undefined;
}
