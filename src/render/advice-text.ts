// The advice screen: what to do now first ("Bel 112" on top when it applies), then per urgency the
// school's actions and the partners to involve (what, why, how to reach them, sources), the rules
// that apply, information for those involved, and the numbered sources. Wrapped to the width given.
import type { AdviceResult, PartnerItem, RuleItem } from '../engine/index.js';
import type { Urgency } from '../model/core.js';
import { INFERRED_NOTE } from './labels.js';
import { sanitize } from './sanitize.js';
import { wrapIndented } from './text.js';
import type { Theme } from './theme.js';
import {
  ADVICE_URGENCY,
  SourceNumbers,
  nowAndToday,
  phoneOf,
  type Todo,
  contactLines,
  infoGroups,
  sourceTitle,
  sourcesById,
  taskLines,
  urgencyGroups,
  type AdviceInput,
} from './advice-view.js';

export interface TextOptions {
  /** Line width; 80 when not given. Never narrower than 20. */
  width?: number;
  /** Terminal rows the first card must fit in with the title; 24 when not given. */
  rows?: number;
}

/** The first sentence, marked as cut when there is more ("Doe aangifte via 0900-8844. Het …" → "Doe aangifte via 0900-8844. …"). */
function firstSentence(text: string): string {
  // A leading question ("Brandt het nog?") is the condition of what follows: keep the sentence after it.
  // The kept part ends on a statement, never on a question.
  const m = /^((?:[^.!?]+\?\s+)*[^.!?]+[.!])\s+\S/s.exec(text);
  return m ? `${m[1]} …` : text;
}

/**
 * "Nu en vandaag": what to do now and today, in order, each partner task with its number, in at most
 * `budget` lines. Too long: points shortened from the last one up, first to their first sentence,
 * then to one line, until it fits; then the last points left out with a pointer to the full advice
 * below. Numbers are never shortened.
 */
export function adviceCard(advice: AdviceResult, theme: Theme, width: number, budget: number): string[] {
  const c = theme.chalk;
  const todos = nowAndToday(advice);
  const para = (text: string, indent: string, first = indent, w = width) => wrapIndented(sanitize(text), w, indent, first, { breakLong: true }).split('\n');
  const bar = c.bold(`━━ NU EN VANDAAG ${'━'.repeat(Math.max(3, width - 17))}`);
  const end = c.bold('━'.repeat(width));
  if (todos.length === 0) return [bar, ...para('Niets voor nu of vandaag. Hieronder staat wat er daarna moet gebeuren.', '  '), end];
  const numberWidth = String(todos.length).length + 2;
  const indent = ' '.repeat(2 + numberWidth);
  type Fit = 'full' | 'sentence' | 'line';
  const entry = (t: Todo, i: number, fit: Fit): string[] => {
    const text = `${t.partner ? `${t.partner.name}: ` : ''}${fit === 'full' ? t.text : firstSentence(t.text)}`;
    const label = `  ${`${i + 1}.`.padEnd(numberWidth)}`;
    let lines = para(text, indent, label);
    if (fit === 'line' && lines.length > 1) lines = [`${para(text, indent, label, width - 2)[0]} …`];
    const strong = t.urgency === 'immediate' ? lines.map((l) => c.bold(l)) : lines;
    return t.partner?.reach ? [...strong, ...para(`Bel: ${t.partner.reach}`, indent)] : strong;
  };
  const heading = (u: Urgency) => (u === 'immediate' ? c.red.bold(`  ${ADVICE_URGENCY[u]}`) : c.bold(`  ${ADVICE_URGENCY[u]}`));
  const block = (t: Todo, i: number, fit: Fit): string[] => [...(i === 0 || todos[i - 1]!.urgency !== t.urgency ? [heading(t.urgency)] : []), ...entry(t, i, fit)];
  const size = (blocks: string[][]) => blocks.reduce((n, b) => n + b.length, 2);
  // From the last point up, so the first things to do keep their text as long as possible: cut to
  // one line, a first point with a long partner name would show little more than the name.
  const blocks = todos.map((t, i) => block(t, i, 'full'));
  for (const fit of ['sentence', 'line'] as const) {
    for (let i = todos.length - 1; i >= 0 && size(blocks) > budget; i--) blocks[i] = block(todos[i]!, i, fit);
  }
  if (size(blocks) > budget) {
    // Keep whole points while the rest still fits with the pointer below them.
    const kept: string[][] = [];
    for (const b of blocks) {
      if (size([...kept, b]) + 1 > budget && kept.length > 0) break;
      kept.push(b);
    }
    const left = blocks.length - kept.length;
    return [bar, ...kept.flat(), c.dim(`  + nog ${left} ${left === 1 ? 'punt' : 'punten'}: zie hieronder.`), end];
  }
  return [bar, ...blocks.flat(), end];
}

