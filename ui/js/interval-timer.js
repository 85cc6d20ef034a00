// The walk/jog interval timer of a run day, in the Running screen's "Today" card. The
// sets and minutes come with the plan; the timer only counts them.

import { el } from './dom.js';
import { beep } from './protocol-ui.js';

/** "4:05" from seconds. */
function clock(seconds) {
  const s = Math.max(0, Math.round(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/**
 * Walk/jog intervals: for each set, walk then jog, counting down each phase with a tone
 * and a visible cue at every change. "Next" moves on early; the time comes from the
 * wall clock so a busy or throttled page does not drift. It puts its stop on
 * `body.stopTimer`, so a redraw of the page stops it.
 */
export function intervalTimer(body, today, ctx) {
  const phases = [];
  for (let set = 1; set <= today.sets; set += 1) {
    phases.push({ name: 'Walk', set, seconds: today.walk_minutes * 60 });
    phases.push({ name: 'Jog', set, seconds: today.jog_minutes * 60 });
  }
  const phaseLine = el('p', { id: 'timer-phase', class: 'timer', 'aria-live': 'assertive' }, 'Ready');
  const remaining = el('p', { id: 'timer-remaining', class: 'timer-remaining', role: 'timer' }, clock(phases[0].seconds));
  const setLine = el('p', { id: 'timer-set', class: 'muted' }, `${today.sets} sets of walk ${today.walk_minutes} min, jog ${today.jog_minutes} min`);
  const start = el('button', { type: 'button', id: 'timer-start', class: 'primary' }, 'Start the intervals');
  const next = el('button', { type: 'button', id: 'timer-next', disabled: true }, 'Next phase');
  const stop = el('button', { type: 'button', id: 'timer-stop', disabled: true }, 'Stop');
  let index = 0;
  let endsAt = 0;
  let interval = null;

  const halt = () => {
    if (interval) clearInterval(interval);
    interval = null;
    next.disabled = true;
    stop.disabled = true;
    start.disabled = false;
  };
  const enter = (i) => {
    index = i;
    if (index >= phases.length) {
      halt();
      phaseLine.textContent = 'Finished: cool down with an easy walk, then log the run below.';
      remaining.textContent = clock(0);
      beep();
      return;
    }
    const phase = phases[index];
    endsAt = Date.now() + phase.seconds * 1000;
    phaseLine.textContent = `${phase.name}`;
    phaseLine.dataset.phase = phase.name.toLowerCase();
    setLine.textContent = `Set ${phase.set} of ${today.sets}`;
    remaining.textContent = clock(phase.seconds);
    if (i > 0) beep();
  };
  const tick = () => {
    if (!ctx.isCurrent() || !document.body.contains(remaining)) {
      halt();
      return;
    }
    const left = (endsAt - Date.now()) / 1000;
    if (left <= 0) enter(index + 1);
    else remaining.textContent = clock(Math.ceil(left));
  };
  start.addEventListener('click', () => {
    halt();
    enter(0);
    interval = setInterval(tick, 250);
    start.disabled = true;
    next.disabled = false;
    stop.disabled = false;
  });
  next.addEventListener('click', () => enter(index + 1));
  stop.addEventListener('click', () => {
    halt();
    phaseLine.textContent = 'Stopped.';
  });
  body.stopTimer = halt;
  return el(
    'div',
    { id: 'interval-timer', class: 'interval-timer' },
    el('h3', {}, 'Interval timer'),
    phaseLine,
    remaining,
    setLine,
    el('div', { class: 'actions' }, start, next, stop)
  );
}
