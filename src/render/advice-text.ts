// The advice screen: what to do now first ("Bel 112" on top when it applies), then per urgency the
// school's actions and the partners to involve (what, why, how to reach them, sources), the rules
// that apply, information for those involved, and the numbered sources. Wrapped to the width given.
import type { PartnerItem, RuleItem } from '../engine/index.js';
import { sanitize } from './sanitize.js';
import { wrapIndented } from './text.js';
import type { Theme } from './theme.js';
import {
  SourceNumbers,
  contactLines,
  infoGroups,
  sourceTitle,
  sourcesById,
  taskLines,
  urgencyGroups,
  type AdviceInput,
} from './advice-view.js';

export interface TextOptions {
  /** Line width; 80 when not given. Never narrower than 40. */
  width?: number;
}

export function renderAdviceText(input: Pick<AdviceInput, 'advice' | 'protocol'>, theme: Theme, options: TextOptions = {}): string {
  const { advice, protocol } = input;
  const c = theme.chalk;
  const width = Math.max(40, Math.min(options.width ?? 80, 100));
  const numbers = new SourceNumbers(advice);
  const refs = (ids: readonly string[]) => {
    const ns = numbers.of(ids);
    return ns.length ? ` ${ns.map((n) => `[${n}]`).join('')}` : '';
  };
  const out: string[] = [];
  const para = (text: string, indent: string, first = indent) => wrapIndented(sanitize(text), width, indent, first);
  const heading = (label: string, urgent = false) => {
    const bar = (used: number) => '━'.repeat(Math.max(3, width - used));
    out.push('', urgent ? c.red(`━━ ${c.bold.inverse(` ${label} `)} ${bar(label.length + 6)}`) : c.bold(`━━ ${label} ${bar(label.length + 4)}`));
  };

  const meta = protocol.meta;
  out.push(c.bold(para(`Advies · ${meta.title}`, '')), c.dim(para(`${meta.region} · versie ${meta.version}`, '')));

  if (advice.fault) {
    out.push('', c.red.bold(para(`Let op: het protocol liep vast (${advice.fault}). Dit advies is onvolledig; meld dit bij de beheerder van het protocol.`, '')));
  }
  if (advice.actions.length === 0 && advice.partners.length === 0 && advice.rules.length === 0) {
    out.push('', para('Het protocol geeft bij deze antwoorden geen advies. Overleg met de veiligheidscoördinator van de school.', ''));
  }

  for (const group of urgencyGroups(advice)) {
    const urgent = group.urgency === 'immediate';
    heading(group.label.toUpperCase(), urgent);
    for (const action of group.actions) {
      const line = para(`${action.text}${refs(action.sources)}`, '    ', '  ▶ ');
      out.push(urgent ? c.bold(line) : line);
    }
    for (const { partner, task } of group.partnerTasks) out.push(c.bold(para(`${partner.name}: ${task.text}${refs(task.sources)}`, '    ', '  ▶ ')));
    group.partners.forEach((partner, i) => {
      if (i > 0 || group.actions.length > 0 || group.partnerTasks.length > 0) out.push('');
      out.push(...partnerLines(partner));
    });
  }

  if (advice.rules.length > 0) {
    heading('REGELS DIE GELDEN');
    advice.rules.forEach((rule, i) => {
      if (i > 0) out.push('');
      out.push(...ruleLines(rule));
    });
  }

  for (const group of infoGroups(advice)) {
    heading(sanitize(group.heading.toUpperCase()));
    for (const item of group.items) out.push(para(`${item.text}${refs(item.sources)}`, '    ', '  • '));
  }

  const sources = sourcesById(protocol);
  const list = numbers.list();
  if (list.length > 0) {
    heading('BRONNEN');
    const pad = String(list.length).length + 2;
    for (const { n, id } of list) out.push(c.dim(para(sourceTitle(sources.get(id), id), ' '.repeat(pad + 3), `  ${`[${n}]`.padEnd(pad)} `)));
  }
  summary();
  out.push('');
  return `${out.join('\n')}\n`;

  /**
   * A short recap as the last thing on screen: after a long advice the terminal shows its end, so
   * what to do now must be there too, not only at the top.
   */
  function summary(): void {
    const groups = urgencyGroups(advice);
    if (groups.length === 0 && advice.rules.length === 0) return;
    heading('IN HET KORT');
    const labelWidth = 18;
    const row = (label: string, text: string, strong = false) => {
      const hang = text.startsWith('▶ ') ? 2 : 0;
      const line = para(text, ' '.repeat(2 + labelWidth + hang), `  ${label.padEnd(labelWidth)}`);
      out.push(strong ? c.bold(line) : line);
    };
    for (const g of groups) {
      const lines: string[] = [];
      if (g.urgency === 'immediate') lines.push(...g.actions.map((a) => `▶ ${a.text}`), ...g.partnerTasks.map((t) => `▶ ${t.partner.name}: ${t.task.text}`));
      else if (g.actions.length > 0) lines.push(`${g.actions.length} ${g.actions.length === 1 ? 'ding' : 'dingen'} te doen.`);
      if (g.partners.length > 0) lines.push(`Schakel in: ${g.partners.map((p) => p.name).join(', ')}.`);
      lines.forEach((line, i) => row(i === 0 ? g.label : '', line, g.urgency === 'immediate'));
    }
    if (advice.rules.length > 0) row('Regels', `${advice.rules.map((r) => r.title).join(', ')}.`);
    out.push(c.dim(para('Hierboven staat per punt wat je doet, waarom, en hoe je iedereen bereikt.', '  ')));
  }

  function partnerLines(p: PartnerItem): string[] {
    const lines = [`  ${c.bold(`● ${sanitize(p.name)}`)}`];
    lines.push(c.dim('    Wat te doen'));
    for (const { label, task } of taskLines(p)) lines.push(para(label ? `${label}: ${task.text}` : task.text, '        ', '      - '));
    if (p.reasons.length > 0 || p.because.length > 0) {
      lines.push(c.dim('    Waarom'));
      for (const reason of p.reasons) lines.push(para(reason, '        ', '      - '));
      for (const b of p.because) lines.push(c.dim(para(`${b.question} ${b.answer}`, '        ', '      ↳ ')));
    }
    const contact = contactLines(p.partner);
    if (contact.length > 0) {
      lines.push(c.dim('    Zo bereik je ze'));
      for (const line of contact) lines.push(para(line, '        ', '      '));
    }
    const r = refs(p.sources);
    if (r) lines.push(c.dim(para(`Bronnen:${r}`, '      ', '    ')));
    return lines;
  }

  function ruleLines(rule: RuleItem): string[] {
    const lines = [`  ${c.bold(`● ${sanitize(rule.title)}`)}`];
    for (const conclusion of rule.conclusions) lines.push(para(conclusion, '    '));
    if (rule.steps.length > 0) {
      lines.push(c.dim('    Stappen'));
      for (const step of rule.steps) lines.push(para(step, '        ', '      - '));
    }
    for (const b of rule.because) lines.push(c.dim(para(`${b.question} ${b.answer}`, '      ', '    ↳ ')));
    const r = refs(rule.sources);
    if (r) lines.push(c.dim(para(`Bronnen:${r}`, '      ', '    ')));
    return lines;
  }
}
