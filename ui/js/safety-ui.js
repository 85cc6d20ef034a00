// The red flags as every pain entry shows them: a one-click disclosure next to the pain
// control, and the calm message a saved score brings back from the backend when it calls
// for it. The list, its words and the rule all come with the views (core/safety.rs).

import { el, list } from './dom.js';

/** "When to see a clinician promptly": the red flags behind one click. */
export function redFlagsLink(redFlags, prefix) {
  return el(
    'details',
    { class: 'red-flags', id: `${prefix}-red-flags` },
    el('summary', {}, redFlags.label),
    redFlagsBody(redFlags)
  );
}

function redFlagsBody(redFlags) {
  return el(
    'div',
    {},
    el('p', {}, redFlags.intro),
    list('ul', redFlags.flags, { class: 'red-flag-list' }),
    el('p', { class: 'muted' }, redFlags.source, ' ', el('a', { href: '#/guide/safety' }, 'In the guide'))
  );
}

/** The message a saved pain score brought back, with the red flags open. */
export function safetyMessage(prompt) {
  return el(
    'section',
    { id: 'safety-prompt', class: 'card safety-prompt', 'aria-labelledby': 'safety-prompt-headline', 'data-trigger': prompt.trigger },
    el('h2', { id: 'safety-prompt-headline', role: 'alert' }, prompt.headline),
    el('p', { id: 'safety-prompt-reason' }, prompt.reason),
    redFlagsBody(prompt.red_flags),
    el('p', { class: 'muted' }, prompt.rule)
  );
}

/** Shows `prompt` after `anchor` (replacing an earlier one), or only clears the old one. */
export function showSafety(anchor, prompt) {
  document.getElementById('safety-prompt')?.remove();
  if (prompt && anchor) anchor.after(safetyMessage(prompt));
}
