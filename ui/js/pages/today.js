// The Today screen: for now, what it will hold and a summary of the user's current settings.

import { el, heading, coming } from '../dom.js';

export function render(container, ctx) {
  container.append(
    heading('Today'),
    ...coming('Today’s exercise session, your stretches and how the day is going will appear here.')
  );
  return settingsCard(container, ctx);
}

async function settingsCard(container, ctx) {
  const body = el('div', { class: 'card-body' }, el('p', { class: 'muted' }, 'Loading your settings…'));
  const card = el(
    'section',
    { class: 'card', 'aria-labelledby': 'today-settings-title' },
    el('h2', { id: 'today-settings-title' }, 'Your settings'),
    body
  );
  container.append(card);

  let view;
  try {
    view = await ctx.api.getSettings();
  } catch (error) {
    if (ctx.isCurrent()) body.replaceChildren(el('p', { class: 'status error' }, error.message));
    return;
  }
  if (!ctx.isCurrent()) return;
  // The sentences come from the backend: the rule in force is worded once, in the core.
  body.replaceChildren(
    el('ul', { class: 'facts' }, ...view.summary.map((line) => el('li', {}, line))),
    el('p', {}, el('a', { href: '#/settings' }, 'Change these in Settings'))
  );
}
