// Dutch words for model values, shared by the look-up renderers (partners, graph, explain).
import type { Partner, Source, Urgency } from '../model/core.js';
import { sanitize } from './sanitize.js';

export const URGENCY_LABEL: Record<Urgency, string> = {
  immediate: 'direct',
  today: 'vandaag',
  'this-week': 'deze week',
  'when-needed': 'als het nodig is',
};

/** After an answer that earlier answers settled (a preset), not asked. */
export const INFERRED_NOTE = ' (afgeleid uit eerdere antwoorden)';

export const PARTNER_KIND_LABEL: Record<Partner['kind'], string> = {
  core: 'Kernpartners',
  cooperation: 'Samenwerkingspartners',
  external: 'Externe instanties en hulplijnen',
};

/** Kind order in lists: signatories first. */
export const PARTNER_KINDS: readonly Partner['kind'][] = ['core', 'cooperation', 'external'];

/**
 * A short reference to a source: "art. 5.2" for a numbered covenant article, "convenant, Privacy 3"
 * for other covenant parts, otherwise the title. Sanitised.
 */
export function sourceLabel(source: Source | undefined, id: string): string {
  if (!source) return sanitize(id);
  if (source.kind === 'covenant' && source.article) {
    return /^\d/.test(source.article) ? `art. ${sanitize(source.article)}` : `convenant, ${sanitize(source.article)}`;
  }
  const unconfirmed = source.unconfirmed ? ' (niet bevestigd)' : '';
  return `${sanitize(source.title)}${source.article ? `, ${sanitize(source.article)}` : ''}${unconfirmed}`;
}

/** Source labels for a list of ids, duplicates removed, in order. */
export function sourceLabels(ids: readonly string[], sources: ReadonlyMap<string, Source>): string[] {
  return [...new Set(ids.map((id) => sourceLabel(sources.get(id), id)))];
}
