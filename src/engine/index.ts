export { start, next, answer, back, isDone, optionsOf, normaliseAnswer, answerLabel } from './walk.js';
export type { WalkState, HandOver, Next, AnswerResult, AnswerOption, Because, CollectedAdvice, GivenAnswer } from './walk.js';
export { adviceOf, answersOf, immediateSoFar, urgencyRank } from './advice.js';
export type { AdviceContext, AdviceResult, PartnerItem, TaskItem, ActionItem, RuleItem, InfoItem, AnswerItem } from './advice.js';
export { replay, type ReplayResult, type ReplayProblem } from './replay.js';
export { evaluate } from './conditions.js';
export { indexProtocol, type ProtocolIndex } from './index-protocol.js';
