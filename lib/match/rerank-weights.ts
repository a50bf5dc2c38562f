// Written by scripts/fit-rerank.ts (`npx tsx scripts/fit-rerank.ts --write`) from the training split of the dev set
// (685 questions): do not edit by hand. A unit test re-fits it and compares.
import type { LinearRanker } from './rerank';

export const RANKER: LinearRanker | null = {
  features: ["sim","coverage","precision","retrieval","givesFacet","subCase","scopeMismatch","alternate","tag","inWording","draftOrStale","rank"],
  weights: [1.92286822048,1.573749165,0.258306549535,2.65018300596,1.90130495312,-0.226764944302,-2.03202653392,-0.227604289542,-0.0817473902478,-0.0260801390772,0.112587444487,-0.889973678501],
};
