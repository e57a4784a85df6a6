// The advice as a printable record for the school's own file: date, protocol and version, the
// answers, the advice and its sources, and the answers as a file to reproduce it. It holds no names
// or other personal data: the tool never asks for them.
import type { PartnerItem, RuleItem } from '../engine/index.js';
import { sanitize } from './sanitize.js';
import { SourceNumbers, contactLines, infoGroups, sourceTitle, sourcesById, taskLines, urgencyGroups, type AdviceInput } from './advice-view.js';

/** Plain text safe inside markdown: one line, markdown punctuation escaped. */
export function mdText(text: string): string {
  return sanitize(text)
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/([\\`*_[\]<>|#])/g, '\\$1');
}

/**
 * A web address as a Markdown autolink. Only http(s) becomes a link (validate accepts no other);
 * characters that would end the autolink or break it (<, >, spaces, controls) are percent-encoded.
 */
export function mdLink(url: string): string {
  if (!/^https?:\/\//i.test(url)) return `\`${sanitize(url).replace(/`/g, "'")}\``;
  return `<${url.replace(/[\u0000-\u0020<>"`\u007f-\u009f\u00a0\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu, (c) => encodeURIComponent(c))}>`;
}

/** "29 november 2026 om 13:12", local time. */
export function dutchDateTime(date: Date): string {
  return new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeStyle: 'short' }).format(date);
}

export function renderAdviceMarkdown(input: AdviceInput): string {
  const { advice, protocol, sha256, generated } = input;
  const numbers = new SourceNumbers(advice);
  const refs = (ids: readonly string[]) => {
    const ns = numbers.of(ids);
    return ns.length ? ` ${ns.map((n) => `[${n}]`).join('')}` : '';
  };
  const meta = protocol.meta;
  const out: string[] = [
    '# Advies bij een incident',
    '',
    '| | |',
    '|---|---|',
    `| Datum | ${dutchDateTime(generated)} |`,
    `| Protocol | ${mdText(meta.title)} (${mdText(meta.id)}, versie ${mdText(meta.version)}) |`,
    `| Regio | ${mdText(meta.region)} |`,
    `| Vingerafdruk protocol | \`sha256:${sha256}\` |`,
    '',
    'Dit verslag bevat geen namen of andere persoonsgegevens. Die horen in het dossier van de school, niet in dit verslag.',
  ];
  if (advice.fault) out.push('', `**Let op:** het protocol liep vast (${mdText(advice.fault)}). Dit advies is onvolledig.`);

  out.push('', '## Antwoorden', '');
  advice.answers.forEach((a, i) => out.push(`${i + 1}. ${mdText(a.question)} **${mdText(a.answer)}**${a.inferred ? ' (afgeleid uit eerdere antwoorden, niet gevraagd)' : ''}`));
  if (advice.answers.length === 0) out.push('Geen vragen beantwoord.');

  for (const group of urgencyGroups(advice)) {
    out.push('', `## ${group.label}`);
    if (group.actions.length > 0) {
      out.push('');
      const bold = group.urgency === 'immediate';
      for (const a of group.actions) out.push(`- [ ] ${bold ? `**${mdText(a.text)}**` : mdText(a.text)}${refs(a.sources)}`);
    }
    for (const p of group.partners) out.push('', ...partnerLines(p));
  }

  if (advice.rules.length > 0) {
    out.push('', '## Regels die gelden');
    for (const rule of advice.rules) out.push('', ...ruleLines(rule));
  }

  for (const group of infoGroups(advice)) {
    out.push('', `## ${mdText(group.heading)}`, '');
    for (const item of group.items) out.push(`- ${mdText(item.text)}${refs(item.sources)}`);
  }

  const sources = sourcesById(protocol);
  const list = numbers.list();
  if (list.length > 0) {
    out.push('', '## Bronnen', '');
    for (const { n, id } of list) {
      const source = sources.get(id);
      const url = source?.url ? ` ${mdLink(source.url)}` : '';
      out.push(`${n}. ${mdText(sourceTitle(source, id))}${url}`);
    }
  }

  out.push(
    '',
    '## Opnieuw uitrekenen',
    '',
    'Sla de antwoorden hieronder op als `antwoorden.yaml` en draai `convenant incident --answers antwoorden.yaml` om dit advies opnieuw te maken.',
    '',
    '```yaml',
    ...advice.answers.map((a) => `${a.step}: ${yamlValue(a.value)}`),
    '```',
    '',
  );
  return out.join('\n');

  function partnerLines(p: PartnerItem): string[] {
    const lines = [`### ${mdText(p.name)}`, '', '**Wat te doen**', ''];
    for (const { label, task } of taskLines(p)) lines.push(`- [ ] ${label ? `${label}: ` : ''}${mdText(task.text)}`);
    if (p.reasons.length > 0 || p.because.length > 0) {
      lines.push('', '**Waarom**', '');
      for (const reason of p.reasons) lines.push(`- ${mdText(reason)}`);
      for (const b of p.because) lines.push(`- Antwoord: ${mdText(b.question)} *${mdText(b.answer)}*`);
    }
    const contact = contactLines(p.partner);
    if (contact.length > 0) {
      lines.push('', '**Zo bereik je ze**', '');
      for (const line of contact) lines.push(`- ${mdText(line)}`);
    }
    const r = refs(p.sources);
    if (r) lines.push('', `Bronnen:${r}`);
    return lines;
  }

  function ruleLines(rule: RuleItem): string[] {
    const lines = [`### ${mdText(rule.title)}`, ''];
    for (const conclusion of rule.conclusions) lines.push(mdText(conclusion), '');
    if (rule.steps.length > 0) {
      lines.push('**Stappen**', '');
      for (const step of rule.steps) lines.push(`- [ ] ${mdText(step)}`);
      lines.push('');
    }
    if (rule.because.length > 0) {
      lines.push('**Waarom**', '');
      for (const b of rule.because) lines.push(`- Antwoord: ${mdText(b.question)} *${mdText(b.answer)}*`);
      lines.push('');
    }
    const r = refs(rule.sources);
    if (r) lines.push(`Bronnen:${r}`);
    else if (lines.at(-1) === '') lines.pop();
    return lines;
  }
}

/** An engine answer value as YAML: ids and numbers plain, lists in flow style. */
function yamlValue(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => sanitize(String(v))).join(', ')}]`;
  return sanitize(String(value));
}
