// The quick pain check-in form, shared by Today and the Journal: when (the choices and
// their words come with the protocol from the backend, as do the pain scale and the note's
// limit), pain with the red flags one click away, and optionally a note. A saved score
// that calls for it brings back the red flags (the backend decides).


import * as api from './api.js';
import { el, showError, showOk, statusLine } from './dom.js';
import { redFlagsLink, showSafety } from './safety-ui.js';

/**
 * Ids are `${prefix}-context`, `-pain`, `-note`, `-save`, `-status` and `${prefix}-form`.
 * `onSaved` runs after a check-in is stored (to redraw what shows it).
 */
export function checkinForm({ prefix, title, withNote, onSaved }) {
  const id = (part) => `${prefix}-${part}`;
  const context = el('select', { id: id('context') });
  const pain = el('input', { type: 'number', id: id('pain'), step: 1, inputmode: 'numeric', 'aria-describedby': id('pain-hint') });
  const hint = el('p', { class: 'hint', id: id('pain-hint') });
  const note = withNote ? el('input', { type: 'text', id: id('note'), autocomplete: 'off' }) : null;
  const flags = el('div', { id: id('flags') });
  api.getProtocol().then(
    (protocol) => {
      context.append(...protocol.checkin_contexts.map((c) => el('option', { value: c.value }, c.label)));
      pain.min = String(protocol.pain.min);
      pain.max = String(protocol.pain.max);
      if (!pain.value) pain.value = String(protocol.pain.min);
      hint.textContent = `${protocol.pain.anchors}.`;
      flags.replaceChildren(redFlagsLink(protocol.pain.red_flags, prefix));
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
    el('div', { class: 'field inline-field' }, el('label', { for: id('pain') }, 'Pain now'), pain, hint, flags),
    note ? el('div', { class: 'field' }, el('label', { for: id('note') }, 'Note (optional)'), note) : null,
    el('div', { class: 'actions' }, el('button', { type: 'submit', id: id('save'), class: 'primary' }, 'Save check-in')),
    status
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    pain.removeAttribute('aria-invalid');
    try {
      const saved = await api.addCheckin(context.value, pain.value, note ? note.value : '');
      showOk(status, saved.message);
      showSafety(status, saved.safety);
      if (note) note.value = '';
      if (onSaved) await onSaved();
    } catch (error) {
      showError(status, error);
      if (error.field === 'pain') {
        pain.setAttribute('aria-invalid', 'true');
        pain.focus();
      }
    }
  });
  return form;
}
