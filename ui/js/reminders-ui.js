// The stretch-reminder card: today's status (the same line as the tray), the reminder
// waiting for an answer with Done / Snooze / Skip, and Pause or Resume. It follows the
// backend's "reminders-changed" event, so an answer given in the tray shows here too.
// On Today it is `quiet` (its Done is not the screen's filled button: "Next up" has that)
// and `onChange` lets Today follow an answer given elsewhere.

import * as api from './api.js';
import { el, showError, statusLine } from './dom.js';

let stopListening = null;

export function reminderCard(ctx, { quiet = false, onChange = null } = {}) {
  const body = el('div', { id: 'reminders-body' }, el('p', { class: 'muted' }, 'Loading reminders…'));
  const status = statusLine('reminders-status');
  const card = el(
    'section',
    { class: 'card', id: 'reminders', 'aria-labelledby': 'reminders-title' },
    el('h2', { id: 'reminders-title' }, 'Stretch reminders'),
    body,
    status
  );
  const draw = (view) => {
    if (ctx.isCurrent()) body.replaceChildren(...content(view, ctx, status, draw, quiet));
  };
  api.getReminders().then(draw, (error) => showError(status, error));
  if (stopListening) stopListening();
  stopListening = null;
  api
    .listen('reminders-changed', (event) => {
      draw(event.payload);
      if (onChange && ctx.isCurrent()) onChange(event.payload);
    })
    .then((unlisten) => {
      stopListening = unlisten;
    })
    .catch((error) => console.warn('Could not follow the reminders', error));
  return card;
}

function act(button, call, status, draw) {
  button.addEventListener('click', async () => {
    if (button.getAttribute('aria-disabled') === 'true') return;
    button.setAttribute('aria-disabled', 'true');
    try {
      draw(await call());
      status.textContent = '';
    } catch (error) {
      showError(status, error);
    } finally {
      button.removeAttribute('aria-disabled');
    }
  });
  return button;
}

function content(view, ctx, status, draw, quiet) {
  const parts = [el('p', { id: 'reminder-status', class: 'big-number' }, view.tray.status)];
  if (view.due) {
    parts.push(
      el(
        'div',
        { id: 'reminder-due', class: 'due', role: 'alert' },
        el('p', {}, `${view.tray.due} — the ${view.due} reminder is waiting for you.`),
        el(
          'div',
          { class: 'actions' },
          act(el('button', { type: 'button', id: 'reminder-done', class: quiet ? null : 'primary' }, 'Done'), () => api.answerReminder('done'), status, draw),
          act(el('button', { type: 'button', id: 'reminder-snooze' }, view.tray.snooze_label), () => api.answerReminder('snooze'), status, draw),
          act(el('button', { type: 'button', id: 'reminder-skip' }, 'Skip'), () => api.answerReminder('skip'), status, draw),
          el('a', { href: '#/stretch' }, 'Stretch with a timer')
        )
      )
    );
  }
  const times = view.slots.map((s) => `${s.time} ${label(s.state)}`).join(' · ');
  parts.push(el('p', { class: 'muted', id: 'reminder-slots' }, times ? `Today: ${times}` : 'No reminders planned today.'));
  const pause = view.paused_until
    ? [act(el('button', { type: 'button', id: 'reminder-resume' }, view.tray.resume), () => api.resumeReminders(), status, draw)]
    : [
        act(el('button', { type: 'button', id: 'pause-hour' }, 'Pause 1 hour'), () => api.pauseReminders('hour'), status, draw),
        act(el('button', { type: 'button', id: 'pause-today' }, 'Pause for today'), () => api.pauseReminders('today'), status, draw),
        act(el('button', { type: 'button', id: 'pause-tomorrow' }, 'Pause until tomorrow'), () => api.pauseReminders('tomorrow'), status, draw),
      ];
  parts.push(el('div', { class: 'actions' }, ...pause));
  return parts;
}

function label(state) {
  return (
    {
      pending: '(to come)',
      shown: '(due)',
      snoozed: '(snoozed)',
      done: '(done)',
      skipped: '(skipped)',
      missed: '(missed)',
      not_needed: '(not needed)',
    }[state] || ''
  );
}
