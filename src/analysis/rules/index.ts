// Every analysis rule, in the order they run. Each file is named after its diagnostic code.
import type { Rule } from '../rule.js';
import { analysisLimit } from './analysis-limit.js';
import { conditionNeverTrue } from './condition-never-true.js';
import { conditionNotYetAsked } from './condition-not-yet-asked.js';
import { conditionOverlap } from './condition-overlap.js';
import { contactPersonMissing } from './contact-person-missing.js';
import { contactPersonStale } from './contact-person-stale.js';
import { cycle } from './cycle.js';
import { deadEnd } from './dead-end.js';
import { evaluationOverdue } from './evaluation-overdue.js';
import { legalSource } from './legal-source.js';
import { rangeGap } from './range-gap.js';
import { rangeOverlap } from './range-overlap.js';
import { sourceUnused } from './source-unused.js';
import { unknownMissing } from './unknown-missing.js';
import { unreachableStep } from './unreachable-step.js';
import { unsafeText } from './unsafe-text.js';
import { walkWithoutAdvice } from './walk-without-advice.js';

export const RULES: readonly Rule[] = [
  unreachableStep,
  cycle,
  deadEnd,
  walkWithoutAdvice,
  unknownMissing,
  conditionNeverTrue,
  conditionNotYetAsked,
  conditionOverlap,
  rangeGap,
  rangeOverlap,
  sourceUnused,
  legalSource,
  unsafeText,
  contactPersonMissing,
  contactPersonStale,
  evaluationOverdue,
  analysisLimit,
];
