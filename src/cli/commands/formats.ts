// The choices of the commands' options, shared by the registrations (help, argChoices) and the
// run modules (checking). Kept apart from the registrations so that a run module importing them
// does not split the registrations into chunks of their own: every start then loads one chunk of
// registrations instead of one per command (scripts/build.mjs, test/startup-chunks.test.ts).
export { FORMAT_NAMES } from '../../render/diagnostics/names.js';
export const CHECKLIST_FORMATS = ['text', 'markdown'] as const;
export const CONTACT_FORMATS = ['text', 'markdown', 'json'] as const;
export const DIFF_FORMATS = ['markdown', 'json'] as const;
export const EXPLAIN_FORMATS = ['text', 'json'] as const;
export const EXPLAIN_KINDS = ['partner', 'rule'] as const;
export const GRAPH_FORMATS = ['mermaid', 'dot', 'svg'] as const;
export const PARTNER_FORMATS = ['text', 'json'] as const;
export const SOURCES_FORMATS = ['text', 'json'] as const;
export const TEST_FORMATS = ['text', 'json', 'junit'] as const;
/** The severities of `validate --fail-on`. */
export const FAIL_ON = ['error', 'warning', 'info', 'never'] as const;
/** What `convenant export` makes. */
export const EXPORT_KINDS = ['html'] as const;
