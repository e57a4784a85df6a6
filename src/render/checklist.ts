// `convenant checklist`: the prevention checklist (Bijlage 1), on screen or as printable markdown.
import type { Protocol } from '../model/core.js';
import { indexProtocol } from '../engine/index.js';
import { mdText } from './advice-markdown.js';
import { sourceLabels } from './labels.js';
import { sanitize } from './sanitize.js';
import { wrapIndented } from './text.js';
import type { Theme } from './theme.js';

function itemFacts(protocol: Protocol, partners: readonly string[] | undefined, sources: readonly string[]) {
  const index = indexProtocol(protocol);
  return {
    helpers: (partners ?? []).map((id) => index.partners.get(id)?.name ?? id),
    refs: sourceLabels(sources, index.sources),
  };
}

export function renderChecklistText(protocol: Protocol, theme: Theme, width: number): string {
  const { chalk } = theme;
  const out = [chalk.bold(`Checklist preventieve acties — ${sanitize(protocol.meta.title)} (${sanitize(protocol.meta.region)})`)];
  if (protocol.checklist.length === 0) return `${out[0]}\n\nDit protocol heeft geen checklist.\n`;
  for (const section of protocol.checklist) {
    out.push('', chalk.bold.underline(sanitize(section.title)));
    for (const item of section.items) {
      const { helpers, refs } = itemFacts(protocol, item.partners, item.sources);
      out.push(wrapIndented(sanitize(item.text), width, '      ', '  [ ] '));
      const meta = [helpers.length ? `Wie helpt: ${helpers.map(sanitize).join(', ')}` : '', `Bron: ${refs.join('; ')}`].filter(Boolean).join(' · ');
      out.push(chalk.dim(wrapIndented(meta, width, '      ')));
    }
  }
  const total = protocol.checklist.reduce((n, s) => n + s.items.length, 0);
  out.push('', `${total} punten. Als af te vinken lijst op papier: convenant checklist --format markdown --output checklist.md`);
  return `${out.join('\n')}\n`;
}

/** Markdown with task-list checkboxes: renders on GitHub/GitLab and prints well. */
export function renderChecklistMarkdown(protocol: Protocol): string {
  const meta = protocol.meta;
  const out = ['# Checklist preventieve acties', '', `${mdText(meta.title)} · ${mdText(meta.region)} · versie ${mdText(meta.version)}`, '', 'Doorgelopen op: ____________________'];
  if (protocol.checklist.length === 0) out.push('', 'Dit protocol heeft geen checklist.');
  for (const section of protocol.checklist) {
    out.push('', `## ${mdText(section.title)}`, '');
    for (const item of section.items) {
      const { helpers, refs } = itemFacts(protocol, item.partners, item.sources);
      out.push(`- [ ] ${mdText(item.text)}  `);
      const parts = [helpers.length ? `*Wie helpt:* ${helpers.map(mdText).join(', ')}` : '', `*Bron:* ${refs.map(mdText).join('; ')}`].filter(Boolean);
      out.push(`  ${parts.join(' · ')}`);
    }
  }
  out.push('', '---', '', `Gemaakt met convenant checklist, protocol ${mdText(meta.id)} versie ${mdText(meta.version)}.`, '');
  return out.join('\n');
}
