// The bulk preview's counted labels ("Fill 1 answer", "Fill 3 answers"), shared by the panel and the tests that
// click them.

export function answersWord(n: number): string {
  return n === 1 ? 'answer' : 'answers';
}

export function fillAnswersLabel(n: number): string {
  return `Fill ${n} ${answersWord(n)}`;
}
