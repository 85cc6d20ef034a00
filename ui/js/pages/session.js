// The guided session (#/session): one exercise at a time, each set saved as soon as it is
// done (a crash keeps it), a hold timer with a count-in, pain on the backend's scale after each exercise, and
// what changed when the session is finished.

import * as api from '../api.js';
import { el, list, loadPage, picture, showError, showOk, statusLine } from '../dom.js';
import { showSafety } from '../safety-ui.js';
import { painControl, refusePain } from '../pain-ui.js';
import { beep, decisionBlock, doseLineBlock, safelyBlock } from '../protocol-ui.js';

const COUNT_IN_SECONDS = 3;

export function render(container, ctx) {
  const status = statusLine('session-status');
  return loadPage(container, ctx, {
    title: 'Session',
    intro: [status],
    loading: 'Opening your session…',
    load: () => Promise.all([api.startSession(), api.getProtocol()]),
    draw: ([session, protocol]) => {
      const body = el('div', { id: 'session-body' });
      const byId = Object.fromEntries(protocol.ladder.map((e) => [e.id, e]));
      const doseLines = Object.fromEntries(protocol.doses.map((d) => [d.id, d]));
      const state = { session, index: firstOpen(session), timer: null };
      draw({ body, status, ctx, byId, doseLines, state, pictures: protocol.pictures });
      return body;
    },
  });
}

/** Where to carry on: the first exercise without a pain score (or the last one). */
function firstOpen(session) {
  const i = session.exercises.findIndex((e) => e.id === session.resume_at);
  return i >= 0 ? i : session.exercises.length - 1;
}

function allScored(session) {
  return session.exercises.every((e) => e.pain !== null && e.pain !== undefined);
}

function stopTimer(state) {
  if (state.timer) {
    clearInterval(state.timer.interval);
    state.timer = null;
  }
}

function draw(view) {
  const { body, state } = view;
  stopTimer(state);
  const exercise = state.session.exercises[state.index];
  const info = view.byId[exercise.id];
  // What to do now first (the exercise, its demonstration beside the set controls),
  // then how to do it.
  body.replaceChildren(
    exerciseSection(view, exercise, info),
    el(
      'div',
      { class: 'session-work' },
      el('section', { class: 'card session-demo', 'aria-label': exercise.name }, picture(view.pictures, exercise.id, 'large')),
      setsSection(view, exercise, info)
    ),
    howSection(view, exercise, info),
    painSection(view, exercise, info),
    navigation(view),
    finishSection(view)
  );
}

function exerciseSection(view, exercise, info) {
  const { state } = view;
  return el(
    'section',
    { id: 'session-exercise', class: 'card', 'aria-labelledby': 'exercise-name' },
    el('p', { class: 'muted', id: 'exercise-position' }, `Exercise ${state.index + 1} of ${state.session.exercises.length}`),
    el('h2', { id: 'exercise-name' }, exercise.name),
    el('p', { class: 'dose', id: 'exercise-dose' }, exercise.today.text, ' ', el('span', { class: 'muted', id: 'exercise-dose-why' }, exercise.today.why))
  );
}

function howSection(view, exercise, info) {
  return el(
    'section',
    { id: 'session-how', class: 'card', 'aria-labelledby': 'session-how-title' },
    el('h2', { id: 'session-how-title' }, 'How to do it'),
    el('p', {}, info.purpose),
    doseLineBlock(view.doseLines[exercise.id], 'exercise-dose-line'),
    el('p', {}, el('a', { href: '#/guide/treatment', id: 'exercise-guide-link' }, 'Why this exercise, in the guide')),
    list('ol', info.steps, { class: 'steps' }),
    el('p', { class: 'muted described' }, info.described),
    safelyBlock(info, 'session-safely'),
    el('details', {}, el('summary', {}, 'Cues and common mistakes'), el('h3', {}, 'Cues'), list('ul', info.cues), el('h3', {}, 'Common mistakes'), list('ul', info.mistakes))
  );
}

function unitOf(exercise) {
  return exercise.measure === 'hold' ? 'seconds' : 'repetitions';
}

