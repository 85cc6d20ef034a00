// The Self-tests screen: the three tests with their steps, pain / no pain per leg with a
// date, what the results mean, the gate tests and the history of earlier results.

import * as api from '../api.js';
import { el, list, loadPage, showError, showOk, statusLine } from '../dom.js';
import { picture } from '../figure-ui.js';
import { cites, gatesList } from '../protocol-ui.js';
import { friendlyDate } from '../dates.js';

export function render(container, ctx) {
  const intro = el(
    'p',
    { class: 'lead' },
    'Three simple tests help tell whether your pain fits high hamstring tendinopathy. Do each one on both legs and note whether it hurt. ',
    el('a', { href: '#/guide/self-tests', id: 'guide-link-self-tests' }, 'About these tests in the guide')
  );
  return loadPage(container, ctx, {
    title: 'Self-tests',
    intro: [intro],
    loading: 'Loading the tests…',
    load: () => Promise.all([api.getSelfTests(), api.getProtocol()]),
    draw: ([view, protocol]) => draw(el('div', { id: 'self-tests-body' }), view, protocol, ctx),
  });
}

function draw(page, view, protocol, ctx) {
  const diagnostic = protocol.tests.filter((t) => t.diagnostic);
  const gate = protocol.tests.filter((t) => t.gate === 'running');
  const names = Object.fromEntries(protocol.tests.map((t) => [t.id, t.name]));
  const redraw = (next) => {
    draw(page, next, protocol, ctx);
  };
  page.replaceChildren(
    ...diagnostic.map((t) => testCard(t, protocol.pictures)),
    testForm(diagnostic, view, ctx, redraw),
    interpretation(view.interpretation),
    el('h2', { class: 'section-title' }, 'Gate tests'),
    el('p', {}, view.gates_text),
    ...gate.map((t) => testCard(t, protocol.pictures)),
    gateForm(gate, view, ctx, redraw),
    gatesList(view.gates),
    history(view.history, names)
  );
  return page;
}

function testCard(test, pictures) {
  return el(
    'section',
    { class: 'card test-card', 'data-test': test.id, 'aria-labelledby': `test-${test.id}-title` },
    el('h2', { id: `test-${test.id}-title` }, test.name),
    picture(pictures, test.id, 'thumb'),
    el('p', {}, `${test.summary}${cites(test.citations)}`),
    list('ol', test.steps, { class: 'steps' }),
    el('p', {}, el('strong', {}, 'A positive result: '), test.positive),
    list('ul', test.cautions, { class: 'cautions' })
  );
}

/** Pain / no pain for one test on one leg; the painful side (the setup's answer) marked. */
function sideChoice(test, leg) {
  const side = leg.side;
  const name = `${test.id}-${side}`;
  const pain = el('input', { type: 'radio', name, id: `st-${name}-pain`, value: 'pain' });
  const none = el('input', { type: 'radio', name, id: `st-${name}-none`, value: 'none' });
  return el(
    'fieldset',
    { class: leg.painful ? 'choice painful-side' : 'choice', 'data-test': test.id, 'data-side': side, 'data-painful': String(leg.painful) },
    el('legend', {}, `${test.name}, ${leg.label}`, leg.mark ? el('span', { class: 'side-mark' }, ` (${leg.mark})`) : null),
    el('label', { for: pain.id, class: 'inline' }, pain, ' Pain'),
    el('label', { for: none.id, class: 'inline' }, none, ' No pain')
  );
}

/** Pain / no pain for each test on each leg. */
function choices(tests, legs) {
  return el('div', { class: 'choices' }, tests.flatMap((test) => legs.map((leg) => sideChoice(test, leg))));
}

function answers(form, tests, legs) {
  const results = [];
  for (const test of tests) {
    for (const { side } of legs) {
      const picked = form.querySelector(`input[name="${test.id}-${side}"]:checked`);
      if (picked) results.push({ test_id: test.id, side, painful: picked.value === 'pain' });
    }
  }
  return results;
}

function dateField(id, label, day, hint) {
  return el(
    'div',
    { class: 'field' },
    el('label', { for: id }, label),
    el('input', { type: 'date', id, value: day.value, min: day.min, max: day.max, 'aria-describedby': `${id}-hint` }),
    el('p', { class: 'hint', id: `${id}-hint` }, hint)
  );
}

