// The Settings screen: each field saves on change; ranges and error messages come from the
// backend. "Your data" below the form is data-ui.js.

import * as api from '../api.js';
import { adviceDialog } from '../confirm-ui.js';
import { dataSection } from '../data-ui.js';
import { desktopNotes } from '../desktop-notes-ui.js';
import { el, loadPage, showError, showOk, statusLine } from '../dom.js';

const THEME_LABELS = { system: 'Follow the system', light: 'Light', dark: 'Dark' };
const STATUS_ID = 'settings-status';

export function render(container, ctx) {
  return loadPage(container, ctx, {
    title: 'Settings',
    loading: 'Loading your settings…',
    load: api.getSettings,
    draw: (view) => {
      const advice = adviceDialog('clinician-advice', view.advice);
      return [desktopNotes(), settingsForm(view, ctx, advice), advice.dialog, dataSection(ctx)];
    },
  });
}

/** "a, b or c": the backend's list of choices, read out in plain words. */
function joinOr(items) {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

function duration(minutes) {
  if (minutes % 60 !== 0) return `${minutes} minutes`;
  const hours = minutes / 60;
  return hours === 1 ? '1 hour' : `${hours} hours`;
}

function field(name, label, control, hint) {
  const id = `setting-${name}`;
  const hintId = `${id}-hint`;
  control.id = id;
  control.name = name;
  control.setAttribute('aria-describedby', hintId);
  return el(
    'div',
    { class: 'field' },
    el('label', { for: id }, label),
    control,
    el('p', { class: 'hint', id: hintId }, hint)
  );
}

function select(choices) {
  return el('select', {}, choices.map(([value, label]) => el('option', { value }, label)));
}

/** A setup question (core/setup.rs) as a select, "not answered" first. */
function answerSelect(question) {
  return select([['', question.unanswered], ...question.choices.map((c) => [c.value, c.label])]);
}

function numberInput({ min, max }) {
  return el('input', { type: 'number', min, max, step: 1, inputmode: 'numeric' });
}

function settingsForm(view, ctx, advice) {
  const { limits } = view;
  const status = statusLine(STATUS_ID);
  status.classList.add('sticky-status');
  const themeNames = limits.themes.map((t) => THEME_LABELS[t] || t);
  const stretchChoices = [];
  for (let n = limits.stretches_per_day.min; n <= limits.stretches_per_day.max; n += 1) {
    stretchChoices.push([String(n), String(n)]);
  }

  const form = el(
    'form',
    { id: 'settings-form', novalidate: true },
    status,
    el(
      'fieldset',
      {},
      el('legend', {}, 'Appearance'),
      field('theme', 'Theme', select(limits.themes.map((t) => [t, THEME_LABELS[t] || t])), `${joinOr(themeNames)}.`)
    ),
    el(
      'fieldset',
      {},
      el('legend', {}, 'Reminders'),
      field(
        'stretches_per_day',
        'Stretches per day',
        select(stretchChoices),
        `From ${limits.stretches_per_day.min} to ${limits.stretches_per_day.max} a day, spread through the window below.`
      ),
      el(
        'div',
        { class: 'field-row' },
        field('reminder_window_start', 'Reminders start at', el('input', { type: 'time' }), 'A time from 00:00 to 23:59.'),
        field(
          'reminder_window_end',
          'Reminders end at',
          el('input', { type: 'time' }),
          `At least ${duration(limits.min_window_minutes)} after the start.`
        )
      ),
      field(
        'fixed_times',
        'Fixed reminder times (optional)',
        el('input', { type: 'text', inputmode: 'numeric', autocomplete: 'off', placeholder: 'e.g. 09:00, 13:00, 17:30' }),
        `Up to ${limits.max_fixed_times} times, at least ${limits.min_fixed_gap_minutes} minutes apart, separated by commas. Leave empty to spread the reminders through the window.`
      ),
      el(
        'div',
        { class: 'field-row' },
        field(
          'snooze_minutes',
          'Snooze for (minutes)',
          numberInput(limits.snooze_minutes),
          `A whole number from ${limits.snooze_minutes.min} to ${limits.snooze_minutes.max}.`
        ),
        field(
          'grace_minutes',
          'Catch up a missed reminder within (minutes)',
          numberInput(limits.grace_minutes),
          `From ${limits.grace_minutes.min} to ${limits.grace_minutes.max}. A reminder missed by longer, while the computer slept or was off, is recorded as missed, never shown late.`
        )
      ),
      testReminder(ctx)
    ),
    el(
      'fieldset',
      {},
      el('legend', {}, 'Start'),
      el(
        'div',
        { class: 'field' },
        el(
          'label',
          { for: 'setting-start_at_login', class: 'inline' },
          el('input', { type: 'checkbox', id: 'setting-start_at_login', name: 'start_at_login', 'aria-describedby': 'setting-start_at_login-hint' }),
          ' Start High Hamstring Rehab in the tray when I log in'
        ),
        el('p', { class: 'hint', id: 'setting-start_at_login-hint' }, 'It starts without a window and only waits for the next reminder.')
      )
    ),
    el(
      'fieldset',
      {},
      el('legend', {}, 'Exercise progression'),
      field(
        'allowed_pain',
        view.labels.allowed_pain,
        numberInput(limits.allowed_pain),
        `A whole number from ${limits.allowed_pain.min} to ${limits.allowed_pain.max}; ${limits.pain.min} means no pain at all.`
      ),
      field(
        'sessions_to_progress',
        view.labels.sessions_to_progress,
        numberInput(limits.sessions_to_progress),
        `A whole number from ${limits.sessions_to_progress.min} to ${limits.sessions_to_progress.max}, counted in a row.`
      )
    ),
    aboutYou(view.setup)
  );

  const controls = [...form.querySelectorAll('input, select')];
  for (const control of controls) setControl(control, view.settings[control.name]);
  wireSaving(form, controls, status, ctx, advice, view);
  return form;
}

/** The setup's two answers, changed here like any setting, and "Run the setup again". */
function aboutYou(texts) {
  return el(
    'fieldset',
    { id: 'settings-about-you' },
    el('legend', {}, texts.legend),
    el(
      'div',
      { class: 'field-row' },
      field('painful_side', texts.side.label, answerSelect(texts.side), texts.side.hint),
      field('diagnosis', texts.diagnosis.label, answerSelect(texts.diagnosis), texts.diagnosis.hint)
    ),
    el(
      'div',
      { class: 'field' },
      el('p', { class: 'hint', id: 'run-setup-again-hint' }, texts.again_hint),
      el('div', { class: 'actions' }, el('a', { href: '#/setup', id: 'run-setup-again', class: 'button-link', 'aria-describedby': 'run-setup-again-hint' }, texts.again))
    )
  );
}

/** A control's value as sent to the backend: a checkbox is on or off. */
function valueOf(control) {
  return control.type === 'checkbox' ? control.checked : control.value;
}

function shownValue(control, stored) {
  if (control.type === 'checkbox') return Boolean(stored);
  // An unanswered question (null) shows as its empty "not answered" choice.
  return stored === null || stored === undefined ? '' : String(stored);
}

function setControl(control, stored) {
  if (control.type === 'checkbox') control.checked = Boolean(stored);
  else control.value = shownValue(control, stored);
}

function markInvalid(control, status) {
  control.classList.add('error');
  control.setAttribute('aria-invalid', 'true');
  const hintId = `${control.id}-hint`;
  control.setAttribute('aria-describedby', `${hintId} ${status.id}`);
}

function clearInvalid(controls) {
  for (const control of controls) {
    control.classList.remove('error');
    control.removeAttribute('aria-invalid');
    control.setAttribute('aria-describedby', `${control.id}-hint`);
  }
}

/** The labels that follow the settings (the sessions' label says what counts). */
function showLabels(labels) {
  for (const [name, text] of Object.entries(labels)) {
    const label = document.querySelector(`label[for="setting-${name}"]`);
    if (label) label.textContent = text;
  }
}

function wireSaving(form, controls, status, ctx, advice, view) {
  // Saves run one after another so answers arrive in the order the user made the changes.
  let queue = Promise.resolve();
  let saved = view.settings;

  form.addEventListener('submit', (event) => event.preventDefault());

  for (const control of controls) {
    control.addEventListener('change', () => {
      const sent = valueOf(control);
      queue = queue.then(() => save(control, sent));
    });
  }

  async function save(control, sent, confirmation) {
    let view;
    try {
      view = await api.updateSettings({ [control.name]: sent, ...(confirmation || {}) });
    } catch (error) {
      if (!ctx.isCurrent()) return;
      showError(status, error);
      if (error.field === 'clinician_confirmed') {
        // A change only a clinician should advise: ask, then save it with the answer;
        // cancelled, the field shows what is stored again.
        advice.ask(
          error.message,
          (answer) => {
            queue = queue.then(() => save(control, sent, answer));
          },
          () => setControl(control, saved[control.name])
        );
        return;
      }
      // The bad value stays in place so the user can see it and correct it.
      const culprit = error.field && controls.find((c) => c.name === error.field);
      if (culprit) markInvalid(culprit, status);
      return;
    }
    ctx.applyTheme(view.settings.theme);
    saved = view.settings;
    if (!ctx.isCurrent()) return;
    clearInvalid(controls);
    showLabels(view.labels);
    showOk(status, 'Saved.');
    // Show what is stored now, but never overwrite a field the user is still editing.
    for (const c of controls) {
      const stored = view.settings[c.name];
      const editing = c === document.activeElement && c !== control && valueOf(c) !== shownValue(c, stored);
      const changedSince = c === control && valueOf(c) !== sent;
      if (!editing && !changedSince) setControl(c, stored);
    }
  }
}

function testReminder(ctx) {
  const button = el('button', { type: 'button', id: 'send-test-reminder' }, 'Send a test reminder');
  const status = statusLine('test-reminder-status');
  let sending = false;

  button.addEventListener('click', async () => {
    // aria-disabled rather than disabled, so keyboard focus stays on the button.
    if (sending) return;
    sending = true;
    button.setAttribute('aria-disabled', 'true');
    status.classList.remove('error', 'success');
    status.textContent = 'Sending…';
    try {
      showOk(status, `Sent: ${(await api.sendTestReminder()).title}`);
    } catch (error) {
      showError(status, error);
    } finally {
      sending = false;
      button.removeAttribute('aria-disabled');
    }
  });

  return el(
    'div',
    { class: 'field test-reminder' },
    el('p', { class: 'hint' }, 'Check that reminders reach you: one notification is sent now.'),
    el('div', { class: 'actions' }, button),
    status
  );
}
