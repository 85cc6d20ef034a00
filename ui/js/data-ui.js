// "Your data", the last part of Settings: where the data lives, the export folder (chosen
// in the system's dialog or set back to the default), CSV export, backups, and a restore
// of a listed backup or of a file picked in the dialog, both confirmed in the same dialog.
// Folders are opened and files picked by the backend: the page never sends a path.

import * as api from './api.js';
import { confirmDialog } from './confirm-ui.js';
import { el, loadInto, showError, showOk, statusLine } from './dom.js';

export function dataSection(ctx) {
  const loading = el('p', { class: 'muted' }, 'Loading…');
  const version = el('p', { class: 'muted', id: 'app-version' });
  api.getAppStatus().then(
    (status) => {
      version.textContent = `High Hamstring Rehab ${status.version}, database schema ${status.schema_version}.`;
    },
    () => {}
  );
  const section = el(
    'section',
    { class: 'settings-section', 'aria-labelledby': 'data-title' },
    el('h2', { id: 'data-title' }, 'Your data'),
    el('p', {}, 'Your data stays on this computer. Nothing is sent anywhere.'),
    loading,
    version
  );
  loadInto(loading, ctx, api.getData, (view) => drawData(el('div', { id: 'data-body' }), view, ctx));
  return section;
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
  const status = statusLine('data-status');
  // After a redraw the old status line is gone: say things on the new one.
  const say = (text, isError) => {
    const line = document.getElementById('data-status') || status;
    if (isError) showError(line, { message: text });
    else showOk(line, text);
  };
  /** `work` as a click handler whose failure is said on the status line. */
  const saying = (work) => async () => {
    try {
      await work();
    } catch (error) {
      say(error.message, true);
    }
  };
  /** A button for a slow action (a system dialog, files written): once at a time. */
  const onSlowClick = (button, work) => button.addEventListener('click', busyWhile(button, saying(work)));
  const redraw = (next) => ctx.isCurrent() && drawData(body, next, ctx);
  const openButton = (id, which) => {
    const button = el('button', { type: 'button', id }, 'Open folder');
    button.addEventListener('click', saying(() => api.openFolder(which)));
    return button;
  };

  // The folder is picked in the system's dialog, opened by the backend: no path is typed.
  const choose = el('button', { type: 'button', id: 'choose-export-folder', 'aria-describedby': 'export-folder-hint' }, 'Choose folder…');
  onSlowClick(choose, async () => {
    say('Choose a folder in the dialog…');
    const next = await api.chooseExportFolder();
    const changed = String(next.export_folder) !== String(view.export_folder);
    redraw(next);
    say(changed ? 'Export folder saved.' : 'Export folder not changed.');
  });
  const reset = view.export_is_default ? null : el('button', { type: 'button', id: 'reset-export-folder' }, 'Use the default');
  reset?.addEventListener(
    'click',
    saying(async () => {
      redraw(await api.resetExportFolder());
      say('Export folder set back to the default.');
      document.getElementById('choose-export-folder')?.focus();
    })
  );

  const exportButton = el('button', { type: 'button', id: 'export-csv', class: 'primary' }, 'Export CSV');
  const exported = el('div', { id: 'export-result' });
  onSlowClick(exportButton, async () => {
    const out = await api.exportCsv();
    exported.replaceChildren(
      el('p', {}, `${out.files.length} files written to `, el('span', { class: 'path', id: 'export-path' }, String(out.folder)), ' ', openButton('open-export', 'last_export')),
      el('ul', { id: 'export-files' }, out.files.map((f) => el('li', {}, `${f.name}: ${f.rows} rows`)))
    );
    say('Exported.');
  });

  const backupButton = el('button', { type: 'button', id: 'backup-now' }, 'Back up now');
  backupButton.addEventListener(
    'click',
    saying(async () => {
      redraw(await api.backupNow());
      say('Backup written.');
    })
  );

  // One confirmation for both ways to restore: a listed backup or a file picked.
  const confirm = confirmDialog('confirm-restore', 'Yes, replace my data');
  const replaceNote = 'Your data will be replaced by this backup. A copy of your data as it is now is kept first, and the file is checked before anything changes.';
  const restore = (call) =>
    saying(async () => {
      const done = await call();
      redraw(await api.getData());
      say(done.message);
    });
  const backups = view.backups.length
    ? el(
        'ul',
        { id: 'backups', class: 'backups' },
        view.backups.map((b, i) => {
          const button = el('button', { type: 'button', id: `restore-${i}`, 'aria-label': `Restore ${b.name}` }, 'Restore');
          button.addEventListener('click', () => confirm.ask(`Restore ${b.name}?`, replaceNote, restore(() => api.restoreBackup(b.name))));
          return el('li', {}, el('span', { class: 'path' }, b.name), ` (${Math.max(1, Math.round(b.bytes / 1024))} KB) `, button);
        })
      )
    : el('p', { class: 'muted', id: 'no-backups' }, 'No backups yet. One is made automatically each day.');

  const fromFile = el('button', { type: 'button', id: 'restore-file', 'aria-describedby': 'restore-file-hint' }, 'Restore from a file…');
  onSlowClick(fromFile, async () => {
    say('Choose a backup file in the dialog…');
    const picked = await api.chooseBackupFile();
    if (!picked) {
      say('No file chosen.');
      return;
    }
    say('');
    confirm.ask(`Restore ${picked.name}?`, `${String(picked.path)}. ${replaceNote}`, restore(() => api.restorePickedBackup()));
  });

  body.replaceChildren(
    el('p', {}, 'Data folder: ', el('span', { class: 'path', id: 'data-location' }, String(view.data_folder)), ' ', openButton('open-data-folder', 'data')),
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
    el('div', { class: 'actions' }, exportButton, openButton('open-export-folder', 'export')),
    exported,
    el('h3', {}, 'Backups'),
    el('p', { class: 'hint' }, `A copy of your data is made each day; the last ${view.keep_backups} are kept in `, el('span', { class: 'path', id: 'backups-folder' }, String(view.backups_folder)), '. Restoring first keeps a copy of your data as it is now.'),
    el('div', { class: 'actions' }, backupButton, openButton('open-backups-folder', 'backups')),
    backups,
    el('div', { class: 'actions' }, fromFile),
    el('p', { class: 'hint', id: 'restore-file-hint' }, 'Another High Hamstring Rehab backup (.db), picked in the system’s file dialog. You are asked to confirm before anything changes.'),
    status,
    confirm.dialog
  );
  return body;
}
