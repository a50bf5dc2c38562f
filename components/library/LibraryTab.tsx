export function LibraryTab() {
  return <section aria-label="Library">Library</section>;
}
