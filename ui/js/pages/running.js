// The Running screen: the gates, then the return to running — this week and its goal,
// the latest decision with its reason, the week as a calendar, today's run with a
// walk/jog interval timer (weeks of intervals), the run logger (a broken spacing rule is
// explained and can be overridden on purpose), the weekly targets, and the runs so far.
// Every range, default, label and rule sentence comes with the view (`view.limits`,
// `view.text`, the plan's fields): the page holds no rule.

import * as api from '../api.js';
import { card, el, loadPage, showError, showOk, statusLine } from '../dom.js';
import { gatesList } from '../protocol-ui.js';
import { showSafety } from '../safety-ui.js';
import { painControl, refusePain } from '../pain-ui.js';
import { intervalTimer } from '../interval-timer.js';
import { friendlyDate, shortDate } from '../dates.js';

export function render(container, ctx) {
  return loadPage(container, ctx, {
    title: 'Running',
    loading: 'Loading your running plan…',
    load: api.getRunning,
    draw: (view) => draw(el('div', { id: 'running-body' }), view, ctx),
  });
}

function draw(body, view, ctx) {
  const redraw = (next) => {
    if (ctx.isCurrent()) draw(body, next, ctx);
  };
  const stopTimer = body.stopTimer;
  if (stopTimer) stopTimer();
  body.stopTimer = null;
  body.replaceChildren(
    gatesCard(view),
    ...(view.plan ? planCards(body, view, ctx, redraw) : [startCard(view, redraw)]),
    weeksOverview(view)
  );
  return body;
}

function gatesCard(view) {
  return card(
    'running-gates-title',
    'Gates',
    gatesList(view.gates),
    el('p', {}, el('a', { href: '#/self-tests', class: 'screen-link' }, 'Record the gate tests'))
  );
}

function startCard(view, redraw) {
  const status = statusLine('start-running-status');
  if (!view.running_gate_open) {
    return el(
      'section',
      { class: 'card', id: 'running-waits', 'aria-labelledby': 'running-waits-title' },
      el('h2', { id: 'running-waits-title' }, 'Not yet'),
      el('p', {}, view.text.waits)
    );
  }
  const day = view.start_day;
  const date = el('input', { type: 'date', value: day.value, max: day.max, min: day.min });
  const button = el('button', { type: 'button', id: 'start-running', class: 'primary' }, 'Start week 1');
  button.addEventListener('click', async () => {
    try {
      redraw(await api.startRunning(false, date.value));
    } catch (error) {
      showError(status, error);
      date.setAttribute('aria-invalid', 'true');
    }
  });
  return card(
    'running-start-title',
    'Ready when you are',
    el('p', {}, view.text.ready),
    inputField('running-start-date', 'First day of week 1', date, view.text.start_hint),
    el('div', { class: 'actions' }, button),
    status
  );
}

function planCards(body, view, ctx, redraw) {
  const plan = view.plan;
  const state = plan.state;
  const latest = state.decisions[state.decisions.length - 1];
  const weekCard = el(
    'section',
    { class: `card decision decision-${latest.kind}`, id: 'running-week', 'aria-labelledby': 'running-week-title' },
    el('h2', { id: 'running-week-title' }, plan.heading),
    el('p', {}, plan.week.what),
    el('p', { id: 'running-goal' }, state.finished ? '' : `Goal: ${state.goal} This attempt began ${friendlyDate(state.week_start)}.`),
    el('p', { id: 'running-decision', 'data-kind': latest.kind }, latest.reason),
    el('p', {}, el('a', { href: '#/guide/return-to-running', class: 'screen-link' }, 'About the return to running'))
  );
  return [
    weekCard,
    todayCard(body, plan, ctx),
    calendarCard(plan),
    logCard(view, redraw),
    plan.target_week ? targetCard(view, redraw) : null,
    runsCard(view),
    decisionsCard(state),
    restartCard(view, redraw),
  ].filter(Boolean);
}

