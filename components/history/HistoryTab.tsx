export function HistoryTab() {
  return <section aria-label="History">History</section>;
}
