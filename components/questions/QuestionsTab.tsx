export function QuestionsTab() {
  return <section aria-label="Questions">Questions</section>;
}
