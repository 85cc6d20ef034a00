// The Today screen: today's session (start or resume), stretches against the day's target,
// the latest pain, the ladder's decision and the gates.

import * as api from '../api.js';
import { card, el, loadPage, showError, showOk, statusLine } from '../dom.js';
import { reminderCard } from '../reminders-ui.js';
import { decisionBlock, gatesList } from '../protocol-ui.js';
import { friendlyDate } from '../dates.js';
import { checkinForm } from '../checkin-ui.js';
import { showSafety } from '../safety-ui.js';
import { painControl, refusePain } from '../pain-ui.js';

export function render(container, ctx) {
  return loadPage(container, ctx, {
    title: 'Today',
    loading: 'Loading today…',
    load: () => Promise.all([api.getToday(), api.getProtocol()]),
    draw: ([today, protocol]) => cards(today, protocol, ctx),
  });
}

function cards(today, protocol, ctx) {
  const names = Object.fromEntries(protocol.ladder.map((e) => [e.id, e.name]));
  return [
    el('p', { class: 'lead', id: 'today-date' }, today.date_text),
    morningCard(today, ctx),
    sessionCard(today, names),
    stretchCard(today, ctx),
    checkinForm({ prefix: 'today-checkin', title: 'Pain check-in', withNote: false }),
    reminderCard(ctx),
    painCard(today),
    decisionBlock(today.progress.decision),
    runningCard(today),
    gatesCard(today),
  ];
}

/**
 * The next-morning question, the morning after a session until it is answered: the
 * question, the scale and what the answer does all come with the Today view.
 */
function morningCard(today, ctx) {
  const m = today.morning;
  if (!m) return null;
  // Nothing chosen until the user picks this morning's score.
  const pain = painControl({ id: 'morning-pain', label: 'Pain this morning', scale: today.pain, describedBy: 'morning-hint', flags: 'morning' });
  const status = statusLine('morning-status');
  const form = el(
    'form',
    { id: 'morning-form', class: 'card', 'aria-labelledby': 'morning-title', novalidate: true },
    el('h2', { id: 'morning-title' }, m.question),
    el('p', { id: 'morning-hint', class: 'hint' }, m.hint),
    pain.field,
    el('div', { class: 'actions' }, el('button', { type: 'submit', id: 'morning-save', class: 'primary' }, 'Save the morning check')),
    status
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    pain.invalid(false);
    try {
      const saved = await api.addCheckin(m.context, pain.value(), '');
      if (!ctx.isCurrent()) return;
      showOk(status, saved.message);
      showSafety(status, saved.safety);
      form.querySelector('#morning-save').setAttribute('disabled', 'true');
      pain.disable();
      form.dataset.saved = 'true';
    } catch (error) {
      if (!ctx.isCurrent()) return;
      showError(status, error);
      refusePain(pain, error);
    }
  });
  return form;
}

function sessionCard(today, names) {
  const labels = {
    not_started: "Start today's session",
    in_progress: 'Resume session',
    done: 'Start another session',
  };
  const button = el('button', { type: 'button', id: 'start-session', class: 'primary' }, labels[today.session_state]);
  button.addEventListener('click', () => {
    location.hash = '#/session';
  });
  const state = {
    not_started: 'Not started yet.',
    in_progress: 'In progress: your sets so far are saved.',
    done: 'Done today. Well done.',
  }[today.session_state];
  return card(
    'today-session-title',
    "Today's session",
    el('p', { id: 'session-state' }, state),
    el(
      'ol',
      { class: 'exercise-list', id: 'today-exercises' },
      today.exercises.map((id) => {
        const dose = today.progress.doses.find((d) => d.id === id);
        return el('li', { 'data-exercise': id }, names[id] || id, dose ? el('span', { class: 'muted today-dose' }, ` — ${dose.text}`) : null);
      })
    ),
    el('div', { class: 'actions' }, button)
  );
}

function stretchText(stretches) {
  return `${stretches.done} of ${stretches.target} stretches today`;
}

function stretchCard(today, ctx) {
  const count = el('p', { id: 'stretch-count', class: 'big-number' }, stretchText(today.stretches));
  const status = statusLine('stretch-status');
  const button = el('button', { type: 'button', id: 'log-stretch' }, 'Log a stretch');
  let busy = false;
  button.addEventListener('click', async () => {
    if (busy) return;
    busy = true;
    button.setAttribute('aria-disabled', 'true');
    try {
      const view = await api.logStretch();
      if (!ctx.isCurrent()) return;
      count.textContent = stretchText(view.stretches);
      status.textContent = 'Stretch saved.';
      status.classList.remove('error');
    } catch (error) {
      if (ctx.isCurrent()) showError(status, error);
    } finally {
      busy = false;
      button.removeAttribute('aria-disabled');
    }
  });
  return card(
    'today-stretch-title',
    'Gentle hamstring stretches',
    count,
    el('p', { class: 'hint' }, today.stretch_hint),
    el('div', { class: 'actions' }, button, el('a', { href: '#/stretch', id: 'open-stretch' }, 'Do the stretch with a timer')),
    status
  );
}

function painCard(today) {
  const p = today.latest_pain;
  const text = p ? `Latest pain: ${p.pain}/${today.pain.max} in ${p.exercise}, ${friendlyDate(p.date)}` : 'No pain logged yet.';
  return el('p', { id: 'latest-pain', class: 'note' }, text);
}

function gatesCard(today) {
  return card(
    'today-gates-title',
    'Cross-training and running',
    gatesList(today.gates),
    el('p', {}, el('a', { href: '#/self-tests' }, 'Record the gate tests'), ' · ', el('a', { href: '#/settings' }, 'Your progression rules'))
  );
}

/** Today's run or rest once the plan has started, or the nudge to start it once the gate is open. */
function runningCard(today) {
  const gate = today.gates.find((g) => g.gate === 'running');
  if (!today.running && !(gate && gate.open)) return null;
  const text = today.running ? today.running.text : today.running_ready;
  return card(
    'today-running-title',
    'Running',
    el('p', { id: 'today-running', 'data-kind': today.running ? today.running.kind : 'not_started' }, text),
    el('p', {}, el('a', { href: '#/running', class: 'screen-link' }, today.running ? 'Open the running plan' : 'Start the plan'))
  );
}
