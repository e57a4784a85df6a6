// The advice JSON contract (README, "JSON-uitvoer") as a zod schema, and the promises every advice
// document keeps whatever protocol and answers produced it: sources described once, most urgent
// first, a partner once with each task once. Used on the shipped scenarios and on random folders.
import { expect } from 'vitest';
import { z } from 'zod';

export const Urgency = z.enum(['immediate', 'today', 'this-week', 'when-needed']);
const Because = z.object({ step: z.string(), question: z.string(), answer: z.string() });
const Nullable = z.string().nullable();

/** The documented contract. Extra fields are allowed; these must stay. */
export const AdviceContract = z.object({
  schemaVersion: z.literal(1),
  generated: z.iso.datetime(),
  protocol: z.object({ id: z.string().min(1), version: z.string().min(1), sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
  answers: z.array(z.object({ step: z.string(), question: z.string(), answer: z.string(), value: z.union([z.string(), z.number(), z.array(z.string())]), inferred: z.boolean() })),
  context: z.object({ perpetrator: Nullable, victim: Nullable, age: z.number().nullable(), ageBand: Nullable, schoolType: Nullable, place: Nullable }),
  categories: z.array(z.string()),
  partners: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      urgency: Urgency,
      reasons: z.array(z.string()),
      sources: z.array(z.string()).min(1),
      contact: z.object({
        person: z.object({ name: Nullable, role: Nullable, phone: Nullable, email: Nullable, reviewed: Nullable }).nullable(),
        phone: Nullable,
        email: Nullable,
        url: Nullable,
        hours: Nullable,
        note: Nullable,
      }),
      tasks: z.array(z.string()).min(1),
      taskItems: z.array(z.object({ text: z.string(), urgency: Urgency, reasons: z.array(z.string()), sources: z.array(z.string()).min(1), because: z.array(Because) })).min(1),
      because: z.array(Because),
    }),
  ),
  actions: z.array(z.object({ text: z.string(), urgency: Urgency, sources: z.array(z.string()).min(1), because: z.array(Because) })),
  rules: z.array(
    z.object({ id: z.string(), title: z.string(), conclusion: z.string().min(1), steps: z.array(z.string()), sources: z.array(z.string()).min(1), because: z.array(Because) }),
  ),
  info: z.array(z.object({ text: z.string(), audience: Nullable, sources: z.array(z.string()).min(1) })),
  sources: z.array(z.object({ id: z.string(), title: z.string(), article: Nullable, url: Nullable, unconfirmed: z.boolean() })),
  fault: Nullable,
});
export type AdviceDocument = z.infer<typeof AdviceContract>;

const rank = (u: string) => Urgency.options.indexOf(u as z.infer<typeof Urgency>);
const sorted = (ranks: number[]) => [...ranks].sort((a, b) => a - b);

/**
 * Parses advice JSON text against the contract and checks its promises; returns the document.
 * Fails the test (with the zod issues or the broken promise) when it does not hold.
 */
export function expectAdviceContract(json: string): AdviceDocument {
  const parsed = AdviceContract.safeParse(JSON.parse(json));
  expect(parsed.success, parsed.success ? '' : z.prettifyError(parsed.error)).toBe(true);
  const doc = parsed.data!;
  // Every cited source is described once in `sources`, and only cited ones.
  const described = doc.sources.map((s) => s.id);
  expect(new Set(described).size, 'a source described twice').toBe(described.length);
  const cited = [...doc.partners, ...doc.actions, ...doc.rules, ...doc.info].flatMap((i) => i.sources);
  expect(new Set(cited), 'cited sources = described sources').toEqual(new Set(described));
  // Most urgent first.
  const actionRanks = doc.actions.map((a) => rank(a.urgency));
  expect(actionRanks, 'actions most urgent first').toEqual(sorted(actionRanks));
  const partnerRanks = doc.partners.map((p) => rank(p.urgency));
  expect(partnerRanks, 'partners most urgent first').toEqual(sorted(partnerRanks));
  // A partner once; its tasks each once, under one urgency, most urgent first; the partner as urgent as its first task.
  expect(new Set(doc.partners.map((p) => p.id)).size, 'a partner listed twice').toBe(doc.partners.length);
  for (const p of doc.partners) {
    expect(p.taskItems.map((t) => t.text)).toEqual(p.tasks);
    expect(new Set(p.tasks).size, `a task of ${p.id} listed twice`).toBe(p.tasks.length);
    const taskRanks = p.taskItems.map((t) => rank(t.urgency));
    expect(taskRanks, `tasks of ${p.id} most urgent first`).toEqual(sorted(taskRanks));
    expect(p.urgency).toBe(p.taskItems[0]!.urgency);
  }
  // A step answered (asked or settled) once.
  const steps = doc.answers.map((a) => a.step);
  expect(new Set(steps).size, 'a step answered twice').toBe(steps.length);
  return doc;
}
