// The guided session (#/session): one exercise at a time, each set saved as soon as it is
// done (a crash keeps it), − / + steppers for repetitions and seconds, a hold timer with a
// count-in (Space starts and stops it, Enter saves a set), pain on the backend's scale
// after each exercise, and a short summary when the session is finished. Every word that
// counts sets, the steppers' bounds and the summary come with the session view (core).

import * as api from '../api.js';
import { el, list, loadPage, showError, showOk, statusLine } from '../dom.js';
import { picture } from '../figure-ui.js';
import { showSafety } from '../safety-ui.js';
import { painControl, refusePain } from '../pain-ui.js';
import { beep, doseLineBlock, safelyBlock } from '../protocol-ui.js';
import { SESSION_KEYS, onChoice, sessionHint, typingIn } from '../shortcuts.js';

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
      // `howOpen`: the user's own opening or folding of an exercise's steps, kept across redraws.
      const state = { session, index: firstOpen(session), timer: null, saving: false, howOpen: {} };
      const view = { body, status, ctx, byId, doseLines, state, pictures: protocol.pictures };
      draw(view);
      wireKeys(view);
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

/** A timer sentence from the view with its `{name}`s filled in. */
function fill(template, values) {
  return template.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));
}

function draw(view) {
  const { body, state } = view;
  stopTimer(state);
  const exercise = state.session.exercises[state.index];
  const info = view.byId[exercise.id];
  // What to do now first — the exercise and its dose, its demonstration beside the set
  // controls — then how to do it (folded once it has been shown before), then pain.
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
  return el(
    'section',
    { id: 'session-exercise', class: 'card', 'aria-labelledby': 'exercise-name' },
    el('p', { class: 'muted', id: 'exercise-position' }, exercise.position),
    el('h2', { id: 'exercise-name' }, exercise.name),
    el('p', { class: 'dose', id: 'exercise-dose' }, exercise.today.text, ' ', el('span', { class: 'muted', id: 'exercise-dose-why' }, exercise.today.why))
  );
}

function howSection(view, exercise, info) {
  const { state } = view;
  const open = exercise.id in state.howOpen ? state.howOpen[exercise.id] : exercise.steps_open;
  const steps = el(
    'details',
    { id: 'session-how-steps', class: 'how-steps', open },
    el('summary', {}, el('h2', { id: 'session-how-title' }, 'How to do it')),
    el('p', {}, info.purpose),
    list('ol', info.steps, { class: 'steps' }),
    el('p', { class: 'muted described' }, info.described),
    el('details', {}, el('summary', {}, 'Cues and common mistakes'), el('h3', {}, 'Cues'), list('ul', info.cues), el('h3', {}, 'Common mistakes'), list('ul', info.mistakes))
  );
  steps.addEventListener('toggle', () => {
    state.howOpen[exercise.id] = steps.open;
  });
  return el(
    'section',
    { id: 'session-how', class: 'card', 'aria-labelledby': 'session-how-title' },
    steps,
    doseLineBlock(view.doseLines[exercise.id], 'exercise-dose-line'),
    el('p', {}, el('a', { href: '#/guide/treatment', id: 'exercise-guide-link' }, 'Why this exercise, in the guide')),
    safelyBlock(info, 'session-safely')
  );
}

function setsSection(view, exercise, info) {
  const hold = exercise.measure === 'hold';
  const done = exercise.sets.length;
  const children = [
    el('h2', { id: 'sets-title' }, 'Sets'),
    el('p', { id: 'set-count', class: 'set-count' }, exercise.count),
    hold ? holdControls(view, exercise) : repControls(view, exercise),
    el('p', { class: 'hint keys-hint', id: 'session-keys' }, sessionHint(hold)),
    el('ol', { id: 'sets-done', class: 'sets-done' }, exercise.set_lines.map((line) => el('li', {}, line))),
  ];
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
  return el('section', { class: 'card session-sets', 'aria-labelledby': 'sets-title' }, ...children);
}

async function saveSet(view, exercise, amount) {
  const { state } = view;
  // One save at a time: a second Enter while the first is on its way saves nothing more.
  if (state.saving) return;
  state.saving = true;
  try {
    const session = await api.recordSet(state.session.id, exercise.id, amount);
    if (!view.ctx.isCurrent()) return;
    state.session = session;
    draw(view);
    const saved = session.exercises.find((e) => e.id === exercise.id);
    if (saved && saved.saved) showOk(view.status, saved.saved);
    document.getElementById(exercise.measure === 'hold' ? 'start-hold' : 'save-set')?.focus();
  } catch (error) {
    if (!view.ctx.isCurrent()) return;
    showError(view.status, error);
    const field = document.getElementById(exercise.measure === 'hold' ? 'hold-seconds' : 'set-amount');
    if (field && error.field === 'amount') field.setAttribute('aria-invalid', 'true');
  } finally {
    state.saving = false;
  }
}

