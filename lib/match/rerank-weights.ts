// Written by scripts/fit-rerank.ts (`npx tsx scripts/fit-rerank.ts --write`) from the training split of the dev set
// (685 questions): do not edit by hand. A unit test re-fits it and compares.
import type { LinearRanker } from './rerank';

export const RANKER: LinearRanker | null = {
  features: ["sim","coverage","precision","retrieval","givesFacet","subCase","scopeMismatch","alternate","tag","inWording","draftOrStale","rank","headCover"],
  weights: [1.411452465,1.15647715729,0.569705994952,1.69358482037,1.133625985,-0.165386370843,-1.32799047892,-0.0101325010828,-0.210812417935,-0.029528219858,0.168984014095,-0.397536215767,1.0981853431],
};
