export default defineBackground(() => {
  // Open the side panel from the toolbar button; Chrome does this inside the click's user gesture.
  void browser.sidePanel?.setPanelBehavior({ openPanelOnActionClick: true });
});
