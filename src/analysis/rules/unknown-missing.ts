import { stepName } from '../finding-text.js';
import type { Rule } from '../rule.js';

// A staff member who cannot honestly answer gets no safe way on without "weet ik niet"; a question
// that is always answerable says why in `known`.
export const unknownMissing: Rule = {
  code: 'unknown-missing',
  needsValidProtocol: false,
  *check(ctx) {
    for (const { step } of ctx.graph.steps.values()) {
      if (step.type === 'route' || step.unknown || step.known) continue;
      yield {
        node: step,
        key: 'id',
        message: `${stepName(step)} biedt geen "Weet ik niet", en zegt niet waarom het antwoord altijd bekend is`,
        hint: 'Geef de stap een "unknown:"-tak met de veilige lezing (wat te doen als je het niet weet), of schrijf bij "known:" waarom iemand op school dit altijd weet.',
      };
    }
  },
};
