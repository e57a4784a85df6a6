import type { Rule } from '../rule.js';

export const evaluationOverdue: Rule = {
  code: 'evaluation-overdue',
  needsValidProtocol: false,
  *check({ protocol, options }) {
    if (protocol.meta.evaluation >= options.today) return;
    yield {
      node: protocol.meta,
      key: 'evaluation',
      message: `de jaarlijkse evaluatie van het convenant (art. 12.2) stond gepland op ${protocol.meta.evaluation} en is over de datum`,
      hint: 'Evalueer het convenant met de partners, verwerk de uitkomst en zet daarna de volgende datum bij "evaluation".',
    };
  },
};
