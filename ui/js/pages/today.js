// The Today screen. At the top, "Next up": the one thing to do now with the screen's
// only filled button (what comes next, and its words, are the core's rule and come with
// the Today view); under it the last seven days at a glance; then the rest of today's
// plan and, quieter, the morning question, the check-in, the reminders, the latest pain,
// the ladder's decision and the gates.

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
    draw: ([today, protocol]) => page(today, protocol, ctx),
  });
}

function page(today, protocol, ctx) {
  const names = Object.fromEntries(protocol.ladder.map((e) => [e.id, e.name]));
  const top = el('div', { id: 'today-top', class: 'today-top' });
  let current = today;
  const redraw = (view) => {
    if (!ctx.isCurrent()) return;
    current = view;
    // Keep the keyboard focus on the control it was on, when that control is still there.
    const focused = document.activeElement && top.contains(document.activeElement) ? document.activeElement.id : '';
    top.replaceChildren(...glance(view, names, ctx, redraw));
    const again = focused && document.getElementById(focused);
    if (again) again.focus();
  };
  // A reminder shown, answered or missed elsewhere (the scheduler, the tray, a
  // notification) changes what is next: look again when the day's reminders changed or
  // count other stretches than the ones shown, not on every tick.
  let seen = null;
  const follow = (reminders) => {
    const key = JSON.stringify([reminders.date, reminders.due, reminders.slots.map((s) => s.state)]);
    const changed = seen !== null && key !== seen;
    seen = key;
    if (!changed && reminders.done === current.stretches.done) return;
    api.getToday().then(redraw, (error) => console.warn('Could not refresh Today', error));
  };
  redraw(today);
  const rest = el(
    'div',
    { class: 'today-rest' },
    morningCard(today, ctx),
    checkinForm({ prefix: 'today-checkin', title: 'Pain check-in', withNote: false }),
    reminderCard(ctx, { quiet: true, onChange: follow }),
    painCard(today),
    decisionBlock(today.progress.decision),
    gatesCard(today)
  );
  quiet(rest);
  return [el('p', { class: 'lead', id: 'today-date' }, today.date_text), top, rest];
}

/** Below "Next up" every button is a secondary one: the forms shared with other screens
 * bring a filled save button, which on Today would compete with the one thing next. */
function quiet(node) {
  for (const button of node.querySelectorAll('button.primary')) button.classList.remove('primary');
}

/** "Next up", the strip, and the rest of today's plan: redrawn whenever the view changes. */
function glance(today, names, ctx, redraw) {
  const next = today.next_up;
  const blocks = {
    session: (primary) => sessionBlock(today, names, primary),
    stretch: (primary) => stretchBlock(today, primary, ctx, redraw),
    run: (primary) => runBlock(today, primary),
  };
  const others = ['session', 'stretch', 'run'].filter((kind) => kind !== next.kind).map((kind) => blocks[kind](false)).filter(Boolean);
  return [
    nextUpCard(next, blocks[next.kind] ? blocks[next.kind](true) : doneList(next)),
    weekStrip(today.week),
    others.length ? el('section', { class: 'card today-plan', id: 'today-plan', 'aria-labelledby': 'today-plan-title' }, el('h2', { id: 'today-plan-title' }, 'Also today'), ...others) : null,
  ];
}

function nextUpCard(next, body) {
  return el(
    'section',
    { class: `card next-up next-up-${next.kind}`, id: 'next-up', 'data-kind': next.kind, 'data-why': next.why, 'aria-labelledby': 'next-up-title' },
    el('h2', { id: 'next-up-title' }, el('span', { class: 'next-up-label' }, next.label), ' ', el('span', { class: 'next-up-title' }, next.title)),
    el('p', { class: 'next-up-text', id: 'next-up-text' }, next.text),
    body
  );
}

function doneList(next) {
  return el('ul', { id: 'next-up-done', class: 'next-up-done' }, next.done.map((line) => el('li', {}, line)));
}

/** The primary control of "Next up" (a filled button) or a quieter one elsewhere. */
function go(id, label, href, primary) {
  if (!primary) return el('a', { id, href, class: 'screen-link' }, label);
  const button = el('button', { type: 'button', id, class: 'primary' }, label);
  button.addEventListener('click', () => {
    location.hash = href;
  });
  return button;
}

