// The Journal: a quick pain check-in and a note, the trends as charts (journal-charts.js),
// and everything logged, a day at a time (each day's reminders in one line that opens),
// filtered by kind and date, each entry editable and deletable with an undo.

import * as api from '../api.js';
import { alertLine, card, el, heading, showError, showOk, statusLine } from '../dom.js';
import { checkinForm } from '../checkin-ui.js';
import { showSafety } from '../safety-ui.js';
import { painControl } from '../pain-ui.js';
import { friendlyDate } from '../dates.js';
import { trends } from './journal-charts.js';

export function render(container, ctx) {
  const charts = trends(ctx);
  const log = el('div', { id: 'journal-body' }, el('p', { class: 'muted' }, 'Loading the journal…'));
  // The pain scale and the note's limit come with the protocol (fetched once).
  const state = { filter: null, ctx };
  container.append(
    heading('Journal'),
    checkinForm({
      prefix: 'checkin',
      title: 'Quick pain check-in',
      withNote: true,
      onSaved: () => ctx.isCurrent() && refresh(state, charts, log),
      // "Pain check-in…" from the tray opens here, on the pain control.
      focusPain: ctx.param === 'checkin',
    }),
    noteCard(() => refresh(state, charts, log)),
    card(
      'charts-title',
      'Trends',
      ...charts.parts,
      el('p', {}, el('a', { href: '#/report', id: 'open-report', class: 'screen-link' }, 'One-page report for your physiotherapist'))
    ),
    log
  );
  return refresh(state, charts, log);
}

async function refresh(state, charts, log) {
  await Promise.all([charts.draw(), drawLog(state, log)]);
}

// --- check-in and note ------------------------------------------------------------------

function noteCard(done) {
  const text = el('textarea', { id: 'note-text', rows: 2 });
  api.getProtocol().then(
    (protocol) => {
      text.maxLength = protocol.max_note;
    },
    (error) => console.warn('Could not read the note limit', error)
  );
  const status = statusLine('note-status');
  const form = el(
    'form',
    { id: 'note-form', class: 'card', 'aria-labelledby': 'note-title', novalidate: true },
    el('h2', { id: 'note-title' }, 'Add a note'),
    el('div', { class: 'field' }, el('label', { for: 'note-text' }, 'Note'), text),
    el('div', { class: 'actions' }, el('button', { type: 'submit', id: 'save-note' }, 'Save note')),
    status
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      showOk(status, await api.addNote(text.value));
      text.value = '';
      await done();
    } catch (error) {
      showError(status, error);
    }
  });
  return form;
}

// --- the log ----------------------------------------------------------------------------

async function drawLog(state, target) {
  let view;
  try {
    view = await api.getJournal(state.filter);
  } catch (error) {
    if (state.ctx.isCurrent()) {
      const status = document.getElementById('journal-status');
      if (status) showError(status, error);
      else target.replaceChildren(alertLine(error.message));
    }
    return;
  }
  if (!state.ctx.isCurrent()) return;
  const status = statusLine('journal-status');
  const reload = async () => drawLog(state, target);
  target.replaceChildren(
    card(
      'journal-title',
      'Everything logged',
      filterForm(view, state, reload),
      status,
      view.entries.length
        ? el('ol', { id: 'journal-entries', class: 'journal' }, view.days.map((day) => dayItem(day, view, status, reload)))
        : el('p', { id: 'journal-empty', class: 'muted' }, `Nothing logged from ${friendlyDate(view.from)} to ${friendlyDate(view.to)} of the kinds chosen.`)
    )
  );
}

function filterForm(view, state, reload) {
  const today = view.today;
  const from = el('input', { type: 'date', id: 'journal-from', value: view.from, max: today });
  const to = el('input', { type: 'date', id: 'journal-to', value: view.to, max: today });
  const boxes = view.kinds.map((k) => el('input', { type: 'checkbox', id: `kind-${k.kind}`, value: k.kind, checked: k.shown }));
  const form = el(
    'form',
    { id: 'journal-filter', class: 'filters', novalidate: true, 'aria-label': 'Filter the journal' },
    el('div', { class: 'field inline-field' }, el('label', { for: 'journal-from' }, 'From'), from),
    el('div', { class: 'field inline-field' }, el('label', { for: 'journal-to' }, 'To'), to),
    el(
      'fieldset',
      { class: 'kinds' },
      el('legend', {}, 'Show'),
      view.kinds.map((k, i) => el('label', { for: `kind-${k.kind}`, class: 'inline' }, boxes[i], ` ${k.label}`))
    ),
    el('div', { class: 'actions' }, el('button', { type: 'submit', id: 'journal-apply' }, 'Show'))
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    state.filter = { from: from.value, to: to.value, kinds: boxes.filter((b) => b.checked).map((b) => b.value) };
    reload();
  });
  return form;
}

/**
 * One day: its heading once, its reminders in one line that opens on each showing, then
 * its other entries, newest first.
 */