/**
 * The − / + control for one set's repetitions or seconds: big buttons with names, the
 * number field between them (typed into as well), its bounds and start from the view.
 */
function stepper(exercise, id) {
  const s = exercise.stepper;
  const input = el('input', { type: 'number', id, class: 'stepper-value', min: s.min, max: s.max, step: s.step, inputmode: 'numeric', value: s.start });
  const fewer = el('button', { type: 'button', id: `${id}-fewer`, class: 'step', 'aria-label': s.fewer, 'aria-controls': id }, '−');
  const more = el('button', { type: 'button', id: `${id}-more`, class: 'step', 'aria-label': s.more, 'aria-controls': id }, '+');
  const current = () => {
    const n = Number(input.value);
    return input.value.trim() !== '' && Number.isInteger(n) ? n : s.start;
  };
  const mark = () => {
    const n = current();
    for (const [button, atEnd] of [[fewer, n <= s.min], [more, n >= s.max]]) {
      if (atEnd) button.setAttribute('aria-disabled', 'true');
      else button.removeAttribute('aria-disabled');
    }
  };
  const move = (button, by) => {
    if (button.getAttribute('aria-disabled') === 'true') return;
    input.value = String(Math.min(s.max, Math.max(s.min, current() + by)));
    input.removeAttribute('aria-invalid');
    mark();
  };
  fewer.addEventListener('click', () => move(fewer, -s.step));
  more.addEventListener('click', () => move(more, s.step));
  input.addEventListener('input', mark);
  mark();
  const node = el('div', { class: 'field stepper-field' }, el('label', { for: id }, s.label), el('div', { class: 'stepper' }, fewer, input, more));
  return { node, input };
}

function repControls(view, exercise) {
  const { node, input } = stepper(exercise, 'set-amount');
  const save = el('button', { type: 'button', id: 'save-set', class: 'primary big' }, exercise.stepper.save);
  save.addEventListener('click', () => saveSet(view, exercise, input.value));
  input.addEventListener('keydown', (event) => {
    if (event.key === SESSION_KEYS.save) {
      event.preventDefault();
      saveSet(view, exercise, input.value);
    }
  });
  return el('div', { class: 'set-entry' }, node, el('div', { class: 'actions' }, save));
}

function holdControls(view, exercise) {
  const { state, ctx } = view;
  const words = state.session.timer;
  const { node, input } = stepper(exercise, 'hold-seconds');
  const timer = el('p', { id: 'timer', class: 'timer', role: 'timer', 'aria-live': 'assertive' }, words.ready);
  const startButton = el('button', { type: 'button', id: 'start-hold', class: 'primary big' }, 'Start hold');
  const stopButton = el('button', { type: 'button', id: 'stop-hold', class: 'primary big', hidden: true }, 'Stop');
  const save = el('button', { type: 'button', id: 'save-set' }, exercise.stepper.save);

  const finish = (seconds) => {
    stopTimer(state);
    stopButton.hidden = true;
    startButton.hidden = false;
    timer.dataset.running = 'false';
    if (seconds >= 1) saveSet(view, exercise, seconds);
    else {
      timer.textContent = words.too_short;
      startButton.focus();
    }
  };

  startButton.addEventListener('click', () => {
    const target = Number(input.value);
    if (!Number.isInteger(target) || target < exercise.stepper.min) {
      // Let the backend word the rule: it names the field and the range.
      saveSet(view, exercise, input.value);
      return;
    }
    stopTimer(state);
    startButton.hidden = true;
    stopButton.hidden = false;
    stopButton.focus();
    timer.classList.remove('done');
    timer.dataset.running = 'true';
    let tick = 0;
    timer.textContent = fill(words.get_ready, { n: words.count_in });
    const interval = setInterval(() => {
      if (!ctx.isCurrent()) {
        clearInterval(interval);
        return;
      }
      tick += 1;
      if (tick < words.count_in) {
        timer.textContent = fill(words.get_ready, { n: words.count_in - tick });
        return;
      }
      const held = tick - words.count_in;
      state.timer.held = held;
      if (held === 0) {
        timer.textContent = fill(words.begin, { target });
        return;
      }
      if (held >= target) {
        timer.textContent = fill(words.done, { held });
        timer.classList.add('done');
        beep();
        finish(held);
        return;
      }
      timer.textContent = fill(words.holding, { held, target });
    }, 1000);
    state.timer = { interval, held: 0, stop: () => stopButton.click() };
  });
  stopButton.addEventListener('click', () => finish(state.timer ? state.timer.held : 0));
  save.addEventListener('click', () => {
    if (!state.timer) saveSet(view, exercise, input.value);
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === SESSION_KEYS.save) {
      event.preventDefault();
      if (!state.timer) saveSet(view, exercise, input.value);
    }
  });
  return el('div', { class: 'set-entry' }, node, timer, el('div', { class: 'actions' }, startButton, stopButton, save));
}