/** On submit, saves what `input()` reads from `form`, then redraws the page with the answer. */
function saveOnSubmit(form, status, ctx, redraw, okText, input) {
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    for (const node of form.querySelectorAll('[aria-invalid]')) node.removeAttribute('aria-invalid');
    try {
      const next = await api.recordSelfTests(input());
      if (!ctx.isCurrent()) return;
      redraw(next);
      const line = document.getElementById(status.id);
      if (line) showOk(line, okText);
    } catch (error) {
      if (!ctx.isCurrent()) return;
      showError(status, error);
      if (error.field === 'taken_on') form.querySelector('input[type="date"]')?.setAttribute('aria-invalid', 'true');
    }
  });
}

function testForm(tests, view, ctx, redraw) {
  const legs = view.legs;
  const status = statusLine('self-tests-status');
  const form = el(
    'form',
    { id: 'self-test-form', class: 'card', novalidate: true, 'aria-labelledby': 'self-test-form-title' },
    el('h2', { id: 'self-test-form-title' }, 'Record your results'),
    dateField('taken-on', 'Date of the tests', view.taken_on, view.date_hint),
    choices(tests, legs),
    el('div', { class: 'actions' }, el('button', { type: 'submit', id: 'save-self-tests', class: 'primary' }, 'Save results')),
    status
  );
  saveOnSubmit(form, status, ctx, redraw, 'Results saved.', () => ({ taken_on: form.querySelector('#taken-on').value, results: answers(form, tests, legs) }));
  return form;
}

function gateForm(tests, view, ctx, redraw) {
  const status = statusLine('gate-tests-status');
  const rom = el('input', { type: 'checkbox', id: 'rom-normal', checked: !!(view.range_of_motion && view.range_of_motion.normal) });
  const form = el(
    'form',
    { id: 'gate-test-form', class: 'card', novalidate: true, 'aria-labelledby': 'gate-form-title' },
    el('h2', { id: 'gate-form-title' }, 'Record the running gate'),
    dateField('gate-taken-on', 'Date of the test', view.taken_on, view.date_hint),
    choices(tests, view.legs),
    el('label', { for: 'rom-normal', class: 'inline' }, rom, ' My range of motion is back to normal'),
    el('div', { class: 'actions' }, el('button', { type: 'submit', id: 'save-gate-tests', class: 'primary' }, 'Save')),
    status
  );
  saveOnSubmit(form, status, ctx, redraw, 'Saved.', () => ({
    taken_on: form.querySelector('#gate-taken-on').value,
    results: answers(form, tests, view.legs),
    range_of_motion_normal: rom.checked,
  }));
  return form;
}

function interpretation(found) {
  const see = found.see_also.length
    ? el(
        'p',
        { class: 'links' },
        'Read more: ',
        found.see_also.map((link) => el('a', { href: `#/guide/${link.id}`, class: 'screen-link' }, link.label))
      )
    : null;
  return el(
    'section',
    { id: 'interpretation', class: `card finding-${found.finding}`, 'aria-labelledby': 'interpretation-headline' },
    el('h2', { id: 'interpretation-headline' }, found.headline),
    found.explanation.map((p) => el('p', {}, p)),
    found.positives.length ? el('p', { class: 'list-title' }, 'Painful:') : null,
    list('ul', found.positives, { id: 'interpretation-positives' }),
    found.missing.length ? el('p', { class: 'list-title' }, 'Still to record:') : null,
    list('ul', found.missing, { id: 'interpretation-missing' }),
    see
  );
}

function history(rounds, names) {
  const body = rounds.length
    ? el(
        'ul',
        { id: 'self-test-history', class: 'history' },
        rounds.map((round) =>
          el(
            'li',
            {},
            el('strong', {}, friendlyDate(round.taken_on)),
            el(
              'ul',
              {},
              round.results.map((r) => el('li', {}, `${names[r.test_id] || r.test_id}, ${r.side}: ${r.painful ? 'pain' : 'no pain'}`))
            )
          )
        )
      )
    : el('p', { id: 'self-test-history', class: 'muted' }, 'No results recorded yet.');
  return el('section', { 'aria-labelledby': 'history-title' }, el('h2', { id: 'history-title', class: 'section-title' }, 'Earlier results'), body);
}
