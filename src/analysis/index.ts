export { analyseProtocol, analysisComplete, validateLoaded, type LoadedProtocol } from './validate.js';
export { AnalysisContext, type AnalysisOptions } from './context.js';
export { RULES } from './rules/index.js';
export type { Finding, Rule } from './rule.js';
export { Graph, type Out } from './graph.js';
export { PathAnalysis } from './paths.js';
