export { accountFacts, type AccountFacts } from './context.ts';
export { findClaims, type Claim } from './find.ts';
