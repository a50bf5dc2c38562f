// How the toolbar button opens the panel in Firefox, where it is the sidebar (Chrome's side panel opens by itself
// through setPanelBehavior). Kept apart from the background entry point so a unit test can drive it.

/** The two Firefox APIs the toolbar button needs (MV2: browserAction; sidebarAction is Firefox-only). */
export interface FirefoxToolbarApi {
  browserAction: { onClicked: { addListener(listener: () => void): void } };
  sidebarAction: { open(): Promise<void> };
}

/** sidebarAction.open() works only inside the click's user action, so it is called at once, not after an await. */
export function openSidebarOnToolbarClick(api: FirefoxToolbarApi): void {
  api.browserAction.onClicked.addListener(() => void api.sidebarAction.open());
}
