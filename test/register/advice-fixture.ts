// Saved JSON advice as `convenant incident --format json` writes it (schemaVersion 1), built in
// memory for the register tests. The partners' contact details and texts are beside the point here.
import type { Urgency } from '../../src/model/core.js';

export interface AdviceShape {
  generated?: string;
  categories?: string[];
  answers?: Record<string, unknown>;
  context?: Record<string, unknown>;
  partners?: [string, Urgency][];
  rules?: string[];
  fault?: string | null;
}

export function advice(shape: AdviceShape = {}): Record<string, unknown> {
  const answers = shape.answers ?? { 'acuut-gevaar': 'nee', categorie: 'fysiek-geweld' };
  return {
    schemaVersion: 1,
    generated: shape.generated ?? '2026-03-10T09:30:00.000Z',
    protocol: { id: 'weert-nederweert', version: '2025.1', sha256: 'f'.repeat(64), title: 'Handelingsprotocol', region: 'Weert en Nederweert' },
    answers: Object.entries(answers).map(([step, value]) => ({ step, question: `Vraag ${step}?`, answer: String(value), value })),
    ...(shape.context ? { context: shape.context } : {}),
    ...(shape.categories ? { categories: shape.categories } : {}),
    partners: (shape.partners ?? [['politie', 'today']]).map(([id, urgency]) => ({
      id,
      name: id,
      urgency,
      tasks: ['Bel de wijkagent.'],
      reasons: ['Omdat het moet.'],
      sources: [],
      contact: { person: { name: 'Agent Jansen', role: null, phone: null, email: null, reviewed: null }, phone: null, email: null, url: null, hours: null, note: null },
      because: [],
    })),
    actions: [{ text: 'Schrijf op wat er gebeurde.', urgency: 'today', sources: [], because: [] }],
    rules: (shape.rules ?? []).map((id) => ({ id, title: id, conclusion: '', conclusions: [], steps: [], sources: [], because: [] })),
    info: [],
    sources: [],
    fault: shape.fault ?? null,
  };
}

/** The n-th of a series of distinct incidents in 2026: one minute apart, categories rotating. */
export function nthAdvice(n: number, categories = ['fysiek-geweld', 'pesten', 'bedreiging', 'diefstal', 'zorgen-thuis']): Record<string, unknown> {
  const generated = new Date(Date.UTC(2026, 0, 5, 8) + n * 60_000).toISOString();
  const category = categories[n % categories.length]!;
  return advice({
    generated,
    answers: { 'acuut-gevaar': 'nee', categorie: category },
    partners: [['politie', n % 2 ? 'today' : 'this-week']],
    rules: n % 7 === 0 ? ['meldcode'] : [],
  });
}
