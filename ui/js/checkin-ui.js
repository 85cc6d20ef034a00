// The quick pain check-in form, shared by Today and the Journal: when (the choices and
// their words come with the protocol from the backend, as do the pain scale and the note's
// limit), pain on the one pain control (nothing chosen until the user picks a score) with
// the red flags one click away, and optionally a note. A saved score that calls for it
// brings back the red flags (the backend decides).

import * as api from './api.js';
import { el, showError, showOk, statusLine } from './dom.js';
import { showSafety } from './safety-ui.js';
import { painControl, refusePain } from './pain-ui.js';

/**
 * Ids are `${prefix}-context`, `-pain` (the pain control's group, each score
 * `${prefix}-pain-N`), `-note`, `-save`, `-status`, `-red-flags` and `${prefix}-form`.
 * `onSaved` runs after a check-in is stored (to redraw what shows it); `focusPain` takes
 * the focus to the pain control once it is drawn.
 */
export function checkinForm({ prefix, title, withNote, onSaved, focusPain = false }) {
  const id = (part) => `${prefix}-${part}`;
  const context = el('select', { id: id('context') });
  const pain = painControl({ id: id('pain'), label: 'Pain now', flags: prefix });
  if (focusPain) pain.focus();
  const note = withNote ? el('input', { type: 'text', id: id('note'), autocomplete: 'off' }) : null;
  api.getProtocol().then(
    (protocol) => {
      context.append(...protocol.checkin_contexts.map((c) => el('option', { value: c.value }, c.label)));
      pain.setScale(protocol.pain);
      if (note) note.maxLength = protocol.max_note;
    },
    (error) => console.warn('Could not read the check-in choices', error)
  );
  const status = statusLine(id('status'));
  const form = el(
    'form',
    { id: id('form'), class: 'card', 'aria-labelledby': id('title'), novalidate: true },
    el('h2', { id: id('title') }, title),
    el('div', { class: 'field inline-field' }, el('label', { for: id('context') }, 'When'), context),
    pain.field,
    note ? el('div', { class: 'field' }, el('label', { for: id('note') }, 'Note (optional)'), note) : null,
    el('div', { class: 'actions' }, el('button', { type: 'submit', id: id('save'), class: 'primary' }, 'Save check-in')),
    status
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    pain.invalid(false);
    try {
      const saved = await api.addCheckin(context.value, pain.value(), note ? note.value : '');
      showOk(status, saved.message);
      showSafety(status, saved.safety);
      // The next check-in starts with nothing chosen again.
      pain.clear();
      if (note) note.value = '';
      if (onSaved) await onSaved();
    } catch (error) {
      showError(status, error);
      refusePain(pain, error);
    }
  });
  return form;
}
