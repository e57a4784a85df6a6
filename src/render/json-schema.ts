// The JSON Schemas for editors and plain JSON-Schema tools, generated from the zod model (the single
// source of truth). schema/*.schema.json are this output, committed; a test keeps them equal.
import { z } from 'zod';
import * as model from '../model/schema.js';
import { ProtocolFile, ScenarioFile } from '../model/index.js';

export type SchemaKind = 'protocol' | 'scenario';

const HEADER: Record<SchemaKind, { title: string; description: string }> = {
  protocol: {
    title: 'convenant: protocolbestand',
    description:
      'Eén YAML-bestand van een protocolmap (protocol, sources, partners, rules, flows, checklist). Zie protocols/README.md.',
  },
  scenario: {
    title: 'convenant: scenariobestand',
    description: "Scenario's van een protocol (scenarios/*.yaml): antwoorden en het verwachte advies. Zie protocols/README.md.",
  },
};

/** Shared parts get readable names in "$defs" (instead of __schema0, __schema1, ...). */
const NAMED = [
  'Id', 'Urgency', 'Source', 'Contact', 'ContactPerson', 'Duty', 'Partner', 'FactCondition', 'Condition', 'AnswerLiteral',
  'PartnerAdvice', 'ActionAdvice', 'RuleAdvice', 'InfoAdvice', 'Advice', 'Branch', 'ChoiceOption', 'MultiOption', 'NumberRange',
  'ChoiceStep', 'MultiStep', 'YesNoStep', 'NumberStep', 'Route', 'RouteStep', 'Step', 'Flow', 'RuleSet', 'ChecklistItem',
  'ChecklistSection', 'Meta', 'ScenarioAnswer', 'Scenario',
] as const;

function registry() {
  const names = z.registry<{ id: string }>();
  for (const name of NAMED) names.add(model[name] as z.ZodType, { id: name });
  return names;
}

export function jsonSchema(kind: SchemaKind): Record<string, unknown> {
  const generated = z.toJSONSchema(kind === 'protocol' ? ProtocolFile : ScenarioFile, { metadata: registry(), reused: 'ref' }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return {
    $schema,
    ...HEADER[kind],
    $comment: 'Gegenereerd uit src/model/schema.ts met "convenant schema"; pas dit bestand niet met de hand aan.',
    ...rest,
  };
}

export function renderJsonSchema(kind: SchemaKind): string {
  return `${JSON.stringify(jsonSchema(kind), null, 2)}\n`;
}