function todayCard(body, plan, ctx) {
  const today = plan.today;
  return card(
    'running-today-title',
    'Today',
    el('p', { id: 'running-today', 'data-kind': today.kind }, today.text),
    today.kind === 'run' && today.sets ? intervalTimer(body, today, ctx) : null
  );
}

function calendarCard(plan) {
  return card(
    'running-calendar-title',
    'This week',
    el(
      'ol',
      { id: 'running-calendar', class: 'week-calendar' },
      plan.calendar.map((day) =>
        el(
          'li',
          { 'data-date': day.date, 'data-kind': day.kind, class: `day day-${day.kind}${day.today ? ' today' : ''}`, 'aria-current': day.today ? 'date' : false },
          el('span', { class: 'day-date' }, shortDate(day.date)),
          el('span', { class: 'day-kind' }, day.label),
          day.today ? el('span', { class: 'badge' }, 'Today') : null
        )
      )
    )
  );
}

function inputField(id, label, control, hint) {
  control.id = id;
  const hintId = `${id}-hint`;
  if (hint) control.setAttribute('aria-describedby', hintId);
  return el('div', { class: 'field' }, el('label', { for: id }, label), control, hint ? el('p', { class: 'hint', id: hintId }, hint) : null);
}

function logCard(view, redraw) {
  const plan = view.plan;
  const limits = view.limits;
  const intervals = plan.logs_sets;
  const day = plan.log_day;
  const date = el('input', { type: 'date', value: day.value, max: day.max, min: day.min, required: true });
  const amount = intervals
    ? el('input', { type: 'number', min: limits.min_sets, max: limits.max_sets, step: 1, inputmode: 'numeric', value: String(plan.log_amount) })
    : el('input', { type: 'number', min: limits.min_minutes, max: limits.max_minutes, step: 1, inputmode: 'numeric', value: String(plan.log_amount) });
  // Nothing chosen until the runner picks a score: a pain-free run moves the plan on.
  const pain = painControl({ id: 'run-pain', label: view.text.pain_label, scale: limits.pain, hint: view.text.pain_hint });
  const note = el('textarea', { rows: 2, maxlength: limits.max_note });
  const status = statusLine('run-status');
  const rule = el('div', { id: 'run-rule', class: 'notice', hidden: true });
  const submit = el('button', { type: 'submit', id: 'log-run', class: 'primary' }, 'Log the run');
  const fields = {
    date: 'run-date',
    sets: 'run-amount',
    minutes: 'run-amount',
    pain: 'run-pain',
    note: 'run-note',
  };

  const send = async (overrideRule) => {
    rule.hidden = true;
    rule.replaceChildren();
    for (const id of Object.values(fields)) document.getElementById(id)?.removeAttribute('aria-invalid');
    pain.invalid(false);
    const input = { date: date.value, pain: pain.value(), note: note.value };
    if (intervals) input.sets = amount.value;
    else input.minutes = amount.value;
    if (overrideRule) input.override_rule = overrideRule;
    try {
      const next = await api.logRun(input);
      redraw(next);
      const line = document.getElementById('run-status');
      if (line) showOk(line, overrideRule ? 'Run saved, with the rule override noted.' : 'Run saved.');
      showSafety(line, next.safety);
    } catch (error) {
      if (error.kind === 'rule') {
        status.textContent = '';
        const anyway = el('button', { type: 'button', id: 'run-override' }, 'Log it anyway (the override is recorded)');
        anyway.addEventListener('click', () => send(error.field));
        rule.append(el('p', { id: 'run-rule-reason', role: 'alert' }, error.message), el('div', { class: 'actions' }, anyway));
        rule.hidden = false;
        return;
      }
      showError(status, error);
      if (refusePain(pain, error)) return;
      const bad = error.field && document.getElementById(fields[error.field]);
      if (bad) {
        bad.setAttribute('aria-invalid', 'true');
        bad.focus();
      }
    }
  };

  const form = el(
    'form',
    { id: 'run-form', class: 'card', 'aria-labelledby': 'run-form-title', novalidate: true },
    el('h2', { id: 'run-form-title' }, 'Log a run'),
    inputField('run-date', 'Date', date, 'Today or an earlier day of the plan.'),
    intervals
      ? inputField('run-amount', 'Walk/jog sets done', amount, `${limits.min_sets} to ${limits.max_sets}.`)
      : inputField('run-amount', 'Minutes run', amount, `${limits.min_minutes} to ${limits.max_minutes}.`),
    pain.field,
    inputField('run-note', 'Note (optional)', note, null),
    el('div', { class: 'actions' }, submit),
    rule,
    status
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    send(null);
  });
  return form;
}

