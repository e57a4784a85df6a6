// The protocol model: the single source of truth. Types are inferred from these schemas,
// the JSON Schema for editors is generated from them (`convenant schema`).
import * as z from 'zod';
import { CHECK_LEVELS, END, isCalendarDate, URGENCIES } from './types.js';

/** Lower-case ids with digits, dots and dashes: `politie`, `art-11.2`, `geweld-ouders`. */
export const Id = z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, {
  message: 'een id bestaat uit kleine letters, cijfers, punten en streepjes (bijv. "art-11.2")',
});

const Text = z.string().min(1, { message: 'de tekst mag niet leeg zijn' });
const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'een datum schrijf je als JJJJ-MM-DD', abort: true })
  .refine(isCalendarDate, { message: 'deze datum bestaat niet in de kalender (kijk maand en dag na)' });
/** A web address: only http and https (a `javascript:` link must never reach a report). */
const WebUrl = z.url({ protocol: /^https?$/, error: 'alleen een webadres dat begint met https:// of http:// is toegestaan' });
const SourceRefs = z.array(Id).min(1, { message: 'noem minstens één bron (sources)' });

export const Urgency = z.enum(URGENCIES);

// ---------------------------------------------------------------- sources

export const Source = z.strictObject({
  id: Id,
  kind: z.enum(['covenant', 'law', 'ruling', 'guidance', 'website']),
  title: Text,
  /** Article or section, e.g. "11.2" or "art. 160 Sv". */
  article: Text.optional(),
  url: WebUrl.optional(),
  /** Quote or summary of what the source says. */
  text: Text.optional(),
  /** Set when the fact is not confirmed by a primary source; shown to the user. */
  unconfirmed: z.boolean().optional(),
});

// ---------------------------------------------------------------- partners

export const Contact = z.strictObject({
  phone: Text.optional(),
  email: Text.optional(),
  url: WebUrl.optional(),
  hours: Text.optional(),
  note: Text.optional(),
});

/** Bijlage 2: the fixed contact person of a core partner. Empty until a coordinator fills it. */
export const ContactPerson = z.strictObject({
  name: z.string().nullable().optional(),
  role: z.string().nullable().optional(),
  phone: z.string().nullable().optional(),
  email: z.string().nullable().optional(),
  reviewed: IsoDate.nullable().optional(),
});

export const Duty = z.strictObject({
  text: Text,
  sources: SourceRefs,
});

export const Partner = z.strictObject({
  id: Id,
  name: Text,
  /** core = signed the covenant; cooperation = named as cooperation partner; external = other body. */
  kind: z.enum(['core', 'cooperation', 'external']),
  /** Role in the covenant (school board, police, ...), for grouping. */
  role: Text.optional(),
  duties: z.array(Duty).optional(),
  contact: Contact.optional(),
  person: ContactPerson.optional(),
});

// ---------------------------------------------------------------- conditions

/** A condition over earlier answers (json-rules-engine vocabulary: all / any / not / fact). */
export type Condition = { all: Condition[] } | { any: Condition[] } | { not: Condition } | FactCondition;

export const AnswerLiteral = z.union([Id, z.number()]);

export const FactCondition = z.strictObject({
  step: Id,
  /** The answer is one of these values (for multi: one of these is selected). */
  is: z.union([AnswerLiteral, z.array(AnswerLiteral).min(1)]).optional(),
  /** Inclusive numeric bounds for a number step. */
  min: z.number().optional(),
  max: z.number().optional(),
  /** Whether the step was answered at all on this walk. */
  answered: z.boolean().optional(),
});

export const Condition: z.ZodType<Condition> = z.lazy(() =>
  z.union([z.strictObject({ all: z.array(Condition).min(1) }), z.strictObject({ any: z.array(Condition).min(1) }), z.strictObject({ not: Condition }), FactCondition]),
);

// ---------------------------------------------------------------- advice

const AdviceBase = {
  /** Only give this advice when the condition holds (evaluated when the branch is taken). */
  when: Condition.optional(),
  sources: SourceRefs,
};

export const PartnerAdvice = z.strictObject({
  partner: Id,
  urgency: Urgency,
  /** What to do with this partner, in plain Dutch. */
  task: Text,
  /**
   * Task identity within the partner: tasks with the same key are one task, and the most urgent
   * one wins when advice is merged. Tasks with the same text are one task too, with or without a
   * key (so a text never shows twice for one partner).
   */
  key: Id.optional(),
  /** Among advice of one task with the same urgency: the highest priority gives the text (default 0). */
  priority: z.number().int().optional(),
  /** Why; shown next to the answers that led here. */
  reason: Text.optional(),
  ...AdviceBase,
});

