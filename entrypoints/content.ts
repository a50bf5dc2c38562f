export default defineContentScript({
  matches: ['*://*.onetrust.com/*', '*://*.service-now.com/*', '*://*.servicenowservices.com/*', '*://*.processunity.net/*'],
  allFrames: true,
  main() {
    document.documentElement.dataset.qaContent = 'loaded';
  },
});
