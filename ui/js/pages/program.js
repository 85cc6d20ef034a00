// The Program screen: the ladder with each step's status and instructions, the decision and
// its reason, moves by hand (confirmed), the ladder's history and the references.

import * as api from '../api.js';
import { adviceDialog, confirmDialog } from '../confirm-ui.js';
import { el, list, loadPage, showError, statusLine } from '../dom.js';
import { picture } from '../figure-ui.js';
import { cites, decisionBlock, doseLineBlock, safelyBlock } from '../protocol-ui.js';
import { friendlyDate } from '../dates.js';

export function render(container, ctx) {
  return loadPage(container, ctx, {
    title: 'Program',
    loading: 'Loading your program…',
    load: () => Promise.all([api.getProgram(), api.getProtocol()]),
    draw: ([program, protocol]) => draw(el('div', { id: 'program-body' }), program.progress, protocol, ctx, program.advice),
  });
}

function rulesLine(progress) {
  return el('p', { id: 'rules-line' }, `${progress.rule_line} `, el('a', { href: '#/settings' }, 'Change it in Settings'));
}

function draw(body, progress, protocol, ctx, adviceTexts) {
  const status = statusLine('program-status');
  body.replaceChildren(
    decisionBlock(progress.decision),
    rulesLine(progress),
    moveControls(progress, protocol, status, (next) => draw(body, next, protocol, ctx, adviceTexts), ctx, adviceTexts),
    status,
    ladder(progress, protocol),
    history(progress, protocol),
    references(protocol)
  );
  return body;
}

function stepStatusText(step) {
  if (step.status === 'current') return step.since ? `Current step since ${friendlyDate(step.since)}` : 'Current step';
  if (step.status === 'unlocked') return step.since ? `Unlocked since ${friendlyDate(step.since)}` : 'Unlocked';
  return 'Locked';
}

function ladder(progress, protocol) {
  return el(
    'section',
    { 'aria-labelledby': 'ladder-title' },
    el('h2', { id: 'ladder-title', class: 'section-title' }, 'The exercise ladder'),
    el('p', { class: 'muted' }, 'Each session holds every unlocked exercise, in this order [3].'),
    el(
      'ol',
      { id: 'ladder', class: 'ladder' },
      progress.steps.map((step, i) => {
        const exercise = protocol.ladder[i];
        // Today's dose, for every step in today's session (built up from the log by the backend).
        const dose = progress.doses.find((d) => d.id === step.id);
        return el(
          'li',
          { 'data-exercise': step.id, 'data-status': step.status, class: `step step-${step.status}` },
          el('div', { class: 'step-head' }, el('span', { class: 'step-name' }, step.name), el('span', { class: 'badge' }, stepStatusText(step))),
          dose ? el('p', { class: 'step-dose', 'data-full': String(dose.full) }, dose.text, ' ', el('span', { class: 'muted' }, dose.why)) : null,
          picture(protocol.pictures, step.id, 'thumb'),
          el(
            'details',
            {},
            el('summary', {}, 'How to do it'),
            el('p', {}, exercise.purpose),
            doseLineBlock(protocol.doses[i], `dose-line-${exercise.id}`),
            el('h3', {}, 'Steps'),
            list('ol', exercise.steps),
            el('p', { class: 'muted described' }, exercise.described),
            safelyBlock(exercise, `safely-${exercise.id}`),
            el('h3', {}, 'Cues'),
            list('ul', exercise.cues),
            el('h3', {}, 'Common mistakes'),
            list('ul', exercise.mistakes),
            el('p', { class: 'muted' }, `Sources${cites(exercise.citations)} · `, el('a', { href: '#/guide/treatment' }, 'In the guide'))
          )
        );
      })
    )
  );
}

function moveControls(progress, protocol, status, redraw, ctx, adviceTexts) {
  const last = protocol.ladder.length - 1;
  const back = el('button', { type: 'button', id: 'step-back' }, 'Step back one exercise');
  const forward = el('button', { type: 'button', id: 'step-forward' }, 'Step forward one exercise');
  if (progress.level === 0) back.setAttribute('aria-disabled', 'true');
  if (progress.level === last) forward.setAttribute('aria-disabled', 'true');
  const suggestion =
    progress.decision.suggested_step !== null && progress.decision.suggested_step !== undefined
      ? el('p', { class: 'note', id: 'step-back-suggestion' }, `Suggested: step back to ${protocol.ladder[progress.decision.suggested_step].name}.`)
      : null;

  const confirm = confirmDialog('confirm-move', 'Yes, move');
  const advice = adviceDialog('clinician-advice', adviceTexts);
  const move = async (to, answer) => {
    try {
      const view = await api.moveStep(to, answer);
      if (ctx.isCurrent()) {
        redraw(view.progress);
        document.getElementById('program-status').textContent = `Moved to ${protocol.ladder[to].name}.`;
      }
    } catch (error) {
      if (!ctx.isCurrent()) return;
      showError(status, error);
      // A step forward is made only on a clinician's advice: the backend's refusal asks.
      if (error.field === 'clinician_confirmed') advice.ask(error.message, (again) => move(to, again));
    }
  };
  const ask = (to) => {
    if (to < 0 || to > last) return;
    if (to > progress.level) {
      move(to);
      return;
    }
    confirm.ask(
      `Step back to ${protocol.ladder[to].name}?`,
      'Your sessions will hold the exercises up to this one; the count toward the next step starts again.',
      () => move(to)
    );
  };
  back.addEventListener('click', () => {
    if (back.getAttribute('aria-disabled') !== 'true') ask(progress.level - 1);
  });
  forward.addEventListener('click', () => {
    if (forward.getAttribute('aria-disabled') !== 'true') ask(progress.level + 1);
  });
  return el('div', { class: 'move-controls' }, suggestion, el('div', { class: 'actions' }, back, forward), confirm.dialog, advice.dialog);
}

function history(progress, protocol) {
  const items = [...progress.changes].reverse().map((c) => {
    const how = c.by_hand ? (c.to < c.from ? 'stepped back by hand' : 'stepped forward by hand') : 'unlocked';
    return el('li', {}, `${friendlyDate(c.date)}: ${protocol.ladder[c.from].name} → ${protocol.ladder[c.to].name} (${how})`);
  });
  return el(
    'section',
    { 'aria-labelledby': 'history-title' },
    el('h2', { id: 'history-title', class: 'section-title' }, 'Your ladder so far'),
    items.length ? el('ul', { id: 'ladder-history', class: 'facts' }, items) : el('p', { id: 'ladder-history', class: 'muted' }, 'No step changes yet.')
  );
}

function references(protocol) {
  return el(
    'section',
    { 'aria-labelledby': 'references-title' },
    el('h2', { id: 'references-title', class: 'section-title' }, 'References'),
    el(
      'ol',
      { id: 'references', class: 'references' },
      protocol.citations.map((c) => el('li', { value: String(c.n) }, `${c.source}. `, el('span', { class: 'muted' }, c.used_for)))
    )
  );
}
