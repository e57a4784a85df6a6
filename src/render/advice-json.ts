// The advice as JSON: a documented, stable contract for scripts and for the school's records.
// Adding fields is allowed within schemaVersion 1; renaming, removing or retyping one is not.
import type { Urgency } from '../model/core.js';
import { hasPerson, sourcesById, type AdviceInput } from './advice-view.js';
import { safeJson } from './text.js';

export const ADVICE_SCHEMA_VERSION = 1;

export interface AdviceJsonBecause {
  step: string;
  question: string;
  answer: string;
}

export interface AdviceJson {
  schemaVersion: 1;
  /** ISO 8601, UTC. */
  generated: string;
  protocol: { id: string; version: string; sha256: string; title: string; region: string };
  answers: { step: string; question: string; answer: string; value: string | number | string[]; inferred: boolean }[];
  /** The incident context (`protocol.context` in the protocol); null where not asked or not mapped. */
  context: {
    perpetrator: string | null;
    victim: string | null;
    age: number | null;
    ageBand: string | null;
    schoolType: string | null;
    place: string | null;
  };
  /** The chosen categories (values of the categories step). */
  categories: string[];
  partners: {
    id: string;
    name: string;
    urgency: Urgency;
    /** Task texts, most urgent first (the same tasks as taskItems). */
    tasks: string[];
    /** Each task once with its own urgency, most urgent first. */
    taskItems: { text: string; urgency: Urgency; reasons: string[]; sources: string[]; because: AdviceJsonBecause[] }[];
    reasons: string[];
    sources: string[];
    contact: {
      person: { name: string | null; role: string | null; phone: string | null; email: string | null; reviewed: string | null } | null;
      phone: string | null;
      email: string | null;
      url: string | null;
      hours: string | null;
      note: string | null;
    };
    because: AdviceJsonBecause[];
  }[];
  actions: { text: string; urgency: Urgency; sources: string[]; because: AdviceJsonBecause[] }[];
  rules: { id: string; title: string; conclusion: string; conclusions: string[]; steps: string[]; sources: string[]; because: AdviceJsonBecause[] }[];
  info: { text: string; audience: string | null; sources: string[]; because: AdviceJsonBecause[] }[];
  /** Every source cited above, once. */
  sources: { id: string; kind: string | null; title: string; article: string | null; url: string | null; unconfirmed: boolean }[];
  /** Set when the walk stopped on a fault in the protocol; the advice is then incomplete. */
  fault: string | null;
}

const because = (list: readonly AdviceJsonBecause[]): AdviceJsonBecause[] => list.map(({ step, question, answer }) => ({ step, question, answer }));

export function adviceJson(input: AdviceInput): AdviceJson {
  const { advice, protocol, sha256, generated } = input;
  const sources = sourcesById(protocol);
  const cited = new Set<string>();
  const cite = (ids: readonly string[]) => {
    for (const id of ids) cited.add(id);
    return [...ids];
  };
  const doc: AdviceJson = {
    schemaVersion: ADVICE_SCHEMA_VERSION,
    generated: generated.toISOString(),
    protocol: { id: protocol.meta.id, version: protocol.meta.version, sha256, title: protocol.meta.title, region: protocol.meta.region },
    answers: advice.answers.map((a) => ({
      step: a.step,
      question: a.question,
      answer: a.answer,
      value: Array.isArray(a.value) ? [...(a.value as string[])] : (a.value as string | number),
      inferred: a.inferred,
    })),
    context: { ...advice.context },
    categories: [...advice.categories],
    partners: advice.partners.map((p) => {
      const person = p.partner?.person;
      const contact = p.partner?.contact;
      return {
        id: p.id,
        name: p.name,
        urgency: p.urgency,
        tasks: [...p.tasks],
        taskItems: p.taskItems.map((t) => ({
          text: t.text,
          urgency: t.urgency,
          reasons: [...t.reasons],
          sources: cite(t.sources),
          because: because(t.because),
        })),
        reasons: [...p.reasons],
        sources: cite(p.sources),
        contact: {
          person: hasPerson(person)
            ? { name: person.name ?? null, role: person.role ?? null, phone: person.phone ?? null, email: person.email ?? null, reviewed: person.reviewed ?? null }
            : null,
          phone: contact?.phone ?? null,
          email: contact?.email ?? null,
          url: contact?.url ?? null,
          hours: contact?.hours ?? null,
          note: contact?.note ?? null,
        },
        because: because(p.because),
      };
    }),
    actions: advice.actions.map((a) => ({ text: a.text, urgency: a.urgency, sources: cite(a.sources), because: because(a.because) })),
    rules: advice.rules.map((r) => ({
      id: r.id,
      title: r.title,
      conclusion: r.conclusions.join(' '),
      conclusions: [...r.conclusions],
      steps: [...r.steps],
      sources: cite(r.sources),
      because: because(r.because),
    })),
    info: advice.info.map((i) => ({ text: i.text, audience: i.audience ?? null, sources: cite(i.sources), because: because(i.because) })),
    sources: [],
    fault: advice.fault ?? null,
  };
  doc.sources = [...cited].map((id) => {
    const s = sources.get(id);
    return { id, kind: s?.kind ?? null, title: s?.title ?? id, article: s?.article ?? null, url: s?.url ?? null, unconfirmed: s?.unconfirmed ?? false };
  });
  return doc;
}

/** The JSON text, with characters that could steer a terminal written as \u escapes. */
export function renderAdviceJson(input: AdviceInput): string {
  return safeJson(adviceJson(input));
}
