// The preview's warning about ids a person cannot tell apart (letter case, look-alike letters): shown, not blocking,
// so the analyst can rename one before two identical-looking entries end up in the library.
import type { IdWarning } from '../../lib/library/plan-sync';

const SHOWN = 200;

export function IdWarningList({ warnings }: { warnings: readonly IdWarning[] }) {
  if (warnings.length === 0) return null;
  return (
    <div className="library-id-warnings" role="note">
      <h4>Look-alike ids ({warnings.length}): these differ only by letter case or look-alike letters</h4>
      <ul>
        {warnings.slice(0, SHOWN).map((w) => (
          <li key={`${w.where}-${w.id}`}>
            {w.where}: id "{w.id}" looks like "{w.otherId}" ({w.otherWhere})
          </li>
        ))}
        {warnings.length > SHOWN && <li>and {warnings.length - SHOWN} more</li>}
      </ul>
    </div>
  );
}
