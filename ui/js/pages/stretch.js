// The Stretch view (#/stretch): the stretch reminders card (the waiting reminder's Done,
// Snooze and Skip), then the gentle hamstring stretch with its steps, a hold timer for
// each leg, and Done, which answers the waiting reminder or logs the stretch.

import * as api from '../api.js';
import { card, el, list, loadPage, showError, showOk, statusLine } from '../dom.js';
import { picture } from '../figure-ui.js';
import { cites, otherCites } from '../protocol-ui.js';
import { reminderCard } from '../reminders-ui.js';

export function render(container, ctx) {
  return loadPage(container, ctx, {
    title: 'Stretch',
    loading: 'Loading…',
    load: api.getProtocol,
    // The waiting reminder's Done, Snooze and Skip above the stretch: a notification's
    // click, or a reminder no notification server took, opens the window here.
    draw: (protocol) => [reminderCard(ctx), stretchCard(protocol, ctx)],
  });
}

/** The stretch with its steps, the hold timer and Done. */
function stretchCard(protocol, ctx) {
  const stretch = protocol.stretch;
  const status = statusLine('stretch-status');
  const timer = el('p', { id: 'stretch-timer', class: 'timer', role: 'timer', 'aria-live': 'assertive' }, `${stretch.hold_seconds} s each leg`);
  const start = el('button', { type: 'button', id: 'start-stretch' }, `Start a ${stretch.hold_seconds}-second hold`);
  const done = el('button', { type: 'button', id: 'stretch-done', class: 'primary big' }, 'Done');
  let interval = null;

  start.addEventListener('click', () => {
    if (interval) clearInterval(interval);
    let tick = -3;
    timer.textContent = 'Get ready: 3';
    interval = setInterval(() => {
      if (!ctx.isCurrent()) {
        clearInterval(interval);
        return;
      }
      tick += 1;
      if (tick < 0) timer.textContent = `Get ready: ${-tick}`;
      else if (tick < stretch.hold_seconds) timer.textContent = `Hold: ${tick} of ${stretch.hold_seconds} s`;
      else {
        clearInterval(interval);
        interval = null;
        timer.textContent = 'Done: now the other leg, or press Done.';
      }
    }, 1000);
  });

  done.addEventListener('click', async () => {
    try {
      const reminders = await api.getReminders();
      if (reminders.due) await api.answerReminder('done');
      else await api.logStretch();
      if (ctx.isCurrent()) showOk(status, 'Stretch saved. Well done.');
    } catch (error) {
      if (ctx.isCurrent()) showError(status, error);
    }
  });

  return card(
    'stretch-name',
    stretch.name,
    picture(protocol.pictures, stretch.id),
    el('p', {}, `${stretch.purpose}${cites(stretch.citations)} `, el('a', { href: '#/guide/treatment', id: 'stretch-guide-link' }, 'In the guide')),
    list('ol', stretch.steps, { class: 'steps' }),
    el('h3', {}, 'Cues'),
    list('ul', stretch.cues),
    el('h3', {}, 'Common mistakes'),
    list('ul', stretch.mistakes),
    el('h3', { id: 'stretch-safely-title' }, 'How to stretch safely'),
    el('div', { class: 'safely', id: 'stretch-safely' }, list('ul', stretch.safely), el('p', { class: 'muted' }, `Source beyond the guide:${otherCites([stretch.safely_source])}.`)),
    el('p', { class: 'muted', id: 'stretch-hold-source' }, stretch.hold_source),
    timer,
    el('div', { class: 'actions' }, start, done),
    status,
    el('p', {}, el('a', { href: '#/today' }, 'Back to Today'))
  );
}