/**
 * The session's keys, while it is the page shown: Space starts or stops the hold unless
 * the focus is in a field or on a choice (a pain score); Enter saves a set (stops and saves
 * a running hold) unless the focus is on something Enter works itself. No key acts while a
 * dialog is open.
 */
function wireKeys(view) {
  const onKey = (event) => {
    if (!view.ctx.isCurrent()) {
      document.removeEventListener('keydown', onKey);
      return;
    }
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || event.shiftKey) return;
    if (document.querySelector('dialog[open]')) return;
    const target = event.target;
    if (typingIn(target) || onChoice(target)) return;
    if (event.key === SESSION_KEYS.hold) {
      const start = document.getElementById('start-hold');
      if (!start) return;
      event.preventDefault();
      if (event.repeat) return;
      if (view.state.timer) view.state.timer.stop();
      else start.click();
    } else if (event.key === SESSION_KEYS.save) {
      if (target instanceof Element && target.closest('button, a[href], summary, [role="button"]')) return;
      const save = document.getElementById('save-set');
      if (!save) return;
      event.preventDefault();
      if (event.repeat) return;
      if (view.state.timer) view.state.timer.stop();
      else save.click();
    }
  };
  document.addEventListener('keydown', onKey);
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
  // Another exercise starts at the top, as the page does: its name, dose and set controls.
  const go = (by) => {
    state.index += by;
    draw(view);
    document.scrollingElement.scrollTop = 0;
    const name = document.getElementById('exercise-name');
    name.setAttribute('tabindex', '-1');
    name.focus({ preventScroll: true });
  };
  prev.addEventListener('click', () => {
    if (state.index > 0) go(-1);
  });
  next.addEventListener('click', () => {
    if (state.index < state.session.exercises.length - 1) go(1);
  });
  return el('nav', { class: 'actions session-nav', 'aria-label': 'Exercises in this session' }, prev, next);
}

function finishSection(view) {
  const { state, ctx } = view;
  if (!state.session.all_scored) {
    return el('p', { class: 'muted', id: 'session-left' }, state.session.scoring_left);
  }
  const button = el('button', { type: 'button', id: 'finish-session', class: 'primary big' }, 'Finish session');
  button.addEventListener('click', async () => {
    try {
      const finished = await api.finishSession(state.session.id);
      if (!ctx.isCurrent()) return;
      stopTimer(state);
      view.status.textContent = '';
      view.body.replaceChildren(summary(finished.summary));
      document.getElementById('session-summary-title')?.focus();
    } catch (error) {
      if (ctx.isCurrent()) showError(view.status, error);
    }
  });
  return el('div', { class: 'card finish' }, el('p', {}, state.session.scoring_left), el('div', { class: 'actions' }, button));
}

/** The end: what was done of each exercise with its pain, then what it means for the ladder. */
function summary(s) {
  const [exercise, did, pain] = s.headers;
  return el(
    'section',
    { id: 'session-summary', class: 'card', 'aria-labelledby': 'session-summary-title' },
    el('h2', { id: 'session-summary-title', tabindex: '-1' }, s.title),
    el('h3', { id: 'session-done-title' }, s.done_title),
    el(
      'table',
      { id: 'session-done', class: 'table session-done', 'aria-labelledby': 'session-done-title' },
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, exercise), el('th', { scope: 'col' }, did), el('th', { scope: 'col' }, pain))),
      el(
        'tbody',
        {},
        s.done.map((d) => el('tr', { 'data-exercise': d.id }, el('th', { scope: 'row' }, d.name), el('td', {}, d.sets), el('td', {}, d.pain)))
      )
    ),
    el('h3', {}, s.ladder_title),
    // The changes (or the decision's headline), then its reason and what comes next.
    el('ul', { id: 'session-changes', class: 'changes' }, s.changes.map((line) => el('li', {}, line))),
    el('p', { id: 'decision-reason' }, s.decision.reason),
    el('p', { id: 'decision-next', class: 'muted' }, s.decision.next),
    el(
      'p',
      { class: 'links' },
      el('a', { href: '#/today' }, 'Back to Today'),
      el('a', { href: '#/program' }, 'See the ladder'),
      el('a', { href: '#/guide/treatment' }, 'Why the program works this way')
    )
  );
}