function dayItem(day, view, status, reload) {
  const entries = view.entries.filter((e) => e.date === day.date);
  const reminders = entries.filter((e) => e.kind === 'reminder');
  const others = entries.filter((e) => e.kind !== 'reminder');
  const id = `day-${day.date}`;
  return el(
    'li',
    { class: 'journal-day', 'data-date': day.date },
    el('h3', { class: 'day-heading', id }, day.heading),
    reminders.length
      ? el(
          'details',
          { class: 'day-reminders' },
          el('summary', {}, day.reminders || 'Reminders'),
          el('ul', {}, reminders.map((entry) => entryItem(entry, view, status, reload)))
        )
      : null,
    others.length ? el('ul', { class: 'day-entries' }, others.map((entry) => entryItem(entry, view, status, reload))) : null
  );
}

function entryItem(entry, view, status, reload) {
  const key = `${entry.kind}-${entry.id}`;
  const body = el(
    'div',
    { class: 'entry-body' },
    el('p', { class: 'entry-head' }, el('strong', { class: 'entry-title' }, entry.title)),
    entry.details.map((d) => el('p', { class: 'entry-detail' }, d)),
    entry.note && entry.kind !== 'note' ? el('p', { class: 'entry-note note-text' }, entry.note) : null,
    entry.kind === 'note' ? el('p', { class: 'entry-note note-text' }, entry.note) : null
  );
  const item = el('li', { class: 'entry', 'data-kind': entry.kind, 'data-id': String(entry.id), id: `entry-${key}` }, body);
  const buttons = el('div', { class: 'actions entry-actions' });
  if (entry.edits.length) {
    const edit = el('button', { type: 'button', id: `edit-${key}`, class: 'quiet', 'aria-label': `Edit ${entry.title}, ${friendlyDate(entry.date)}` }, 'Edit');
    edit.addEventListener('click', () => {
      buttons.hidden = true;
      item.append(editForm(entry, view, key, status, reload, () => {
        buttons.hidden = false;
        edit.focus();
      }));
    });
    buttons.append(edit);
  }
  const remove = el('button', { type: 'button', id: `delete-${key}`, class: 'quiet', 'aria-label': `Delete ${entry.title}, ${friendlyDate(entry.date)}` }, 'Delete');
  remove.addEventListener('click', async () => {
    try {
      const deleted = await api.deleteEntry(entry.kind, entry.id);
      await reload();
      offerUndo(deleted, reload);
    } catch (error) {
      showError(status, error);
    }
  });
  buttons.append(remove);
  item.append(buttons);
  return item;
}

/** "Deleted … Undo": the message that confirms a delete carries the way back. */
function offerUndo(deleted, reload) {
  const status = document.getElementById('journal-status');
  if (!status) return;
  const undo = el('button', { type: 'button', id: 'undo-delete' }, 'Undo');
  undo.addEventListener('click', async () => {
    try {
      const said = await api.undoDelete(deleted.trash_id);
      await reload();
      const line = document.getElementById('journal-status');
      if (line) showOk(line, said);
    } catch (error) {
      showError(status, error);
    }
  });
  status.classList.remove('error');
  status.classList.add('success');
  status.replaceChildren(`${deleted.message} `, undo);
  undo.focus();
}

/** One field of an edit form: its node, the value to send, and how to mark it refused. */
function editField(edit, id, view) {
  if (edit.input === 'pain') {
    const pain = painControl({ id, label: edit.label, scale: view.pain, value: edit.value });
    const read = () => pain.value();
    const mark = () => {
      pain.invalid(true);
      pain.focus();
    };
    return { edit, field: pain.field, read, changed: () => String(read()) !== edit.value, mark, focus: pain.focus };
  }
  let control;
  if (edit.input === 'date') control = el('input', { type: 'date', id, value: edit.value, max: view.today });
  else if (edit.input === 'choice') control = el('select', { id }, edit.choices.map(([value, label]) => el('option', { value, selected: value === edit.value }, label)));
  else control = el('textarea', { id, rows: 2, maxlength: view.max_note }, edit.value);
  const mark = () => {
    control.setAttribute('aria-invalid', 'true');
    control.focus();
  };
  const read = () => control.value;
  return { edit, field: el('div', { class: 'field' }, el('label', { for: id }, edit.label), control), read, changed: () => read() !== edit.value, mark, focus: () => control.focus() };
}

function editForm(entry, view, key, status, reload, close) {
  const controls = entry.edits.map((edit) => editField(edit, `edit-${key}-${edit.field.replace(/[^a-z0-9_-]/gi, '-')}`, view));
  const save = el('button', { type: 'submit', id: `save-${key}`, class: 'primary' }, 'Save');
  const cancel = el('button', { type: 'button', id: `cancel-${key}` }, 'Cancel');
  const form = el('form', { class: 'entry-edit', novalidate: true, 'aria-label': `Edit ${entry.title}` }, controls.map((c) => c.field), el('div', { class: 'actions' }, save, cancel));
  cancel.addEventListener('click', () => {
    form.remove();
    close();
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    let sending = null;
    try {
      let safety = null;
      for (const c of controls) {
        sending = c;
        if (c.changed()) safety = (await api.editEntry(entry.kind, entry.id, c.edit.field, c.read())).safety || safety;
      }
      sending = null;
      await reload();
      const line = document.getElementById('journal-status');
      if (line) showOk(line, 'Saved.');
      showSafety(line, safety);
    } catch (error) {
      showError(status, error);
      // The refused field is the one being sent (a session's pain fields all check as `pain`).
      if (sending && error.field) sending.mark();
    }
  });
  queueMicrotask(() => controls[0] && controls[0].focus());
  return form;
}
