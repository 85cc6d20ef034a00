// The one door to the Rust backend: invoke commands and listen to events, with every failure in one shape.

/**
 * Turns whatever a failed call produced into `{kind, message, field?}`, so screens
 * can show `message` as is without checking types first.
 */
export function toError(raw) {
  if (raw && typeof raw === 'object' && typeof raw.message === 'string' && raw.message) {
    const error = { kind: typeof raw.kind === 'string' && raw.kind ? raw.kind : 'unknown', message: raw.message };
    if (typeof raw.field === 'string' && raw.field) error.field = raw.field;
    return error;
  }
  // Tauri reports a missing permission or a panic as a bare string.
  if (typeof raw === 'string' && raw) return { kind: 'unknown', message: raw };
  return { kind: 'unknown', message: 'Something went wrong. Please try again.' };
}

function tauri() {
  const t = window.__TAURI__;
  if (!t || !t.core || !t.event) {
    throw { kind: 'unavailable', message: 'The app’s backend is not reachable from this window.' };
  }
  return t;
}

export async function invoke(command, args) {
  try {
    return await tauri().core.invoke(command, args);
  } catch (raw) {
    throw toError(raw);
  }
}

/** Resolves to a function that stops listening. */
export async function listen(event, callback) {
  try {
    return await tauri().event.listen(event, callback);
  } catch (raw) {
    throw toError(raw);
  }
}

export const dismissRecoveryNotice = () => invoke('dismiss_recovery_notice');
export const getSettings = () => invoke('get_settings');
export const updateSettings = (patch) => invoke('update_settings', { patch });
export const sendTestReminder = () => invoke('send_test_reminder');
export const requestClose = () => invoke('request_close');
export const closeToTray = () => invoke('close_to_tray');
export const cancelClose = () => invoke('cancel_close');
export const quitApp = () => invoke('quit_app');
// `pageSteps`: the start-up steps the page timed, `[name, from, to]` in wall-clock
// milliseconds, printed by the backend only when `make bench` traces the start-up.
export const uiReady = (todayRoundTripMs, pageSteps) =>
  invoke('ui_ready', { todayRoundTripMs: todayRoundTripMs ?? null, pageSteps: pageSteps ?? null });

/**
 * A command whose answer never changes while the app runs (the app's status, the
 * protocol, the guide): asked once and kept; asked again only after a failure. `keep`
 * takes an answer that came another way (the first screen's command).
 */
function askedOnce(command) {
  let answer = null;
  const ask = () => {
    if (!answer) {
      answer = invoke(command).catch((error) => {
        answer = null;
        throw error;
      });
    }
    return answer;
  };
  ask.keep = (value) => {
    if (!answer && value !== null && value !== undefined) answer = Promise.resolve(value);
  };
  return ask;
}

/**
 * The first screen's answers, from the one command the page asks at start-up
 * (`getFirstScreen`): each goes to the first call that asks for it, and what is left is
 * dropped once the first screen is drawn (`forgetFirstScreen`), so a later screen
 * never gets an answer from start-up.
 */
const firstAnswers = new Map();

function firstOr(command) {
  if (firstAnswers.has(command)) {
    const answer = firstAnswers.get(command);
    firstAnswers.delete(command);
    return Promise.resolve(answer);
  }
  return invoke(command);
}

/**
 * What the window needs to open, in one call: `{status, theme, setup, route, today,
 * protocol, reminders}` (the last three when it opens on Today).
 */
export async function getFirstScreen() {
  const first = await invoke('get_first_screen');
  getAppStatus.keep(first.status);
  getProtocol.keep(first.protocol);
  if (first.today) firstAnswers.set('get_today', first.today);
  if (first.reminders) firstAnswers.set('get_reminders', first.reminders);
  return first;
}

export function forgetFirstScreen() {
  firstAnswers.clear();
}

// The app's status (as at launch), the program and the guide.
export const getAppStatus = askedOnce('get_app_status');
export const getProtocol = askedOnce('get_protocol');
export const getGuide = askedOnce('get_guide');
export const demonstration = (id) => invoke('get_demonstration', { id });
export const getToday = () => firstOr('get_today');
export const getProgram = () => invoke('get_program');
export const moveStep = (toStep, advice) => invoke('move_step', { toStep, advice: advice || null });
export const startSession = () => invoke('start_session');
export const getActiveSession = () => invoke('get_active_session');
export const recordSet = (sessionId, exerciseId, amount) => invoke('record_set', { sessionId, exerciseId, amount });
export const undoSet = (sessionId, exerciseId) => invoke('undo_set', { sessionId, exerciseId });
export const recordPain = (sessionId, exerciseId, pain) => invoke('record_pain', { sessionId, exerciseId, pain });
export const finishSession = (sessionId) => invoke('finish_session', { sessionId });
export const getSelfTests = () => invoke('get_self_tests');
export const recordSelfTests = (input) => invoke('record_self_tests', { input });
export const logStretch = () => invoke('log_stretch');

// Stretch reminders.
export const getReminders = () => firstOr('get_reminders');
export const answerReminder = (answer) => invoke('answer_reminder', { answer });
export const pauseReminders = (length) => invoke('pause_reminders', { length });
export const resumeReminders = () => invoke('resume_reminders');
// What this desktop lacks (no notification server, no tray): [{key, text}].
export const desktopNotes = () => invoke('desktop_notes');

// The first-run setup: its view, and its end (`done` or `skipped`).
export const getSetup = () => invoke('get_setup');
export const finishSetup = (outcome) => invoke('finish_setup', { outcome });

// The return to running.
export const getRunning = () => invoke('get_running');
export const startRunning = (again, date) => invoke('start_running', { again: !!again, date: date || null });
export const logRun = (input) => invoke('log_run', { input });
export const setRunTarget = (week, minutes, focus) => invoke('set_run_target', { week, minutes, focus });

// The journal, charts, the report and the user's data as files.
export const getJournal = (filter) => invoke('get_journal', { filter: filter || null });
export const editEntry = (kind, id, field, value) => invoke('edit_entry', { kind, id, field, value });
export const deleteEntry = (kind, id) => invoke('delete_entry', { kind, id });
export const undoDelete = (trashId) => invoke('undo_delete', { trashId });
export const addCheckin = (context, pain, note) => invoke('add_checkin', { context, pain, note });
export const addNote = (text) => invoke('add_note', { text });
export const getCharts = (weeks) => invoke('get_charts', { weeks });
export const getReport = () => invoke('get_report');
export const saveReport = () => invoke('save_report');
export const getData = () => invoke('get_data');
// Folders and files are named or picked in the system's dialog by the backend: the page
// never sends a path.
export const chooseExportFolder = () => invoke('choose_export_folder');
export const resetExportFolder = () => invoke('reset_export_folder');
export const exportCsv = () => invoke('export_csv');
export const backupNow = () => invoke('backup_now');
/** `name`: the file name of one of the backups listed by `getData`. */
export const restoreBackup = (name) => invoke('restore_backup', { name });
/** `{name, path}` of the file picked, or null if the dialog was cancelled. */
export const chooseBackupFile = () => invoke('choose_backup_file');
export const restorePickedBackup = () => invoke('restore_picked_backup');
/** `which`: data, backups, export, last_export or last_report. */
export const openFolder = (which) => invoke('open_folder', { which });
