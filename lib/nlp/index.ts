/** Natural-language helpers: names in a text that could become entities. */
export { findCandidateEntities } from './candidate-entities';
export type { CandidateEntity, CandidateType } from './candidate-entities';