export function renderAdviceText(input: Pick<AdviceInput, 'advice' | 'protocol'>, theme: Theme, options: TextOptions = {}): string {
  const { advice, protocol } = input;
  const c = theme.chalk;
  const width = Math.max(20, Math.min(options.width ?? 80, 100));
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
  const something = advice.actions.length > 0 || advice.partners.length > 0 || advice.rules.length > 0;
  // The card opens the advice: the first screen is what to do now and today, with the numbers
  // (the last line of the screen is left for a pager's prompt).
  if (something) out.push(...adviceCard(advice, theme, width, Math.max(6, (options.rows ?? 24) - 1)), '');
  out.push(c.bold(para(`Advies · ${meta.title}`, '')), c.dim(para(`${meta.region} · versie ${meta.version}`, '')));

  if (advice.fault) {
    out.push('', c.red.bold(para(`Let op: het protocol liep vast (${advice.fault}). Dit advies is onvolledig; meld dit bij de beheerder van het protocol.`, '')));
  }
  if (!something) {
    out.push('', para('Het protocol geeft bij deze antwoorden geen advies. Overleg met de veiligheidscoördinator van de school.', ''));
  }

  for (const group of urgencyGroups(advice)) {
    const urgent = group.urgency === 'immediate';
    heading(group.label.toUpperCase(), urgent);
    for (const action of group.actions) {
      const line = para(`${action.text}${refs(action.sources)}`, '    ', '  ▶ ');
      out.push(urgent ? c.bold(line) : line);
    }
    group.partners.forEach((partner, i) => {
      if (i > 0 || group.actions.length > 0) out.push('');
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
      if (g.urgency === 'immediate') {
        // What to do now in full, the partners' calls included, each as its own line.
        lines.push(...g.actions.map((a) => `▶ ${a.text}`));
        for (const p of g.partners) {
          const phone = phoneOf(p.partner);
          p.taskItems.filter((t) => t.urgency === 'immediate').forEach((t, i) => lines.push(`▶ ${p.name}${i === 0 && phone ? ` (${phone})` : ''}: ${t.text}`));
        }
      } else {
        lines.push(...g.actions.map((a) => `▶ ${firstSentence(a.text)}`));
        if (g.partners.length > 0) lines.push(`Schakel in: ${g.partners.map((p) => `${p.name}${phoneOf(p.partner) ? ` (${phoneOf(p.partner)})` : ''}`).join(', ')}.`);
      }
      lines.forEach((line, i) => row(i === 0 ? g.label : '', line, g.urgency === 'immediate'));
    }
    if (advice.rules.length > 0) row('Regels', `${advice.rules.map((r) => r.title).join(', ')}.`);
    out.push(c.dim(para('Hierboven staat per punt wat je doet, waarom, en hoe je iedereen bereikt.', '  ')));
  }

  function partnerLines(p: PartnerItem): string[] {
    const lines = [c.bold(para(`● ${p.name}`, '    ', '  '))];
    lines.push(c.dim('    Wat te doen'));
    for (const { label, task } of taskLines(p)) lines.push(para(label ? `${label}: ${task.text}` : task.text, '        ', '      - '));
    if (p.reasons.length > 0 || p.because.length > 0) {
      lines.push(c.dim('    Waarom'));
      for (const reason of p.reasons) lines.push(para(reason, '        ', '      - '));
      for (const b of p.because) lines.push(c.dim(para(`${b.question} ${b.answer}${b.inferred ? INFERRED_NOTE : ''}`, '        ', '      ↳ ')));
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
    const lines = [c.bold(para(`● ${rule.title}`, '    ', '  '))];
    for (const conclusion of rule.conclusions) lines.push(para(conclusion, '    '));
    if (rule.steps.length > 0) {
      lines.push(c.dim('    Stappen'));
      for (const step of rule.steps) lines.push(para(step, '        ', '      - '));
    }
    for (const b of rule.because) lines.push(c.dim(para(`${b.question} ${b.answer}${b.inferred ? INFERRED_NOTE : ''}`, '      ', '    ↳ ')));
    const r = refs(rule.sources);
    if (r) lines.push(c.dim(para(`Bronnen:${r}`, '      ', '    ')));
    return lines;
  }
}
