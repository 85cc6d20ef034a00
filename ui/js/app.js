// The shell: hash router, theme, recovery banner, the first-run setup (opened on a new
// database, and a safety banner on the other pages until it is done or skipped), close
// notice and global keys (the shortcuts of shortcuts.js, and its list behind "?").

import * as api from './api.js';
import { el, SETUP_FINISHED } from './dom.js';
import { digitOf, shortcutList, typingIn, withMod } from './shortcuts.js';

// Wall-clock time now that every statically imported module is loaded and run: the
// start-up trace's end of "page loaded" (make bench).
const wallNow = () => performance.timeOrigin + performance.now();
const modulesLoadedAt = wallNow();

const APP_NAME = 'High Hamstring Rehab';
const DEFAULT_PAGE = 'today';

// Each screen's module is loaded the first time it is shown, so the first screen waits
// only for its own (the start-up trace of make bench times the page's loading).
const PAGES = {
  today: { title: 'Today', load: () => import('./pages/today.js') },
  program: { title: 'Program', load: () => import('./pages/program.js') },
  'self-tests': { title: 'Self-tests', load: () => import('./pages/self-tests.js') },
  running: { title: 'Running', load: () => import('./pages/running.js') },
  journal: { title: 'Journal', load: () => import('./pages/journal.js') },
  guide: { title: 'Guide', load: () => import('./pages/guide.js') },
  settings: { title: 'Settings', load: () => import('./pages/settings.js') },
  // Reached from Today, not from the navigation; the Program link stays marked.
  session: { title: 'Session', load: () => import('./pages/session.js'), nav: 'program' },
  stretch: { title: 'Stretch', load: () => import('./pages/stretch.js'), nav: 'today' },
  report: { title: 'Report', load: () => import('./pages/report.js'), nav: 'journal' },
  // Opened on a new database, and from Settings; no navigation link is marked.
  setup: { title: 'Setup', load: () => import('./pages/setup.js'), nav: 'none' },
};

const THEMES = new Set(['system', 'light', 'dark']);

const main = document.getElementById('page');
const notices = document.getElementById('notices');
const closeNotice = document.getElementById('close-notice');

// Bumped on every navigation so a slow page load cannot draw over the next page.
let renderCount = 0;
// The first-run setup is neither done nor skipped: the other pages show the safety banner.
let setupPending = false;
let readyReported = false;

function applyTheme(theme) {
  document.documentElement.dataset.theme = THEMES.has(theme) ? theme : 'system';
}

// "#/guide/imaging": page "guide", parameter "imaging" (a deep link into the page).
function routeFromHash() {
  const match = /^#\/([a-z-]+)(?:\/([a-z0-9-]+))?$/.exec(location.hash);
  if (!match || !Object.prototype.hasOwnProperty.call(PAGES, match[1])) return null;
  return { name: match[1], param: match[2] || null };
}

function focusHeading() {
  const h1 = main.querySelector('h1');
  (h1 || main).focus();
}

