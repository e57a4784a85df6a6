// The JSON Schemas for editors and plain JSON-Schema tools, generated from the zod model (the single
// source of truth). schema/*.schema.json are this output, committed; a test keeps them equal.
// Two things are added to what zod generates, for editors: a Dutch description on every property,
// and unions written as "if this key, then that shape", so an editor reports the mistake in the
// shape the author meant instead of "must match exactly one schema in oneOf".
import type * as z from 'zod';
import { schemaLib } from '../model/schema-lib.js';
import { DEFINITION_DOCS, PROPERTY_DOCS } from './json-schema-docs.js';

export type SchemaKind = 'protocol' | 'scenario';

const HEADER: Record<SchemaKind, { title: string; description: string }> = {
  protocol: {
    title: 'convenant: protocolbestand',
    description: 'Eén YAML-bestand van een protocolmap (protocol, sources, partners, rules, flows, checklist). Zie protocols/README.md.',
  },
  scenario: {
    title: 'convenant: scenariobestand',
    description: "Scenario's van een protocol (scenarios/*.yaml): antwoorden en het verwachte advies. Zie protocols/README.md.",
  },
};

/** Parts with a name in "$defs"; everything else is written in place. */
const NAMED = [
  'Id',
  'Urgency',
  'Source',
  'Contact',
  'ContactPerson',
  'Duty',
  'Partner',
  'FactCondition',
  'Condition',
  'AnswerLiteral',
  'PartnerAdvice',
  'ActionAdvice',
  'RuleAdvice',
  'InfoAdvice',
  'Advice',
  'Branch',
  'ChoiceOption',
  'MultiOption',
  'NumberRange',
  'Preset',
  'PresetAnswer',
  'ChoiceStep',
  'MultiStep',
  'YesNoStep',
  'NumberStep',
  'Route',
  'RouteStep',
  'Step',
  'Flow',
  'RuleSet',
  'ChecklistItem',
  'ChecklistSection',
  'ProtocolContext',
  'Meta',
  'ScenarioAnswer',
  'Scenario',
] as const;

function registry() {
  const model = schemaLib();
  const names = model.registry<{ id: string }>();
  for (const name of NAMED) names.add(model[name] as z.ZodType, { id: name });
  return names;
}

type Json = Record<string, unknown>;

export function jsonSchema(kind: SchemaKind): Json {
  const { toJSONSchema, ProtocolFile, ScenarioFile } = schemaLib();
  const generated = toJSONSchema(kind === 'protocol' ? ProtocolFile : ScenarioFile, { metadata: registry(), reused: 'inline' }) as Json;
  const { $schema, ...rest } = generated;
  const defs = (rest.$defs ?? {}) as Record<string, Json>;
  discriminate(defs);
  for (const [name, def] of Object.entries(defs)) describe(def, name, '');
  describe(rest, '', '');
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

/** Adds descriptions to a schema object and every object schema inside it. */
function describe(schema: Json, definition: string, path: string, top = true): void {
  const own = DEFINITION_DOCS[definition];
  if (top && own && schema.description === undefined) schema.description = own.description;
  const properties = schema.properties as Record<string, Json> | undefined;
  if (properties) {
    for (const [key, value] of Object.entries(properties)) {
      const at = path ? `${path}.${key}` : key;
      const text = own?.properties?.[at] ?? PROPERTY_DOCS[key];
      if (text !== undefined && value.description === undefined) value.description = text;
      describe(value, definition, at, false);
    }
  }
  for (const key of ['items', 'additionalProperties', 'not', 'then'] as const) {
    const inner = schema[key];
    if (inner && typeof inner === 'object' && !Array.isArray(inner)) describe(inner as Json, definition, path, false);
  }
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const) {
    const list = schema[key];
    if (Array.isArray(list)) for (const inner of list as Json[]) describe(inner, definition, path, false);
  }
}

const ref = (name: string) => ({ $ref: `#/$defs/${name}` });

/**
 * Unions as if/then: steps by their `type`, advice by its key (partner, action, rule, info) and
 * conditions by theirs (all, any, not, else a fact about one step).
 */
function discriminate(defs: Record<string, Json>): void {
  if (defs.Step) {
    const kinds: [string, string][] = [
      ['choice', 'ChoiceStep'],
      ['multi', 'MultiStep'],
      ['yes-no', 'YesNoStep'],
      ['number', 'NumberStep'],
      ['route', 'RouteStep'],
    ];
    defs.Step = {
      type: 'object',
      required: ['type'],
      properties: { type: { enum: kinds.map(([k]) => k) } },
      allOf: kinds.map(([kind, name]) => ({ if: { properties: { type: { const: kind } }, required: ['type'] }, then: ref(name) })),
    };
  }
  if (defs.Advice) {
    const kinds: [string, string][] = [
      ['partner', 'PartnerAdvice'],
      ['action', 'ActionAdvice'],
      ['rule', 'RuleAdvice'],
      ['info', 'InfoAdvice'],
    ];
    defs.Advice = {
      type: 'object',
      anyOf: kinds.map(([key]) => ({ required: [key] })),
      allOf: kinds.map(([key, name]) => ({ if: { required: [key] }, then: ref(name) })),
    };
  }
  if (defs.Condition && Array.isArray(defs.Condition.anyOf)) {
    const [all, any, not] = defs.Condition.anyOf as Json[];
    defs.Condition = {
      type: 'object',
      allOf: [
        { if: { required: ['all'] }, then: all },
        { if: { required: ['any'] }, then: any },
        { if: { required: ['not'] }, then: not },
        { if: { not: { anyOf: [{ required: ['all'] }, { required: ['any'] }, { required: ['not'] }] } }, then: ref('FactCondition') },
      ],
    };
  }
}