function sessionBlock(today, names, primary) {
  const words = today.session_words;
  const label = primary ? today.next_up.action.label : words.action;
  return el(
    'div',
    { class: 'today-item', id: 'today-session' },
    primary ? null : el('h3', { id: 'today-session-title' }, "Today's session"),
    el('p', { id: 'session-state' }, words.state),
    el(
      'ol',
      { class: 'exercise-list', id: 'today-exercises' },
      today.exercises.map((id) => {
        const dose = today.progress.doses.find((d) => d.id === id);
        return el('li', { 'data-exercise': id }, names[id] || id, dose ? el('span', { class: 'muted today-dose' }, ` — ${dose.text}`) : null);
      })
    ),
    el('div', { class: 'actions' }, go('start-session', label, '#/session', primary))
  );
}

function stretchText(stretches) {
  return `${stretches.done} of ${stretches.target} stretches today`;
}

function stretchBlock(today, primary, ctx, redraw) {
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
      redraw(view);
      const line = document.getElementById('stretch-status');
      if (line) showOk(line, 'Stretch saved.');
    } catch (error) {
      if (ctx.isCurrent()) showError(status, error);
    } finally {
      busy = false;
      button.removeAttribute('aria-disabled');
    }
  });
  const timer = primary ? today.next_up.action.label : 'Do the stretch with a timer';
  return el(
    'div',
    { class: 'today-item', id: 'today-stretches' },
    primary ? null : el('h3', { id: 'today-stretch-title' }, 'Gentle hamstring stretches'),
    el('p', { id: 'stretch-count' }, stretchText(today.stretches)),
    el('p', { class: 'hint' }, today.stretch_hint),
    el('div', { class: 'actions' }, go('open-stretch', timer, '#/stretch', primary), button),
    status
  );
}

/** Today's run or rest once the plan has started, or the nudge to start it once the gate is open. */
function runBlock(today, primary) {
  const gate = today.gates.find((g) => g.gate === 'running');
  if (!today.running && !(gate && gate.open)) return null;
  const text = today.running ? today.running.text : today.running_ready;
  const label = primary ? today.next_up.action.label : today.running ? 'Open the running plan' : 'Start the plan';
  return el(
    'div',
    { class: 'today-item', id: 'today-run' },
    primary ? null : el('h3', { id: 'today-running-title' }, 'Running'),
    el('p', { id: 'today-running', 'data-kind': today.running ? today.running.kind : 'not_started' }, text),
    el('div', { class: 'actions' }, go('open-running', label, '#/running', primary))
  );
}

/** The last seven days: a table, each cell in words (never colour alone). */
function weekStrip(week) {
  const cell = (day, text, state) =>
    el('td', { 'data-date': day.date, class: `strip-${state}${day.today ? ' strip-today' : ''}` }, text);
  const stateOf = (day, done) => (day.before_use ? 'before' : done ? 'done' : 'open');
  const rows = [
    el('tr', { 'data-row': 'stretches' }, el('th', { scope: 'row' }, week.stretches_label), week.days.map((d) => cell(d, d.stretches_text, stateOf(d, d.met)))),
    el('tr', { 'data-row': 'session' }, el('th', { scope: 'row' }, week.session_label), week.days.map((d) => cell(d, d.session_text, stateOf(d, d.session)))),
    week.show_run ? el('tr', { 'data-row': 'run' }, el('th', { scope: 'row' }, week.run_label), week.days.map((d) => cell(d, d.run_text, stateOf(d, d.run)))) : null,
  ];
  return el(
    'section',
    { class: 'card week', id: 'week', 'aria-labelledby': 'week-title' },
    el('h2', { id: 'week-title' }, week.caption),
    el(
      'div',
      { class: 'week-scroll' },
      el(
        'table',
        { id: 'week-strip', class: 'week-strip', 'aria-labelledby': 'week-title', 'aria-describedby': 'week-summary' },
        el(
          'thead',
          {},
          el(
            'tr',
            {},
            el('td', {}),
            week.days.map((d) => el('th', { scope: 'col', 'data-date': d.date, 'aria-current': d.today ? 'date' : null, class: d.today ? 'strip-today' : null }, d.label))
          )
        ),
        el('tbody', {}, rows)
      )
    ),
    el('p', { id: 'week-summary', class: 'week-summary' }, week.summary),
    el('p', { class: 'hint' }, week.target_note)
  );
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

