// The keyboard shortcuts, listed from the same table that handles the keys.
import { SHORTCUTS } from '../../lib/panel/keyboard';

const KEY_NAME: Record<string, string> = { ArrowDown: '↓', ArrowUp: '↑' };

export function ShortcutList() {
  return (
    <details className="shortcuts">
      <summary>Keyboard shortcuts</summary>
      <dl>
        {SHORTCUTS.map((s) => (
          <div key={s.command}>
            <dt>
              {s.keys.map((k, i) => (
                <span key={k}>
                  {i > 0 && ' / '}
                  <kbd>{KEY_NAME[k] ?? k}</kbd>
                </span>
              ))}
            </dt>
            <dd>{s.label}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
