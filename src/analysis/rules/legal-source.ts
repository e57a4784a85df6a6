import type { Source } from '../../model/core.js';
import type { Rule } from '../rule.js';

// Where a law or a ruling is published officially. EU regulations (the AVG) are not on
// wetten.overheid.nl; their official text is on EUR-Lex.
const OFFICIAL_HOSTS: Record<'law' | 'ruling', readonly string[]> = {
  law: ['wetten.overheid.nl', 'eur-lex.europa.eu'],
  ruling: ['rechtspraak.nl', 'uitspraken.rechtspraak.nl'],
};

const SITE_NAMES = { law: 'wetten.overheid.nl (EU-recht: eur-lex.europa.eu)', ruling: 'uitspraken.rechtspraak.nl (met de ECLI)' };

/** Kinds that can carry a legal claim on their own: the text of the covenant, a law, a ruling. */
const PRIMARY = new Set<Source['kind']>(['covenant', 'law', 'ruling']);

function hostOf(url: string): string | undefined {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.hostname.toLowerCase() : undefined;
  } catch {
    return undefined;
  }
}

function officialUrl(kind: 'law' | 'ruling', url: string | undefined): boolean {
  const host = url === undefined ? undefined : hostOf(url);
  return host !== undefined && OFFICIAL_HOSTS[kind].includes(host);
}

/**
 * Two checks that keep legal statements traceable:
 * - a source of kind `law` or `ruling` links to the official publication;
 * - a legal claim (a rule set, or an advice item that applies one with `rule:`) rests on at least
 *   one covenant article, law or ruling, not only on websites or guidance.
 */
export const legalSource: Rule = {
  code: 'legal-source',
  needsValidProtocol: true,
  *check({ protocol, graph }) {
    const byId = new Map(protocol.sources.map((s) => [s.id, s]));

    for (const source of protocol.sources) {
      if (source.kind !== 'law' && source.kind !== 'ruling') continue;
      if (officialUrl(source.kind, source.url)) continue;
      const what = source.kind === 'law' ? 'wet' : 'uitspraak';
      yield {
        node: source,
        key: source.url === undefined ? 'id' : 'url',
        message:
          source.url === undefined
            ? `bron "${source.id}" is een ${what} zonder link naar de officiële tekst`
            : `bron "${source.id}" is een ${what}, maar de link wijst niet naar de officiële tekst (${hostOf(source.url) ?? source.url})`,
        hint: `Link naar ${SITE_NAMES[source.kind]}. Is de bron een uitleg van de ${what} (een blog, een handreiking), zet dan kind: guidance of website en voeg de ${what} zelf als aparte bron toe.`,
      };
    }

    const onlySecondary = (ids: readonly string[]) => !ids.some((id) => PRIMARY.has(byId.get(id)?.kind ?? 'website'));
    const hint =
      'Noem ook het convenantartikel, de wet (wetten.overheid.nl) of de uitspraak (rechtspraak.nl) waar de regel op steunt; een handreiking of website alleen is niet genoeg.';

    for (const rule of protocol.rules) {
      if (!onlySecondary(rule.sources)) continue;
      yield {
        node: rule,
        key: 'sources',
        message: `regelset "${rule.id}" steunt alleen op websites of handreikingen`,
        hint,
      };
    }

    for (const flow of protocol.flows) {
      for (const step of flow.steps) {
        for (const list of graph.adviceLists(step)) {
          for (const advice of list.advice) {
            if (!('rule' in advice) || !onlySecondary(advice.sources)) continue;
            yield {
              node: advice,
              key: 'sources',
              message: `advies over regelset "${advice.rule}" in stap "${step.id}" steunt alleen op websites of handreikingen`,
              hint,
            };
          }
        }
      }
    }
  },
};
