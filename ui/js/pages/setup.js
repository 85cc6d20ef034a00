// The first-run setup (#/setup): three short steps, each skippable, the whole setup too.
// Every word, choice and source comes with the backend's setup view (core/setup.rs);
// answers are saved as settings when a step is left forward (the same change the Settings
// page makes), and the end is recorded as done or skipped.

import * as api from '../api.js';
import { el, list, loadPage, SETUP_FINISHED, showError, showOk, statusLine } from '../dom.js';
import { desktopNotes } from '../desktop-notes-ui.js';

export function render(container, ctx) {
  return loadPage(container, ctx, {
    title: 'Setup',
    loading: 'Loading the setup…',
    load: api.getSetup,
    draw: (view) => {
      const body = el('div', { id: 'setup' });
      showStep({ view, ctx, body, index: 0 }, 0, false);
      return [el('p', { class: 'lead', id: 'setup-intro' }, view.texts.intro), body];
    },
  });
}

const STEPS = [safetyStep, youStep, remindersStep];

/** Draws step `index` into the wizard's body; moves the focus to its title when asked. */
function showStep(wizard, index, moveFocus) {
  wizard.index = index;
  const draw = STEPS[index];
  const step = draw(wizard);
  wizard.body.replaceChildren(step);
  if (moveFocus) step.querySelector('h2').focus();
  return wizard.body;
}

function stepCard(id, step, ...children) {
  const titleId = `setup-${id}-title`;
  return el(
    'section',
    { class: 'card setup-step', id: `setup-step-${id}`, 'data-step': id, 'aria-labelledby': titleId },
    el('p', { class: 'setup-progress muted', id: `setup-${id}-progress` }, step.progress),
    el('h2', { id: titleId, tabindex: '-1' }, step.title),
    el('p', {}, step.intro),
    ...children
  );
}

function button(id, text, primary) {
  return el('button', { type: 'button', id, class: primary ? 'primary' : null }, text);
}

/** Back / forward / skip this step / skip the setup, as each step has them. */
function actions(wizard, { back, forward, skipStep }) {
  const b = wizard.view.texts.buttons;
  const row = el('div', { class: 'actions setup-actions' });
  if (back) {
    const go = button('setup-back', b.back);
    go.addEventListener('click', () => showStep(wizard, wizard.index - 1, true));
    row.append(go);
  }
  row.append(forward);
  if (skipStep) {
    const skip = button('setup-skip-step', b.skip_step);
    skip.addEventListener('click', skipStep);
    row.append(skip);
  }
  const skipAll = button('setup-skip-all', b.skip_all);
  skipAll.addEventListener('click', () => skipSetup(wizard));
  row.append(skipAll);
  return row;
}

function next(wizard) {
  showStep(wizard, wizard.index + 1, true);
}

// --- step 1: safety -------------------------------------------------------------------

function safetyStep(wizard) {
  const { safety, buttons } = wizard.view.texts;
  const flags = safety.red_flags;
  const source = safety.safely_source;
  const forward = button('setup-next', buttons.next, true);
  forward.addEventListener('click', () => next(wizard));
  return stepCard(
    'safety',
    safety.step,
    el('p', { id: 'setup-is' }, safety.is),
    list('ul', safety.is_not, { id: 'setup-is-not', class: 'facts' }),
    el(
      'div',
      { class: 'setup-red-flags', role: 'group', 'aria-labelledby': 'setup-red-flags-title' },
      el('h3', { id: 'setup-red-flags-title' }, flags.label),
      el('p', {}, flags.intro),
      list('ul', flags.flags, { id: 'setup-red-flags', class: 'red-flag-list' }),
      el('p', { class: 'muted' }, flags.source)
    ),
    el(
      'div',
      { class: 'safely', role: 'group', 'aria-labelledby': 'setup-safely-title' },
      el('h3', { id: 'setup-safely-title' }, safety.safely_title),
      list('ul', safety.safely, { id: 'setup-safely' }),
      el('p', { class: 'muted', id: 'setup-safely-source' }, `${safety.safely_note} [${source.key}] ${source.reference}.`)
    ),
    el('p', {}, el('a', { href: safety.read_more.route, class: 'screen-link' }, safety.read_more.label)),
    statusLine('setup-status'),
    actions(wizard, { back: false, forward })
  );
}