export const ActionAdvice = z.strictObject({
  action: Text,
  urgency: Urgency,
  /** Sorts actions of the same urgency: lower first. */
  order: z.number().int().optional(),
  /**
   * Action identity: actions with the same key are one action (as for partner tasks), for
   * differently worded advice that means the same when categories combine; the most urgent text
   * wins. Actions with the same text are one action too, with or without a key.
   */
  key: Id.optional(),
  /** Among advice of one action with the same urgency: the highest priority gives the text (default 0). */
  priority: z.number().int().optional(),
  ...AdviceBase,
});

export const RuleAdvice = z.strictObject({
  rule: Id,
  conclusion: Text,
  steps: z.array(Text).optional(),
  ...AdviceBase,
});

export const InfoAdvice = z.strictObject({
  info: Text,
  /** For whom: e.g. "slachtoffer", "ouders". */
  audience: Text.optional(),
  ...AdviceBase,
});

export const Advice = z.union([PartnerAdvice, ActionAdvice, RuleAdvice, InfoAdvice]);

// ---------------------------------------------------------------- steps and flows

const Target = z.union([Id, z.literal(END)]);

const BranchFields = {
  advice: z.array(Advice).optional(),
  /** Hand over to these flows (in order) before continuing with `next`. */
  call: z.union([Id, z.array(Id).min(1)]).optional(),
  /** The step to go to; `end` ends this flow. Falls back to the step's `next`. */
  next: Target.optional(),
};
export const Branch = z.strictObject(BranchFields);

/** An answer written in the protocol: an option value, `ja`/`nee`, a number, a list (multi) or `weet-niet`. */
export const PresetAnswer = z.union([AnswerLiteral, z.array(Id)]);

/** Answers a question without asking when an earlier answer already settles it. */
export const Preset = z.strictObject({
  when: Condition,
  answer: PresetAnswer,
});

const QuestionFields = {
  id: Id,
  question: Text,
  help: Text.optional(),
  /** Offer "weet ik niet"; this branch is taken when chosen. */
  unknown: Branch.optional(),
  /** Why this question can always be answered honestly, so it needs no "weet ik niet". */
  known: Text.optional(),
  /** Settled answers: the first preset whose condition holds answers the step without asking. */
  preset: z.array(Preset).min(1).optional(),
  /** Given whatever the answer. */
  advice: z.array(Advice).optional(),
  next: Target.optional(),
};

export const ChoiceOption = z.strictObject({
  value: Id,
  label: Text,
  help: Text.optional(),
  ...BranchFields,
});

export const MultiOption = z.strictObject({
  value: Id,
  label: Text,
  help: Text.optional(),
  /** Cannot be combined with other options (e.g. "Niets hiervan"). */
  exclusive: z.boolean().optional(),
  advice: z.array(Advice).optional(),
  call: z.union([Id, z.array(Id).min(1)]).optional(),
});

export const NumberRange = z.strictObject({
  /** Inclusive bounds; a missing bound is open. */
  min: z.number().int().optional(),
  max: z.number().int().optional(),
  label: Text.optional(),
  ...BranchFields,
});

export const ChoiceStep = z.strictObject({
  type: z.literal('choice'),
  ...QuestionFields,
  options: z.array(ChoiceOption).min(2, { message: 'een keuzevraag heeft minstens twee opties' }),
});

export const MultiStep = z.strictObject({
  type: z.literal('multi'),
  ...QuestionFields,
  options: z.array(MultiOption).min(1),
});

export const YesNoStep = z.strictObject({
  type: z.literal('yes-no'),
  ...QuestionFields,
  yes: Branch.optional(),
  no: Branch.optional(),
});

export const NumberStep = z.strictObject({
  type: z.literal('number'),
  ...QuestionFields,
  min: z.number().int(),
  max: z.number().int(),
  unit: Text.optional(),
  ranges: z.array(NumberRange).optional(),
});

export const Route = z.strictObject({
  when: Condition,
  ...BranchFields,
});

/** No question: picks the first route whose condition holds, else `otherwise`. */
export const RouteStep = z.strictObject({
  type: z.literal('route'),
  id: Id,
  routes: z.array(Route).min(1),
  otherwise: Branch.optional(),
});

export const Step = z.discriminatedUnion('type', [ChoiceStep, MultiStep, YesNoStep, NumberStep, RouteStep]);

export const Flow = z.strictObject({
  id: Id,
  title: Text,
  description: Text.optional(),
  /** The first step; defaults to the first in `steps`. */
  start: Id.optional(),
  /** Flows handed over to (in order) before this flow's first step, e.g. shared context questions. */
  before: z.array(Id).min(1).optional(),
  steps: z.array(Step).min(1),
});

// ---------------------------------------------------------------- rules, checklist, metadata

/** A rule set that can apply to an incident (meldcode, camerabeelden, meldplicht-zeden, ...). */
export const RuleSet = z.strictObject({
  id: Id,
  title: Text,
  summary: Text.optional(),
  sources: SourceRefs,
});

export const ChecklistItem = z.strictObject({
  id: Id,
  text: Text,
  /** Partner ids that help with this item. */
  partners: z.array(Id).optional(),
  sources: SourceRefs,
});

