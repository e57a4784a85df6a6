// Every command registers itself here. Registration only declares flags: the work is in a lazily
// imported module, so starting the tool stays fast.
import type { Command } from 'commander';
import type { Io } from '../io.js';
import { registerIncident } from './incident.js';
import { registerPartners } from './partners.js';
import { registerContacts } from './contacts.js';
import { registerChecklist } from './checklist.js';
import { registerGraph } from './graph.js';
import { registerExplain } from './explain.js';
import { registerCompletion } from './completion.js';
import { registerValidate } from './validate.js';
import { registerTest } from './test.js';
import { registerSchema } from './schema.js';
import { registerSources } from './sources.js';
import { registerInit } from './init.js';
import { registerDiff } from './diff.js';
import { registerRegister } from './register.js';
import { registerExport } from './export.js';

/** The exit code an action decided on; read by main() after parsing. */
export interface Outcome {
  code: number;
}

export type Register = (program: Command, io: Io, outcome: Outcome) => void;

const registrations: Register[] = [
  registerIncident,
  registerPartners,
  registerContacts,
  registerChecklist,
  registerGraph,
  registerExplain,
  registerCompletion,
  registerValidate,
  registerTest,
  registerSchema,
  registerSources,
  registerInit,
  registerDiff,
  registerRegister,
  registerExport,
];

export function registerCommands(program: Command, io: Io, outcome: Outcome): void {
  for (const register of registrations) register(program, io, outcome);
}
