import { describe, expect, it } from 'vitest';
import { openSidebarOnToolbarClick, type FirefoxToolbarApi } from '../../lib/panel/open-panel';

describe('openSidebarOnToolbarClick', () => {
  it('opens the sidebar synchronously inside the toolbar click, where Firefox still counts the user action', () => {
    const listeners: (() => void)[] = [];
    let opened = 0;
    const api: FirefoxToolbarApi = {
      browserAction: { onClicked: { addListener: (l) => listeners.push(l) } },
      sidebarAction: {
        open: () => {
          opened += 1;
          return Promise.resolve();
        },
      },
    };
    openSidebarOnToolbarClick(api);
    expect(listeners).toHaveLength(1);
    expect(opened).toBe(0);
    listeners[0]!();
    // Called before the listener returned: no await between the click and open().
    expect(opened).toBe(1);
  });
});
