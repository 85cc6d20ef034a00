// The Settings screen: each field saves on change; ranges and error messages come from the backend.

import * as api from '../api.js';
import { confirmDialog } from '../confirm-ui.js';
import { alertLine, el, loadPage } from '../dom.js';

const THEME_LABELS = { system: 'Follow the system', light: 'Light', dark: 'Dark' };
const STATUS_ID = 'settings-status';

export function render(container, ctx) {
  return loadPage(container, ctx, {
    title: 'Settings',
    loading: 'Loading your settings…',
    load: api.getSettings,
    draw: (view) => [settingsForm(view, ctx), dataSection(ctx)],
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

function numberInput({ min, max }) {
  return el('input', { type: 'number', min, max, step: 1, inputmode: 'numeric' });
}

function settingsForm(view, ctx) {
  const { limits } = view;
  const status = el('p', { id: STATUS_ID, class: 'status sticky-status', role: 'status', 'aria-live': 'polite' });
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
        `Allowed pain during exercise (out of ${limits.pain.max})`,
        numberInput(limits.allowed_pain),
        `A whole number from ${limits.allowed_pain.min} to ${limits.allowed_pain.max}; ${limits.pain.min} means no pain at all.`
      ),
      field(
        'sessions_to_progress',
        'Pain-free sessions before the next exercise unlocks',
        numberInput(limits.sessions_to_progress),
        `A whole number from ${limits.sessions_to_progress.min} to ${limits.sessions_to_progress.max}, counted in a row.`
      )
    )
  );

  const controls = [...form.querySelectorAll('input, select')];
  for (const control of controls) setControl(control, view.settings[control.name]);
  wireSaving(form, controls, status, ctx);
  return form;
}

/** A control's value as sent to the backend: a checkbox is on or off. */
function valueOf(control) {
  return control.type === 'checkbox' ? control.checked : control.value;
}

function shownValue(control, stored) {
  return control.type === 'checkbox' ? Boolean(stored) : String(stored);
}

