// A protocol diff for people (markdown, e.g. a pull-request comment) and for tools (JSON). Pure.
import type { PathChange, PathOutcome, ProtocolDiff } from '../diff/protocol-diff.js';
import { sanitize } from './sanitize.js';
import { safeJson } from './text.js';

const URGENCY_LABEL: Record<string, string> = { immediate: 'nu direct', today: 'vandaag', 'this-week': 'deze week', 'when-needed': 'als het nodig is' };

export interface DiffLabels {
  before: string;
  after: string;
  /** Partner id → name, from the newer version (falls back to the older one). */
  partnerName: (id: string) => string;
}

/** Markdown text: pipes and backticks from protocol text cannot break the table or the code spans. */
const md = (text: string) => sanitize(text).replace(/[|`<>]/g, (c) => `\\${c}`);

export function renderDiffMarkdown(diff: ProtocolDiff, labels: DiffLabels, limit = 50): string {
  const out: string[] = [`## Wat verandert er voor medewerkers?`, '', `${md(labels.before)} → ${md(labels.after)}`, ''];
  const q = diff.questions;
  if (q.added.length + q.removed.length + q.changed.length + q.renamed.length === 0) out.push('**Vragen:** geen vragen bij, weg of anders gesteld.', '');
  else {
    out.push('### Vragen', '');
    for (const c of q.added) out.push(`- **Nieuw** \`${md(c.step)}\` (${md(c.flow)}): ${md(c.after!)}`);
    for (const c of q.removed) out.push(`- **Weg** \`${md(c.step)}\` (${md(c.flow)}): ${md(c.before!)}`);
    for (const c of q.changed) out.push(`- **Anders** \`${md(c.step)}\` (${md(c.flow)}): ${md(c.before!)} → ${md(c.after!)}`);
    for (const r of q.renamed) out.push(`- **Andere id** \`${md(r.from)}\` → \`${md(r.to)}\` (${md(r.flow)}): ${md(r.shown)} (zelfde vraag en antwoorden)`);
    out.push('');
  }
  if (diff.changes.length === 0) {
    out.push(`**Advies:** gelijk op alle ${diff.pathsCompared} vergeleken antwoordpaden.`);
  } else {
    out.push(`### Advies dat verandert (${diff.changes.length} van ${diff.pathsCompared} vergeleken antwoordpaden)`, '');
    for (const change of diff.changes.slice(0, limit)) out.push(...changeMarkdown(change, labels), '');
    if (diff.changes.length > limit) out.push(`… en nog ${diff.changes.length - limit} paden (alle: --format json).`, '');
  }
  const skipped = diff.notSearched > 0 ? ` Voor ${diff.notSearched} adviezen stopte het zoeken naar een pad bij de grens; die vergelijkt diff alleen via de scenario's.` : '';
  out.push(...(out.at(-1) === '' ? [] : ['']), `<sub>Vergeleken: elk scenario van beide versies en per advies het kortste antwoordpad ernaartoe.${skipped}</sub>`);
  return `${out.join('\n').trimEnd()}\n`;
}

function changeMarkdown(change: PathChange, labels: DiffLabels): string[] {
  const answers = Object.entries(change.answers)
    .map(([step, value]) => `${step} = ${Array.isArray(value) ? value.join(' + ') : String(value)}`)
    .join(' · ');
  const lines = [`#### ${md(answers)}`, `<sub>${md(change.origin)}</sub>`, ''];
  if (change.before.kind !== 'advice' || change.after.kind !== 'advice') {
    lines.push(`- ${md(labels.before)}: ${outcomeText(change.before)}`, `- ${md(labels.after)}: ${outcomeText(change.after)}`);
    return lines;
  }
  lines.push(`| | ${md(labels.before)} | ${md(labels.after)} |`, '|:--|:--|:--|');
  for (const p of change.partners) lines.push(`| ${md(labels.partnerName(p.id))} | ${urgency(p.before)} | ${urgency(p.after)} |`);
  for (const r of change.rules) lines.push(`| regelset ${md(r.id)} | ${r.before ? 'geldt' : '—'} | ${r.after ? 'geldt' : '—'} |`);
  return lines;
}

const urgency = (u: string | undefined) => (u ? (URGENCY_LABEL[u] ?? u) : '—');

function outcomeText(o: PathOutcome): string {
  return o.kind === 'advice' ? 'advies gegeven' : `kan zo niet meer worden doorlopen (${md(o.problems[0] ?? '')})`;
}

export function renderDiffJson(diff: ProtocolDiff, labels: Pick<DiffLabels, 'before' | 'after'>): string {
  return safeJson({ before: labels.before, after: labels.after, ...diff });
}