export const ChecklistSection = z.strictObject({
  id: Id,
  title: Text,
  items: z.array(ChecklistItem).min(1),
});

/** Roles of the incident context → the step that asks it. */
export const ProtocolContext = z.strictObject({
  perpetrator: Id.optional(),
  victim: Id.optional(),
  age: Id.optional(),
  'school-type': Id.optional(),
  place: Id.optional(),
  categories: Id.optional(),
});

export const Meta = z.strictObject({
  id: Id,
  title: Text,
  region: Text,
  version: Text,
  /** Date the covenant was signed. */
  signed: IsoDate,
  /** Next yearly evaluation (art. 12.2). */
  evaluation: IsoDate,
  /** The flow a walk starts with. */
  start: Id,
  sources: SourceRefs.optional(),
  /** Per analysis check (its code): off, or the severity it is reported with in this protocol. */
  checks: z.record(z.string(), z.enum(CHECK_LEVELS)).optional(),
  /** Which steps hold the incident context (for the JSON output and other tools). */
  context: ProtocolContext.optional(),
});

/** One YAML file of a protocol folder: any of these sections; the folder is their union. */
export const ProtocolFile = z.strictObject({
  protocol: Meta.optional(),
  sources: z.array(Source).optional(),
  partners: z.array(Partner).optional(),
  rules: z.array(RuleSet).optional(),
  flows: z.array(Flow).optional(),
  checklist: z.array(ChecklistSection).optional(),
});

// ---------------------------------------------------------------- scenarios

export const ScenarioAnswer = z.union([AnswerLiteral, z.array(Id)]);

export const Scenario = z.strictObject({
  name: Text,
  /** Step id → answer, in the order asked. "weet-niet" answers "weet ik niet". */
  answers: z.record(Id, ScenarioAnswer),
  expect: z.strictObject({
    /** Partner id → expected urgency (these partners at least). */
    partners: z.record(Id, Urgency).optional(),
    /** Partner id → urgency → text one of its tasks at that urgency must contain (case-insensitive). */
    tasks: z.record(Id, z.partialRecord(Urgency, Text)).optional(),
    /** Partners that must not be advised. */
    absent: z.array(Id).optional(),
    /** Rule ids that must apply. */
    rules: z.array(Id).optional(),
    /** Rule ids that must not apply. */
    'no-rules': z.array(Id).optional(),
    /** Text that must appear somewhere in the advice (case-insensitive). */
    text: z.array(Text).optional(),
    /** Text that must not appear anywhere in the advice (case-insensitive). */
    'no-text': z.array(Text).optional(),
    /** The first action of the advice must contain this text. */
    first: Text.optional(),
  }),
});

export const ScenarioFile = z.strictObject({
  scenarios: z.array(Scenario).min(1),
});

// ---------------------------------------------------------------- inferred types

export type Urgency = z.infer<typeof Urgency>;
export type Source = z.infer<typeof Source>;
export type Contact = z.infer<typeof Contact>;
export type ContactPerson = z.infer<typeof ContactPerson>;
export type Duty = z.infer<typeof Duty>;
export type Partner = z.infer<typeof Partner>;
export type FactCondition = z.infer<typeof FactCondition>;
export type PartnerAdvice = z.infer<typeof PartnerAdvice>;
export type Preset = z.infer<typeof Preset>;
export type ProtocolContext = z.infer<typeof ProtocolContext>;
export type ActionAdvice = z.infer<typeof ActionAdvice>;
export type RuleAdvice = z.infer<typeof RuleAdvice>;
export type InfoAdvice = z.infer<typeof InfoAdvice>;
export type Advice = z.infer<typeof Advice>;
export type Branch = z.infer<typeof Branch>;
export type ChoiceOption = z.infer<typeof ChoiceOption>;
export type MultiOption = z.infer<typeof MultiOption>;
export type NumberRange = z.infer<typeof NumberRange>;
export type ChoiceStep = z.infer<typeof ChoiceStep>;
export type MultiStep = z.infer<typeof MultiStep>;
export type YesNoStep = z.infer<typeof YesNoStep>;
export type NumberStep = z.infer<typeof NumberStep>;
export type Route = z.infer<typeof Route>;
export type RouteStep = z.infer<typeof RouteStep>;
export type Step = z.infer<typeof Step>;
export type Flow = z.infer<typeof Flow>;
export type RuleSet = z.infer<typeof RuleSet>;
export type ChecklistItem = z.infer<typeof ChecklistItem>;
export type ChecklistSection = z.infer<typeof ChecklistSection>;
export type Meta = z.infer<typeof Meta>;
export type ProtocolFile = z.infer<typeof ProtocolFile>;
export type Scenario = z.infer<typeof Scenario>;
export type ScenarioFile = z.infer<typeof ScenarioFile>;
export type QuestionStep = Exclude<Step, RouteStep>;
