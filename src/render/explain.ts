// Renders an explanation: per place where the advice is given, the shortest walk that gets there.
import { type AnswerValue, type Protocol, type QuestionStep } from '../model/core.js';
import { answerLabel, indexProtocol } from '../engine/index.js';
import type { Explanation, Way } from '../explain/explain.js';
import { describeCondition } from './condition.js';
import { URGENCY_LABEL } from './labels.js';
import { sanitize } from './sanitize.js';
import { wrapIndented } from './text.js';
import type { Theme } from './theme.js';

export interface ExplainRenderOptions {
  theme: Theme;
  width: number;
}

const KIND_NOUN = { partner: 'partner', rule: 'regel' } as const;

/** Said when the search stopped at its limit (a very large protocol): those places are not proven unreachable. */
export const LIMIT_NOTE = (limited: number, total: number) =>
  `Bij ${limited} van de ${total} plekken is niet uitgezocht hoe iemand er komt: het protocol is te groot om alle routes binnen de zoekgrens na te gaan. Dat betekent niet dat die plekken onbereikbaar zijn.`;

export function renderExplanation(protocol: Protocol, explanation: Explanation, { theme, width }: ExplainRenderOptions): string {
  const { chalk } = theme;
  const { ways } = explanation;
  const title = `${sanitize(explanation.name)} (${KIND_NOUN[explanation.kind]} ${sanitize(explanation.id)})`;
  const out: string[] = [chalk.bold(`Hoe komt iemand bij ${title}?`)];
  if (ways.length === 0) {
    out.push(
      wrapIndented(
        explanation.kind === 'partner'
          ? 'De hulp adviseert deze partner nergens. De partner staat wel in het protocol (zie convenant partners).'
          : 'Geen enkel advies in de hulp past deze regel toe.',
        width,
        '',
      ),
    );
    return `${out.join('\n')}\n`;
  }
  const places = ways.length === 1 ? 'op 1 plek' : `op ${ways.length} plekken`;
  out.push(
    wrapIndented(
      `De hulp noemt deze ${KIND_NOUN[explanation.kind]} ${places}. Per plek staat hieronder de kortste reeks antwoorden die daar uitkomt. Elke reeks is nagespeeld met de hulp zelf.`,
      width,
      '',
    ),
  );
  ways.forEach((way, i) => {
    out.push('', ...renderWay(protocol, way, i + 1, theme, width));
  });
  const limited = ways.filter((w) => w.limited).length;
  const missing = ways.filter((w) => !w.walk && !w.limited).length;
  if (limited) {
    out.push('', chalk.yellow(wrapIndented(LIMIT_NOTE(limited, ways.length), width, '')));
  }
  if (missing) {
    out.push(
      '',
      chalk.yellow(
        wrapIndented(`${missing} van de ${ways.length} plekken zijn met geen enkele reeks antwoorden te bereiken. Controleer het protocol met: convenant validate`, width, ''),
      ),
    );
  }
  return `${out.join('\n')}\n`;
}

function renderWay(protocol: Protocol, way: Way, n: number, { chalk }: Theme, width: number): string[] {
  const { site } = way;
  const indent = ' '.repeat(`${n}. `.length);
  const where = [sanitize(site.flow.title)];
  if (site.step.type === 'route') {
    where.push(site.branch?.when ? `automatische keuze: als ${describeCondition(site.branch.when)}` : 'automatische keuze: in alle andere gevallen');
  } else {
    where.push(`vraag "${sanitize(site.step.question)}"`);
    where.push(site.branch ? `antwoord: ${sanitize(site.branch.label)}` : 'bij elk antwoord');
  }
  const out = [wrapIndented(chalk.bold(where.join(' › ')), width, indent, `${n}. `)];
  const advice = site.advice;
  if ('when' in advice && advice.when) out.push(wrapIndented(`alleen als ${describeCondition(advice.when)}`, width, indent));
  if ('partner' in advice) out.push(wrapIndented(`Advies (${URGENCY_LABEL[advice.urgency]}): ${sanitize(advice.task)}`, width, indent));
  else if ('rule' in advice) out.push(wrapIndented(`Conclusie: ${sanitize(advice.conclusion)}`, width, indent));

  if (way.limited) {
    out.push(chalk.yellow(wrapIndented('Niet uitgezocht: de zoekgrens was bereikt (zie onderaan).', width, indent)));
    return out;
  }
  if (!way.walk) {
    out.push(chalk.yellow(wrapIndented('Geen reeks antwoorden gevonden die hier uitkomt.', width, indent)));
    return out;
  }
  const answers = way.walk.answers;
  out.push(`${indent}Kortste route (${answers.length === 1 ? '1 antwoord' : `${answers.length} antwoorden`}):`);
  const steps = indexProtocol(protocol).steps;
  answers.forEach((given, i) => {
    const step = steps.get(given.step)!.step as QuestionStep;
    const prefix = `${indent}  ${i + 1}. `;
    out.push(wrapIndented(`${sanitize(step.question)} → ${chalk.cyan(sanitize(answerLabel(step, given.value)))}`, width, ' '.repeat(prefix.length), prefix));
  });
  out.push(wrapIndented(chalk.dim(`Als antwoorden: ${answersRecord(answers)}`), width, `${indent}  `, indent));
  return out;
}

/** The walk as a YAML flow mapping, ready for a scenario or answers file: {acuut-gevaar: nee, ...}. */
export function answersRecord(answers: readonly { step: string; value: AnswerValue }[]): string {
  const value = (v: AnswerValue) => (Array.isArray(v) ? `[${v.map((x) => sanitize(String(x))).join(', ')}]` : sanitize(String(v)));
  return `{${answers.map((a) => `${sanitize(a.step)}: ${value(a.value)}`).join(', ')}}`;
}

/** The explanation as data for scripts (`--format json`). */
export function explanationJson(protocol: Protocol, explanation: Explanation): unknown {
  const steps = indexProtocol(protocol).steps;
  return {
    kind: explanation.kind,
    id: explanation.id,
    name: explanation.name,
    ways: explanation.ways.map(({ site, walk, limited }) => ({
      flow: site.flow.id,
      step: site.step.id,
      branch: site.branch
        ? { label: site.branch.label, ...(site.branch.value !== undefined ? { value: site.branch.value } : {}), ...(site.branch.when ? { when: site.branch.when } : {}) }
        : null,
      path: site.path,
      advice: site.advice,
      walk: walk
        ? walk.answers.map((a) => {
            const step = steps.get(a.step)!.step as QuestionStep;
            return { step: a.step, question: step.question, answer: answerLabel(step, a.value), value: a.value };
          })
        : null,
      answers: walk ? Object.fromEntries(walk.answers.map((a) => [a.step, a.value])) : null,
      // "analysis-limit": no walk because the search stopped at its limit, not because there is none.
      ...(limited ? { limit: 'analysis-limit' } : {}),
    })),
  };
}
