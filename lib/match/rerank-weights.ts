// Written by scripts/fit-rerank.ts (`npx tsx scripts/fit-rerank.ts --write`) from the training split of the dev set
// (685 questions): do not edit by hand. A unit test re-fits it and compares.
import type { LinearRanker } from './rerank';

export const RANKER: LinearRanker | null = {
  features: ["sim","coverage","precision","retrieval","givesFacet","subCase","scopeMismatch","alternate","tag","inWording","draftOrStale","rank"],
  weights: [2.02298835305,1.79035061216,0.388404346915,2.70715107897,1.94162893355,-0.226556200744,-2.01214875193,-0.341232700348,-0.191475692418,-0.16509308335,0.0039057157726,-0.871959197122],
};