// --- step 2: you ----------------------------------------------------------------------

/** A question as radio buttons, none chosen unless `current` is; pointers shown below. */
function radioQuestion(question, current) {
  const hintId = `setup-${question.name}-hint`;
  const pointer = el('div', { class: 'setup-pointer', id: `setup-${question.name}-pointer`, 'aria-live': 'polite' });
  const showPointer = (value) => {
    const choice = question.choices.find((c) => c.value === value);
    pointer.replaceChildren();
    if (choice && choice.pointer) {
      pointer.append(
        el('p', {}, choice.pointer.text),
        el('p', { class: 'links' }, choice.pointer.links.map((link) => el('a', { href: link.route, class: 'screen-link' }, link.label)))
      );
    }
  };
  const options = question.choices.map((choice) => {
    const id = `setup-${question.name}-${choice.value}`;
    const input = el('input', { type: 'radio', name: question.name, id, value: choice.value, checked: choice.value === current });
    input.addEventListener('change', () => showPointer(choice.value));
    return el('label', { for: id, class: 'inline' }, input, ` ${choice.label}`);
  });
  showPointer(current);
  return el(
    'fieldset',
    { class: 'choice setup-question', id: `setup-${question.name}`, 'aria-describedby': hintId },
    el('legend', {}, question.label),
    el('p', { class: 'hint', id: hintId }, question.hint),
    el('div', { class: 'setup-options' }, options),
    pointer
  );
}

function chosen(container, name) {
  const picked = container.querySelector(`input[name="${name}"]:checked`);
  return picked ? picked.value : null;
}

function youStep(wizard) {
  const { you, buttons } = wizard.view.texts;
  const settings = wizard.view.settings.settings;
  const status = statusLine('setup-status');
  const forward = button('setup-next', buttons.next, true);
  const card = stepCard(
    'you',
    you.step,
    radioQuestion(you.side, settings.painful_side),
    radioQuestion(you.diagnosis, settings.diagnosis),
    el('p', { class: 'muted' }, you.used_for),
    status,
    actions(wizard, { back: true, forward, skipStep: () => next(wizard) })
  );
  forward.addEventListener('click', async () => {
    // Only what was answered is sent: nothing is decided for the user.
    const patch = {};
    for (const q of [you.side, you.diagnosis]) {
      const value = chosen(card, q.name);
      if (value !== null) patch[q.name] = value;
    }
    if (Object.keys(patch).length && !(await saveSettings(wizard, patch, status, card))) return;
    next(wizard);
  });
  return card;
}

// --- step 3: reminders ----------------------------------------------------------------

function textField(name, field, control) {
  const id = `setup-${name}`;
  control.id = id;
  control.name = name;
  control.setAttribute('aria-describedby', `${id}-hint`);
  return el('div', { class: 'field' }, el('label', { for: id }, field.label), control, el('p', { class: 'hint', id: `${id}-hint` }, field.hint));
}