function setControl(control, stored) {
  if (control.type === 'checkbox') control.checked = Boolean(stored);
  else control.value = String(stored);
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

function wireSaving(form, controls, status, ctx) {
  // Saves run one after another so answers arrive in the order the user made the changes.
  let queue = Promise.resolve();

  form.addEventListener('submit', (event) => event.preventDefault());

  for (const control of controls) {
    control.addEventListener('change', () => {
      const sent = valueOf(control);
      queue = queue.then(() => save(control, sent));
    });
  }

  async function save(control, sent) {
    let view;
    try {
      view = await api.updateSettings({ [control.name]: sent });
    } catch (error) {
      if (!ctx.isCurrent()) return;
      status.textContent = error.message;
      status.classList.add('error');
      status.classList.remove('success');
      // The bad value stays in place so the user can see it and correct it.
      const culprit = error.field && controls.find((c) => c.name === error.field);
      if (culprit) markInvalid(culprit, status);
      return;
    }
    ctx.applyTheme(view.settings.theme);
    if (!ctx.isCurrent()) return;
    clearInvalid(controls);
    status.textContent = 'Saved.';
    status.classList.remove('error');
    status.classList.add('success');
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
  const status = el('p', { id: 'test-reminder-status', class: 'status', role: 'status', 'aria-live': 'polite' });
  let sending = false;

  button.addEventListener('click', async () => {
    // aria-disabled rather than disabled, so keyboard focus stays on the button.
    if (sending) return;
    sending = true;
    button.setAttribute('aria-disabled', 'true');
    status.classList.remove('error', 'success');
    status.textContent = 'Sending…';
    try {
      const reminder = await api.sendTestReminder();
      status.textContent = `Sent: ${reminder.title}`;
      status.classList.add('success');
    } catch (error) {
      status.textContent = error.message;
      status.classList.add('error');
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

function dataSection(ctx) {
  const body = el('div', { id: 'data-body' }, el('p', { class: 'muted' }, 'Loading…'));
  const version = el('p', { class: 'muted', id: 'app-version' });
  const section = el(
    'section',
    { class: 'settings-section', 'aria-labelledby': 'data-title' },
    el('h2', { id: 'data-title' }, 'Your data'),
    el('p', {}, 'Your data stays on this computer. Nothing is sent anywhere.'),
    body,
    version
  );
  api.getAppStatus().then(
    (status) => {
      version.textContent = `High Hamstring Rehab ${status.version}, database schema ${status.schema_version}.`;
    },
    () => {}
  );
  api.getData().then(
    (view) => ctx.isCurrent() && drawData(body, view, ctx),
    (error) => body.replaceChildren(alertLine(error.message))
  );
  return section;
}

function openButton(id, which, status, ctx) {
  const button = el('button', { type: 'button', id }, 'Open folder');
  button.addEventListener('click', () => api.openFolder(which).catch((error) => showStatus(status, error.message, true)));
  return button;
}

function showStatus(line, text, isError) {
  line.textContent = text;
  line.classList.toggle('error', !!isError);
  line.classList.toggle('success', !isError);
}

/**
 * Runs `work` once at a time from `button` (aria-disabled, not disabled, so the focus
 * stays put while a system dialog is open or a file is written).
 */
function busyWhile(button, work) {
  return async () => {
    if (button.getAttribute('aria-disabled') === 'true') return;
    button.setAttribute('aria-disabled', 'true');
    try {
      await work();
    } finally {
      button.removeAttribute('aria-disabled');
    }
  };
}

function drawData(body, view, ctx) {
  const status = el('p', { id: 'data-status', class: 'status', role: 'status', 'aria-live': 'polite' });
  // After a redraw the old status line is gone: say things on the new one.
  const say = (text, isError) => showStatus(document.getElementById('data-status') || status, text, isError);
  const redraw = (next) => ctx.isCurrent() && drawData(body, next, ctx);

  // The folder is picked in the system's dialog, opened by the backend: no path is typed.
  const choose = el('button', { type: 'button', id: 'choose-export-folder', 'aria-describedby': 'export-folder-hint' }, 'Choose folder…');
  choose.addEventListener(
    'click',
    busyWhile(choose, async () => {
      say('Choose a folder in the dialog…');
      try {
        const next = await api.chooseExportFolder();
        const changed = String(next.export_folder) !== String(view.export_folder);
        redraw(next);
        say(changed ? 'Export folder saved.' : 'Export folder not changed.');
      } catch (error) {
        say(error.message, true);
      }
    })
  );
  const reset = view.export_is_default ? null : el('button', { type: 'button', id: 'reset-export-folder' }, 'Use the default');
  if (reset) {
    reset.addEventListener('click', async () => {
      try {
        redraw(await api.resetExportFolder());
        say('Export folder set back to the default.');
        document.getElementById('choose-export-folder')?.focus();
      } catch (error) {
        say(error.message, true);
      }
    });
  }

  const exportButton = el('button', { type: 'button', id: 'export-csv', class: 'primary' }, 'Export CSV');
  const exported = el('div', { id: 'export-result' });
  exportButton.addEventListener(
    'click',
    busyWhile(exportButton, async () => {
      try {
        const out = await api.exportCsv();
        const open = el('button', { type: 'button', id: 'open-export' }, 'Open folder');
        open.addEventListener('click', () => api.openFolder('last_export').catch((error) => say(error.message, true)));
        exported.replaceChildren(
          el('p', {}, `${out.files.length} files written to `, el('span', { class: 'path', id: 'export-path' }, String(out.folder)), ' ', open),
          el('ul', { id: 'export-files' }, out.files.map((f) => el('li', {}, `${f.name}: ${f.rows} rows`)))
        );
        say('Exported.');
      } catch (error) {
        say(error.message, true);
      }
    })
  );

  const backupButton = el('button', { type: 'button', id: 'backup-now' }, 'Back up now');
  backupButton.addEventListener('click', async () => {
    try {
      redraw(await api.backupNow());
      say('Backup written.');
    } catch (error) {
      say(error.message, true);
    }
  });

  // One confirmation for both ways to restore: a listed backup or a file picked.
  const confirm = confirmDialog('confirm-restore', 'Yes, replace my data');
  const replaceNote = 'Your data will be replaced by this backup. A copy of your data as it is now is kept first, and the file is checked before anything changes.';
  const restore = async (call) => {
    try {
      const done = await call();
      redraw(await api.getData());
      say(done.message);
    } catch (error) {
      say(error.message, true);
    }
  };
  const list = view.backups.length
    ? el(
        'ul',
        { id: 'backups', class: 'backups' },
        view.backups.map((b, i) => {
          const button = el('button', { type: 'button', id: `restore-${i}`, 'aria-label': `Restore ${b.name}` }, 'Restore');
          button.addEventListener('click', () =>
            confirm.ask(`Restore ${b.name}?`, replaceNote, () => restore(() => api.restoreBackup(b.name)))
          );
          return el('li', {}, el('span', { class: 'path' }, b.name), ` (${Math.max(1, Math.round(b.bytes / 1024))} KB) `, button);
        })
      )
    : el('p', { class: 'muted', id: 'no-backups' }, 'No backups yet. One is made automatically each day.');

  const fromFile = el('button', { type: 'button', id: 'restore-file', 'aria-describedby': 'restore-file-hint' }, 'Restore from a file…');
  fromFile.addEventListener(
    'click',
    busyWhile(fromFile, async () => {
      say('Choose a backup file in the dialog…');
      try {
        const picked = await api.chooseBackupFile();
        if (!picked) {
          say('No file chosen.');
          return;
        }
        say('');
        confirm.ask(`Restore ${picked.name}?`, `${String(picked.path)}. ${replaceNote}`, () => restore(() => api.restorePickedBackup()));
      } catch (error) {
        say(error.message, true);
      }
    })
  );

  body.replaceChildren(
    el('p', {}, 'Data folder: ', el('span', { class: 'path', id: 'data-location' }, String(view.data_folder)), ' ', openButton('open-data-folder', 'data', status, ctx)),
    el('p', {}, 'Database file: ', el('span', { class: 'path', id: 'database-path' }, String(view.database))),
    el(
      'div',
      { class: 'field', role: 'group', 'aria-labelledby': 'export-folder-label' },
      el('p', { id: 'export-folder-label' }, 'Export folder: ', el('span', { class: 'path', id: 'export-folder' }, String(view.export_folder)), view.export_is_default ? ' (the default)' : ''),
      el(
        'p',
        { class: 'hint', id: 'export-folder-hint' },
        view.export_is_default
          ? 'CSV exports and saved reports go here. The folder is made on the first export.'
          : `CSV exports and saved reports go here. The folder is made on the first export. The default is ${view.export_folder_default}.`
      ),
      el('div', { class: 'actions' }, choose, reset)
    ),
    el('div', { class: 'actions' }, exportButton, openButton('open-export-folder', 'export', status, ctx)),
    exported,
    el('h3', {}, 'Backups'),
    el('p', { class: 'hint' }, `A copy of your data is made each day; the last 7 are kept in `, el('span', { class: 'path', id: 'backups-folder' }, String(view.backups_folder)), '. Restoring first keeps a copy of your data as it is now.'),
    el('div', { class: 'actions' }, backupButton, openButton('open-backups-folder', 'backups', status, ctx)),
    list,
    el('div', { class: 'actions' }, fromFile),
    el('p', { class: 'hint', id: 'restore-file-hint' }, 'Another High Hamstring Rehab backup (.db), picked in the system’s file dialog. You are asked to confirm before anything changes.'),
    status,
    confirm.dialog
  );
}