function targetCard(view, redraw) {
  const plan = view.plan;
  const [min, max] = plan.target_range;
  const week = plan.target_week;
  const current = plan.targets.find((t) => t.week === week);
  const minutes = el('input', { type: 'number', min, max, step: 1, inputmode: 'numeric', value: String(plan.target_minutes) });
  const focus = el(
    'select',
    {},
    view.focus_choices.map(({ value, label }) => el('option', { value, selected: current && current.focus === value }, label))
  );
  const status = statusLine('target-status');
  const form = el(
    'form',
    { id: 'target-form', class: 'card', 'aria-labelledby': 'target-form-title', novalidate: true },
    el('h2', { id: 'target-form-title' }, `Week ${week}'s target`),
    el('p', {}, view.text.target_intro),
    inputField('target-minutes', 'Minutes per run', minutes, plan.target_hint),
    inputField('target-focus', 'What to build this week', focus, null),
    el('div', { class: 'actions' }, el('button', { type: 'submit', id: 'save-target' }, 'Save the target')),
    status
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      redraw(await api.setRunTarget(week, minutes.value, focus.value));
      const line = document.getElementById('target-status');
      if (line) showOk(line, 'Target saved.');
    } catch (error) {
      showError(status, error);
      minutes.setAttribute('aria-invalid', 'true');
    }
  });
  return form;
}

function runsCard(view) {
  const plan = view.plan;
  if (!plan.runs.length) return null;
  return card(
    'runs-title',
    'Runs so far',
    el(
      'table',
      { id: 'runs', class: 'table' },
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Date'), el('th', { scope: 'col' }, 'Run'), el('th', { scope: 'col' }, 'Pain'), el('th', { scope: 'col' }, 'Note'))),
      el(
        'tbody',
        {},
        plan.runs.map((run) =>
          el(
            'tr',
            { 'data-run': run.id },
            el('td', {}, friendlyDate(run.date)),
            el('td', {}, run.sets ? `${run.sets} walk/jog sets` : `${run.minutes} min`, run.override_rule ? el('span', { class: 'badge' }, 'rule overridden') : null),
            el('td', {}, `${run.pain}/${view.limits.pain.max}`),
            el('td', { class: 'note-text' }, run.note)
          )
        )
      )
    )
  );
}

function decisionsCard(state) {
  return card(
    'running-history-title',
    'How the plan has moved',
    el(
      'ul',
      { id: 'running-decisions' },
      [...state.decisions].reverse().map((d) => el('li', { 'data-kind': d.kind }, `${friendlyDate(d.date)}: ${d.reason}`))
    )
  );
}

function restartCard(view, redraw) {
  const status = statusLine('restart-status');
  const button = el('button', { type: 'button', id: 'restart-running' }, 'Start again from week 1');
  let armed = false;
  button.addEventListener('click', async () => {
    if (!armed) {
      armed = true;
      button.textContent = 'Press again to start again from week 1 today';
      return;
    }
    try {
      redraw(await api.startRunning(true));
    } catch (error) {
      showError(status, error);
    }
  });
  return card(
    'restart-title',
    'After a setback',
    el('p', { class: 'muted' }, view.text.restart),
    el('div', { class: 'actions' }, button),
    status
  );
}

function weeksOverview(view) {
  return card(
    'weeks-title',
    view.text.weeks_title,
    el(
      'ol',
      { class: 'weeks' },
      view.weeks.map((w) => el('li', { value: String(w.week) }, el('strong', {}, `${w.title}. `), w.what))
    ),
    el('p', { class: 'muted' }, view.text.weeks_source)
  );
}