function setsSection(view, exercise, info) {
  const { sets, amount } = exercise.today;
  const done = exercise.sets.length;
  const each = exercise.per_side ? ' (each leg)' : '';
  const asked = sets.min === sets.max ? `${sets.min}` : `${sets.min}–${sets.max}`;
  let countText = `Set ${done + 1} of ${asked}${each}`;
  const saved = `${done} ${done === 1 ? 'set' : 'sets'} saved`;
  if (exercise.dose_done) countText = `${saved}: today's dose is done.`;
  else if (done >= sets.min) countText = `${saved}: today's dose is done once ${sets.min} of them reach ${amount.min}.`;
  const children = [
    el('h2', {}, 'Sets'),
    el('p', { id: 'set-count' }, countText),
    el(
      'ol',
      { id: 'sets-done', class: 'sets-done' },
      exercise.sets.map((amount, i) => el('li', {}, `Set ${i + 1}: ${amount} ${unitOf(exercise)}`))
    ),
  ];
  children.push(exercise.measure === 'hold' ? holdControls(view, exercise, info) : repControls(view, exercise, info));
  const undo = el('button', { type: 'button', id: 'undo-set' }, 'Undo last set');
  if (!done) undo.setAttribute('aria-disabled', 'true');
  undo.addEventListener('click', async () => {
    if (undo.getAttribute('aria-disabled') === 'true') return;
    try {
      const session = await api.undoSet(view.state.session.id, exercise.id);
      if (!view.ctx.isCurrent()) return;
      view.state.session = session;
      draw(view);
      showOk(view.status, 'Last set taken back.');
    } catch (error) {
      if (view.ctx.isCurrent()) showError(view.status, error);
    }
  });
  children.push(el('div', { class: 'actions' }, undo));
  return el('section', { class: 'card', 'aria-label': 'Sets' }, ...children);
}

async function saveSet(view, exercise, amount) {
  try {
    const session = await api.recordSet(view.state.session.id, exercise.id, amount);
    if (!view.ctx.isCurrent()) return;
    view.state.session = session;
    draw(view);
    showOk(view.status, `Set saved: ${amount} ${unitOf(exercise)}.`);
    document.getElementById(exercise.measure === 'hold' ? 'start-hold' : 'save-set')?.focus();
  } catch (error) {
    if (!view.ctx.isCurrent()) return;
    showError(view.status, error);
    const field = document.getElementById(exercise.measure === 'hold' ? 'hold-seconds' : 'set-amount');
    if (field && error.field === 'amount') field.setAttribute('aria-invalid', 'true');
  }
}

function defaultAmount(exercise) {
  return exercise.sets.length ? exercise.sets[exercise.sets.length - 1] : exercise.today.amount.max;
}

function repControls(view, exercise, info) {
  const input = el('input', { type: 'number', id: 'set-amount', min: String(exercise.amount_range.min), max: String(exercise.amount_range.max), step: '1', inputmode: 'numeric', value: String(defaultAmount(exercise)) });
  const save = el('button', { type: 'button', id: 'save-set', class: 'primary big' }, 'Save set');
  save.addEventListener('click', () => saveSet(view, exercise, input.value));
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      saveSet(view, exercise, input.value);
    }
  });
  return el(
    'div',
    { class: 'set-entry' },
    el('div', { class: 'field' }, el('label', { for: 'set-amount' }, exercise.per_side ? 'Repetitions (each leg)' : 'Repetitions'), input),
    el('div', { class: 'actions' }, save)
  );
}

function holdControls(view, exercise, info) {
  const { state, ctx } = view;
  const input = el('input', { type: 'number', id: 'hold-seconds', min: String(exercise.amount_range.min), max: String(exercise.amount_range.max), step: '1', inputmode: 'numeric', value: String(defaultAmount(exercise)) });
  const timer = el('p', { id: 'timer', class: 'timer', role: 'timer', 'aria-live': 'assertive' }, 'Ready');
  const startButton = el('button', { type: 'button', id: 'start-hold', class: 'primary big' }, 'Start hold');
  const stopButton = el('button', { type: 'button', id: 'stop-hold', hidden: true }, 'Stop');

  const finish = (seconds) => {
    stopTimer(state);
    stopButton.hidden = true;
    startButton.hidden = false;
    if (seconds >= 1) saveSet(view, exercise, seconds);
    else timer.textContent = 'Stopped before the hold began: nothing saved.';
  };

  startButton.addEventListener('click', () => {
    const target = Number(input.value);
    if (!Number.isInteger(target) || target < 1) {
      // Let the backend word the rule: it names the field and the range.
      saveSet(view, exercise, input.value);
      return;
    }
    stopTimer(state);
    startButton.hidden = true;
    stopButton.hidden = false;
    stopButton.focus();
    let tick = 0;
    timer.textContent = `Get ready: ${COUNT_IN_SECONDS}`;
    const interval = setInterval(() => {
      if (!ctx.isCurrent()) {
        clearInterval(interval);
        return;
      }
      tick += 1;
      if (tick < COUNT_IN_SECONDS) {
        timer.textContent = `Get ready: ${COUNT_IN_SECONDS - tick}`;
        return;
      }
      const held = tick - COUNT_IN_SECONDS;
      state.timer.held = held;
      if (held === 0) {
        timer.textContent = `Hold! 0 of ${target} s`;
        return;
      }
      if (held >= target) {
        timer.textContent = `Done: ${held} s held`;
        timer.classList.add('done');
        beep();
        finish(held);
        return;
      }
      timer.textContent = `Hold: ${held} of ${target} s`;
    }, 1000);
    state.timer = { interval, held: 0 };
  });
  stopButton.addEventListener('click', () => finish(state.timer ? state.timer.held : 0));

  return el(
    'div',
    { class: 'set-entry' },
    el('div', { class: 'field' }, el('label', { for: 'hold-seconds' }, 'Hold for (seconds)'), input),
    timer,
    el('div', { class: 'actions' }, startButton, stopButton)
  );
}

