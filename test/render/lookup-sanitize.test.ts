// Text from YAML never reaches the terminal raw in the look-up renderers: escape sequences and
// bidirectional overrides in names, duties, contact data and checklist items come out as \u{..}.
import { describe, expect, it } from 'vitest';
import { contactReport } from '../../src/analysis/contacts.js';
import { explain } from '../../src/explain/explain.js';
import { renderChecklistMarkdown, renderChecklistText } from '../../src/render/checklist.js';
import { renderContactsMarkdown, renderContactsText } from '../../src/render/contacts.js';
import { renderExplanation } from '../../src/render/explain.js';
import { renderPartnerDetail, renderPartnerList } from '../../src/render/partners.js';
import { safeJson } from '../../src/render/text.js';
import { PLAIN } from '../../src/render/theme.js';
import type { Protocol } from '../../src/model/index.js';
import { mini } from '../helpers/mini.js';

const EVIL = '\u001b[2J\u202eEvil';
const UNSAFE = /[\u001b\u202e]/;

const hostile = (): Protocol => {
  const p = structuredClone(mini());
  const school = p.partners.find((x) => x.id === 'school')!;
  school.name = `School ${EVIL}`;
  school.duties![0]!.text = `Taak ${EVIL}`;
  school.contact = { note: `Noot ${EVIL}` };
  school.person = { name: `Naam ${EVIL}`, role: EVIL, phone: EVIL, email: EVIL, reviewed: '2025-03-01' };
  p.checklist[0]!.items[0]!.text = `Punt ${EVIL}`;
  const politie = p.partners.find((x) => x.id === 'politie')!;
  politie.name = `Politie ${EVIL}`;
  return p;
};

describe('look-up renderers sanitise protocol text', () => {
  const p = hostile();
  const outputs: [string, string][] = [
    ['partner list', renderPartnerList(p, { theme: PLAIN, width: 80 })],
    ['partner detail', renderPartnerDetail(p, p.partners[0]!, { theme: PLAIN, width: 80, advised: true })],
    ['contacts text', renderContactsText(contactReport(p, '2025-06-01'), PLAIN, 80)],
    ['contacts markdown', renderContactsMarkdown(contactReport(p, '2025-06-01'), EVIL)],
    ['checklist text', renderChecklistText(p, PLAIN, 80)],
    ['checklist markdown', renderChecklistMarkdown(p)],
    ['explain', renderExplanation(p, explain(p, 'partner', 'politie'), { theme: PLAIN, width: 80 })],
    ['json', safeJson({ name: EVIL })],
  ];

  it.each(outputs)('%s: no raw control or bidi characters, but a visible trace of them', (_name, text) => {
    expect(text).not.toMatch(UNSAFE);
    expect(text).toMatch(/\\u\{1b\}|\\u001b/);
  });

  it('JSON keeps the data: the escapes decode back to the original text', () => {
    expect(JSON.parse(safeJson({ name: EVIL })).name).toBe(EVIL);
  });
});
