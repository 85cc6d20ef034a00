// Interactive: tell the app, with the page's steps timed as the app's page times them.
const loaded = performance.timeOrigin + performance.now();
const nav = performance.getEntriesByType('navigation')[0];
const htmlAt = performance.timeOrigin + (nav ? nav.responseEnd : 0);
window.__TAURI__.core.invoke('ready', {
  steps: [
    ['page: HTML received', performance.timeOrigin, htmlAt],
    ['page: styles and scripts loaded and run', htmlAt, loaded],
  ],
});