function painSection(view, exercise) {
  const { state, ctx } = view;
  const scale = state.session.pain;
  // The exercise's score if it has one (back on an exercise already scored), else none.
  const pain = painControl({ id: 'session-pain', label: `Pain during ${exercise.name.toLowerCase()}`, scale, value: exercise.pain });
  const status = statusLine('session-pain-status');
  const save = el('button', { type: 'button', id: 'save-pain', class: 'primary' }, 'Save pain and continue');
  save.addEventListener('click', async () => {
    pain.invalid(false);
    const chosen = pain.value();
    try {
      // Nothing chosen is sent as nothing: the backend refuses it, naming the field.
      const answer = await api.recordPain(state.session.id, exercise.id, chosen);
      if (!ctx.isCurrent()) return;
      state.session = answer.session;
      const next = state.session.exercises.findIndex((e) => e.id === state.session.resume_at);
      if (next >= 0) state.index = next;
      draw(view);
      showOk(view.status, `Pain saved: ${chosen}/${scale.max} for ${exercise.name}.`);
      showSafety(view.status, answer.safety);
      const target = allScored(state.session) ? 'finish-session' : 'exercise-name';
      const node = document.getElementById(target);
      if (node) {
        if (target === 'exercise-name') node.setAttribute('tabindex', '-1');
        node.focus();
      }
    } catch (error) {
      if (!ctx.isCurrent()) return;
      showError(status, error);
      refusePain(pain, error);
    }
  });
  return el('section', { class: 'card', id: 'pain-question', 'aria-label': 'Pain' }, pain.field, el('div', { class: 'actions' }, save), status);
}

function navigation(view) {
  const { state } = view;
  const prev = el('button', { type: 'button', id: 'prev-exercise' }, 'Previous exercise');
  const next = el('button', { type: 'button', id: 'next-exercise' }, 'Next exercise');
  if (state.index === 0) prev.setAttribute('aria-disabled', 'true');
  if (state.index === state.session.exercises.length - 1) next.setAttribute('aria-disabled', 'true');
  prev.addEventListener('click', () => {
    if (state.index > 0) {
      state.index -= 1;
      draw(view);
    }
  });
  next.addEventListener('click', () => {
    if (state.index < state.session.exercises.length - 1) {
      state.index += 1;
      draw(view);
    }
  });
  return el('nav', { class: 'actions session-nav', 'aria-label': 'Exercises in this session' }, prev, next);
}

function finishSection(view) {
  const { state, ctx } = view;
  if (!allScored(state.session)) {
    const left = state.session.exercises.filter((e) => e.pain === null || e.pain === undefined).length;
    return el('p', { class: 'muted', id: 'session-left' }, `${left} exercise${left === 1 ? '' : 's'} still to score. Your sets are saved as you go.`);
  }
  const button = el('button', { type: 'button', id: 'finish-session', class: 'primary big' }, 'Finish session');
  button.addEventListener('click', async () => {
    try {
      const finished = await api.finishSession(state.session.id);
      if (!ctx.isCurrent()) return;
      stopTimer(state);
      view.status.textContent = '';
      view.body.replaceChildren(summary(finished));
      document.getElementById('session-summary-title')?.focus();
    } catch (error) {
      if (ctx.isCurrent()) showError(view.status, error);
    }
  });
  return el('div', { class: 'card finish' }, el('p', {}, 'Every exercise has its pain score.'), el('div', { class: 'actions' }, button));
}

function summary(finished) {
  return el(
    'section',
    { id: 'session-summary', 'aria-labelledby': 'session-summary-title' },
    el('h2', { id: 'session-summary-title', tabindex: '-1' }, 'Session finished'),
    el('ul', { id: 'session-changes', class: 'changes' }, finished.changes.map((line) => el('li', {}, line))),
    decisionBlock(finished.decision),
    el('p', {}, el('a', { href: '#/today' }, 'Back to Today'), ' · ', el('a', { href: '#/program' }, 'See the ladder'))
  );
}