function remindersStep(wizard) {
  const { reminders, buttons } = wizard.view.texts;
  const settings = wizard.view.settings.settings;
  const status = statusLine('setup-status');
  const forward = button('setup-finish', buttons.finish, true);
  const login = el('input', { type: 'checkbox', id: 'setup-start_at_login', name: 'start_at_login', checked: wizard.view.start_at_login_offered, 'aria-describedby': 'setup-start_at_login-why' });
  const fixed = el('input', { type: 'text', inputmode: 'numeric', autocomplete: 'off', value: settings.fixed_times.join(', ') });
  const card = stepCard(
    'reminders',
    reminders.step,
    radioQuestion(reminders.count, String(settings.stretches_per_day)),
    el(
      'div',
      { class: 'field-row' },
      textField('reminder_window_start', reminders.window_start, el('input', { type: 'time', value: settings.reminder_window_start })),
      textField('reminder_window_end', reminders.window_end, el('input', { type: 'time', value: settings.reminder_window_end }))
    ),
    textField('fixed_times', reminders.fixed_times, fixed),
    desktopNotes(),
    testReminder(reminders.test),
    el(
      'div',
      { class: 'field setup-login' },
      el('label', { for: login.id, class: 'inline' }, login, ` ${reminders.login.label}`),
      el('p', { class: 'hint', id: 'setup-start_at_login-why' }, reminders.login.why)
    ),
    status,
    actions(wizard, { back: true, forward, skipStep: () => finish(wizard, 'done', status) })
  );
  forward.addEventListener('click', async () => {
    const patch = {
      stretches_per_day: chosen(card, reminders.count.name),
      reminder_window_start: card.querySelector('#setup-reminder_window_start').value,
      reminder_window_end: card.querySelector('#setup-reminder_window_end').value,
      fixed_times: fixed.value,
      start_at_login: login.checked,
    };
    if (patch.stretches_per_day === null) delete patch.stretches_per_day;
    if (await saveSettings(wizard, patch, status, card)) finish(wizard, 'done', status);
  });
  return card;
}

/** "Send a test reminder", then "A test reminder was sent. Did you see it?" with Yes / No. */
function testReminder(texts) {
  const send = button('setup-test-reminder', texts.button);
  const result = statusLine('setup-test-status');
  const answer = el('div', { class: 'actions', id: 'setup-test-answer', hidden: true });
  const yes = button('setup-test-yes', texts.yes);
  const no = button('setup-test-no', texts.no);
  const reply = el('p', { id: 'setup-test-reply', 'aria-live': 'polite' });
  answer.append(yes, no);
  yes.addEventListener('click', () => {
    reply.textContent = texts.seen;
  });
  no.addEventListener('click', () => {
    reply.textContent = texts.not_seen;
  });
  let sending = false;
  send.addEventListener('click', async () => {
    if (sending) return;
    sending = true;
    send.setAttribute('aria-disabled', 'true');
    answer.hidden = true;
    reply.textContent = '';
    try {
      await api.sendTestReminder();
      showOk(result, texts.sent);
      answer.hidden = false;
    } catch (error) {
      showError(result, error);
    } finally {
      sending = false;
      send.removeAttribute('aria-disabled');
    }
  });
  return el('div', { class: 'field test-reminder' }, el('p', { class: 'hint' }, texts.intro), el('div', { class: 'actions' }, send), result, answer, reply);
}

// --- saving and ending ----------------------------------------------------------------

/** Saves `patch` as a settings change; on a refusal, says why and marks the field. */
async function saveSettings(wizard, patch, status, card) {
  for (const node of card.querySelectorAll('[aria-invalid]')) node.removeAttribute('aria-invalid');
  try {
    wizard.view.settings = await api.updateSettings(patch);
    return true;
  } catch (error) {
    if (!wizard.ctx.isCurrent()) return false;
    showError(status, error);
    const field = error.field && card.querySelector(`[name="${error.field}"]`);
    if (field) {
      field.setAttribute('aria-invalid', 'true');
      field.focus();
    }
    return false;
  }
}

async function finish(wizard, outcome, status) {
  try {
    await api.finishSetup(outcome);
  } catch (error) {
    if (wizard.ctx.isCurrent()) showError(status, error);
    return;
  }
  document.dispatchEvent(new CustomEvent(SETUP_FINISHED));
  if (wizard.ctx.isCurrent()) location.hash = '#/today';
}

/** Skipping a first setup records it as skipped; leaving a re-run changes nothing. */
async function skipSetup(wizard) {
  if (wizard.view.state !== 'pending') {
    location.hash = '#/settings';
    return;
  }
  // Every step has its status line, where a failure to record the skip is said.
  await finish(wizard, 'skipped', wizard.body.querySelector('#setup-status'));
}