function markCurrent(name) {
  for (const link of document.querySelectorAll('nav[aria-label="Sections"] a[data-page]')) {
    if (link.dataset.page === name) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

async function show(name, { moveFocus, param = null }) {
  const token = ++renderCount;
  const page = PAGES[name];
  markCurrent(page.nav || name);
  showSafetyBanner(setupPending && name !== 'setup');
  document.title = `${page.title} — ${APP_NAME}`;
  main.replaceChildren();
  // Back to the top when one screen replaces another; a new window has not scrolled, and
  // setting it would lay out the still empty page once more before its first screen.
  if (token > 1) document.scrollingElement.scrollTop = 0;
  const ctx = {
    applyTheme,
    isCurrent: () => token === renderCount,
    param,
  };
  let module;
  try {
    module = await page.load();
  } catch (error) {
    console.error(`The ${name} page could not be loaded`, error);
    return;
  }
  // Another screen was asked for while this one loaded.
  if (token !== renderCount) return;
  // Pages draw their heading synchronously and fill in data later, so focus can land now.
  const done = module.render(main, ctx);
  if (moveFocus) focusHeading();
  try {
    await done;
  } catch (error) {
    console.error(`The ${name} page failed to render`, error);
  }
}

function route({ moveFocus }) {
  let found = routeFromHash();
  if (!found) {
    // replaceState fires no hashchange, so an unknown address cannot loop.
    history.replaceState(null, '', `#/${DEFAULT_PAGE}`);
    found = { name: DEFAULT_PAGE, param: null };
  }
  // A deep link focuses its own target once drawn.
  return show(found.name, { moveFocus: moveFocus && !found.param, param: found.param });
}

// The backend's reason may or may not end with a full stop.
function sentence(text) {
  const trimmed = String(text || 'unknown').trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

function showRecoveryNotice(setAside) {
  const dismiss = el('button', { type: 'button', id: 'recovery-dismiss' }, 'Dismiss');
  const banner = el(
    'div',
    { id: 'recovery-notice', class: 'banner', role: 'alert' },
    el('p', { class: 'banner-title' }, 'Your database could not be read.'),
    el('p', {}, 'It was set aside unchanged at ', el('code', {}, String(setAside.moved_to)), '.'),
    el('p', {}, 'Why: ', sentence(setAside.reason)),
    el('p', {}, 'A fresh, empty database was started in its place. The old file was kept exactly as it was.'),
    el('div', { class: 'actions' }, dismiss)
  );
  dismiss.addEventListener('click', async () => {
    try {
      await api.dismissRecoveryNotice();
    } catch (error) {
      // The notice only lives for this run; hiding it is still what the user asked for.
      console.warn('Could not dismiss the recovery notice', error);
    }
    banner.remove();
    focusHeading();
  });
  notices.append(banner);
}

/**
 * The not-medical-advice banner on every page but the setup's while the setup is pending,
 * in the setup's words (from the backend); it goes once the setup is done or skipped.
 */
let bannerToken = 0;
async function showSafetyBanner(shown) {
  const token = ++bannerToken;
  if (!shown) {
    document.getElementById('safety-notice')?.remove();
    return;
  }
  if (document.getElementById('safety-notice')) return;
  let texts;
  try {
    texts = (await api.getSetup()).texts.banner;
  } catch (error) {
    console.warn('Could not read the setup', error);
    return;
  }
  if (token !== bannerToken || document.getElementById('safety-notice')) return;
  notices.append(
    el(
      'div',
      { id: 'safety-notice', class: 'banner', role: 'region', 'aria-labelledby': 'safety-title' },
      el('p', { class: 'banner-title', id: 'safety-title' }, texts.title),
      el('p', {}, texts.text),
      el(
        'div',
        { class: 'actions' },
        el('a', { href: '#/setup', id: 'safety-setup' }, texts.continue_label),
        el('a', { href: texts.read_more.route }, texts.read_more.label)
      )
    )
  );
}

async function checkRecovery() {
  try {
    const status = await api.getAppStatus();
    if (status && status.set_aside) showRecoveryNotice(status.set_aside);
  } catch (error) {
    console.warn('Could not read the app status', error);
  }
}

function setCloseNoticeError(message) {
  const line = document.getElementById('close-notice-error');
  line.textContent = message || '';
  line.hidden = !message;
}

function openCloseNotice() {
  setCloseNoticeError('');
  if (!closeNotice.open) closeNotice.showModal();
  document.getElementById('close-notice-ok').focus();
}

async function closeNoticeAction(call) {
  setCloseNoticeError('');
  try {
    await call();
  } catch (error) {
    setCloseNoticeError(error.message);
  }
}

function wireCloseNotice() {
  document.getElementById('close-notice-ok').addEventListener('click', () => closeNoticeAction(api.closeToTray));
  document.getElementById('close-notice-quit').addEventListener('click', () => closeNoticeAction(api.quitApp));
  // Escape closes the dialog and keeps the window; tell the backend so the next close
  // shows the notice again instead of going straight through.
  closeNotice.addEventListener('cancel', () => {
    api.cancelClose().catch((error) => console.warn('Could not cancel the close', error));
  });
  api.listen('close-notice', openCloseNotice).catch((error) => {
    console.warn('Could not listen for the close notice', error);
  });
}

// The tray can ask for a screen ("Pain check-in…"): at once if the window is open,
// through the app status if the window was created for it.
function wireNavigateRequests() {
  api.listen('navigate', (event) => {
    if (typeof event.payload === 'string' && event.payload.startsWith('#/')) location.hash = event.payload;
  }).catch((error) => console.warn('Could not listen for navigation requests', error));
}

function sectionLinks() {
  return [...document.querySelectorAll('nav[aria-label="Sections"] a[data-page]')];
}

// The "?" dialog: the list from shortcuts.js, drawn when opened; Escape or Close shuts
// it and the focus goes back where it was.
let shortcutsReturnTo = null;

function openShortcuts() {
  const dialog = document.getElementById('shortcuts');
  if (dialog.open) return;
  const rows = shortcutList(sectionLinks()).map(({ keys, what }) =>
    el('tr', {}, el('th', { scope: 'row' }, el('kbd', {}, keys)), el('td', {}, what))
  );
  document.getElementById('shortcut-rows').replaceChildren(...rows);
  shortcutsReturnTo = document.activeElement;
  dialog.showModal();
  document.getElementById('shortcuts-close').focus();
}

function wireShortcutsDialog() {
  const dialog = document.getElementById('shortcuts');
  document.getElementById('shortcuts-close').addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => {
    const back = shortcutsReturnTo;
    shortcutsReturnTo = null;
    if (back && back.isConnected && back !== document.body) back.focus();
    else focusHeading();
  });
}

function wireKeys() {
  document.addEventListener('keydown', (event) => {
    if (event.defaultPrevented) return;
    const isW = event.key === 'w' || event.key === 'W';
    if (isW && (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey) {
      event.preventDefault();
      api.requestClose().catch((error) => console.warn('Could not close the window', error));
      return;
    }
    // While a dialog asks something, its keys are its own.
    const asking = document.querySelector('dialog[open]');
    if (withMod(event) && !event.shiftKey) {
      const links = sectionLinks();
      const digit = digitOf(event);
      const comma = event.key === ',' || event.code === 'Comma';
      const target = digit ? links[digit - 1] : comma ? links.find((a) => a.dataset.page === 'settings') : null;
      if (target) {
        event.preventDefault();
        if (!asking) target.click();
        return;
      }
      const search = document.getElementById('guide-search');
      if ((event.key === 'f' || event.key === 'F') && search && !asking) {
        event.preventDefault();
        search.focus();
        search.select();
      }
      return;
    }
    if (event.key === '?' && !event.ctrlKey && !event.metaKey && !event.altKey && !asking && !typingIn(event.target)) {
      event.preventDefault();
      openShortcuts();
    }
  });
}

function wireNavigation() {
  window.addEventListener('hashchange', () => route({ moveFocus: true }));
  document.addEventListener(SETUP_FINISHED, () => {
    setupPending = false;
    showSafetyBanner(false);
  });
  document.querySelector('.skip-link').addEventListener('click', (event) => {
    // The link's own "#page" would be read as a route; focus the content instead.
    event.preventDefault();
    focusHeading();
  });
  // Choosing the page already shown fires no hashchange; still take the user there.
  document.querySelector('nav[aria-label="Sections"]').addEventListener('click', (event) => {
    const link = event.target.closest('a[data-page]');
    if (link && link.getAttribute('href') === location.hash) {
      event.preventDefault();
      focusHeading();
    }
  });
}

async function start() {
  wireKeys();
  wireShortcutsDialog();
  wireNavigation();
  wireCloseNotice();
  wireNavigateRequests();
  try {
    // One call for the theme (waited for, so no flash of the wrong colours), the status,
    // the screen to open on (the tray's, the setup while pending, else Today) and, on
    // Today, Today's answers.
    const first = await api.getFirstScreen();
    applyTheme(first.theme);
    setupPending = first.setup === 'pending';
    if (first.status.set_aside) showRecoveryNotice(first.status.set_aside);
    if (typeof first.route === 'string' && first.route.startsWith('#/')) history.replaceState(null, '', first.route);
  } catch (error) {
    console.warn('Could not read how to open', error);
    checkRecovery();
  }
  const statusReadAt = wallNow();
  await route({ moveFocus: false });
  api.forgetFirstScreen();
  if (!readyReported) {
    readyReported = true;
    const nav = performance.getEntriesByType('navigation')[0];
    const htmlAt = performance.timeOrigin + (nav ? nav.responseEnd : 0);
    const steps = [
      ['page: HTML received', performance.timeOrigin, htmlAt],
      ['page: styles and scripts loaded and run', htmlAt, modulesLoadedAt],
      ["page: the first screen's command (status, theme, Today's views)", modulesLoadedAt, statusReadAt],
      ['page: first screen drawn', statusReadAt, wallNow()],
    ];
    api.uiReady(null, steps).catch((error) => console.warn('Could not report readiness', error));
    measureRoundTrip();
  }
}

// Only for `make bench` (the backend says so): the Today command's round trip through
// the webview's IPC, timed 20 times, the median reported back.
async function measureRoundTrip() {
  let status;
  try {
    status = await api.getAppStatus();
  } catch (error) {
    return;
  }
  if (!status.measure_ipc) return;
  const times = [];
  for (let i = 0; i < 20; i += 1) {
    const t = performance.now();
    await api.getToday();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  api.uiReady(times[10]).catch(() => {});
}

start();
