// The keyboard shortcuts in one place: the list the "?" dialog shows (and the README's
// table repeats), and the tests of a key event that app.js and the session share. The
// sections' shortcuts follow the navigation (its nth link is Ctrl+n), so no section is
// named here. On macOS, Cmd takes the place of Ctrl.

const platform = (navigator.userAgentData && navigator.userAgentData.platform) || navigator.platform || '';

/** Whether this is a Mac, where Cmd is the shortcut key. */
export const MAC = /mac/i.test(platform);

/** The shortcut key's name as the list shows it. */
export const MOD = MAC ? 'Cmd' : 'Ctrl';

/** The shortcut key (Cmd on macOS, Ctrl elsewhere) is down, and neither Alt nor the other. */
export function withMod(event) {
  const mod = MAC ? event.metaKey && !event.ctrlKey : event.ctrlKey && !event.metaKey;
  return mod && !event.altKey;
}

/** The digit 1–9 of a key, by its place on the keyboard or its character; else 0. */
export function digitOf(event) {
  const code = /^(?:Digit|Numpad)([1-9])$/.exec(event.code || '');
  if (code) return Number(code[1]);
  return /^[1-9]$/.test(event.key) ? Number(event.key) : 0;
}

const TEXT_INPUTS = new Set(['text', 'search', 'number', 'email', 'url', 'tel', 'password', 'date', 'time', 'datetime-local', 'month', 'week']);

/** The focus is in a field that takes typing (where Space, Enter and ? are the user's). */
export function typingIn(node) {
  if (!(node instanceof Element)) return false;
  if (node.isContentEditable || node.tagName === 'TEXTAREA' || node.tagName === 'SELECT') return true;
  return node.tagName === 'INPUT' && TEXT_INPUTS.has((node.getAttribute('type') || 'text').toLowerCase());
}

/** The focus is on a choice (a radio, a box, a pain score), which Space and Enter pick. */
export function onChoice(node) {
  return node instanceof Element && !!node.closest('input[type="radio"], input[type="checkbox"], [role="radio"], [role="checkbox"], [role="option"], [role="switch"]');
}

/** In a session: Space starts and stops a hold, Enter saves a set. */
export const SESSION_KEYS = { hold: ' ', save: 'Enter' };

/**
 * Every shortcut as `{keys, what}`, in the order the dialog lists them; `sections` are the
 * navigation's links, in order (`Ctrl+1` is the first).
 */
export function shortcutList(sections) {
  const settings = sections.find((link) => link.dataset.page === 'settings');
  return [
    ...sections.map((link, i) => ({ keys: `${MOD}+${i + 1}`, what: `Go to ${link.textContent.trim()}` })),
    settings ? { keys: `${MOD}+,`, what: `Go to ${settings.textContent.trim()}` } : null,
    { keys: `${MOD}+F`, what: 'Search the guide (on the Guide page)' },
    { keys: 'Space', what: 'Start or stop a hold (in a session, unless typing in a field or picking a pain score)' },
    { keys: 'Enter', what: 'Save a set (in a session, unless a button, a link or a pain score has the focus)' },
    { keys: `${MOD}+W`, what: 'Close the window (reminders keep running in the tray)' },
    { keys: '?', what: 'Show these shortcuts (when not typing in a field)' },
  ].filter(Boolean);
}

/** The hint under the session's set controls. */
export function sessionHint(hold) {
  return hold ? 'Keys: Space starts and stops the hold; Enter saves the seconds shown without the timer.' : 'Keys: Enter saves the set.';
}
