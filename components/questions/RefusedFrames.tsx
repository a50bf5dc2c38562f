// Frames of the tab that were not read (another origin than the page's), named by origin, each with the one way
// to read it: the analyst allows that origin for this tab. The default is refuse.
export function RefusedFrames({ origins, onAllow }: { origins: readonly string[]; onAllow(origin: string): void }) {
  if (origins.length === 0) return null;
  return (
    <div className="note refused-frames" role="note" aria-label="Frames not read">
      <p>Frames from another site are not read or filled:</p>
      <ul>
        {origins.map((origin) => (
          <li key={origin}>
            <code>{origin}</code>{' '}
            <button type="button" className="small" onClick={() => onAllow(origin)}>
              Allow for this tab
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
