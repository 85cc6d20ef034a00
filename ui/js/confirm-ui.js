// A modal "are you sure?" for an action that changes what the user has: one <dialog> per
// screen, asked with a title, a sentence and what to do on yes. Cancel (or Escape) does
// nothing; the focus starts on Cancel so Enter alone never confirms.

import { el } from './dom.js';

/** `{dialog, ask(title, text, onYes)}`; put `dialog` in the page once. */
export function confirmDialog(id, yesLabel) {
  const title = el('h2', { id: `${id}-title` }, '');
  const text = el('p', { id: `${id}-text` }, '');
  const yes = el('button', { type: 'button', id: `${id}-ok`, class: 'primary' }, yesLabel);
  const cancel = el('button', { type: 'button', id: `${id}-cancel` }, 'Cancel');
  const dialog = el(
    'dialog',
    { id, 'aria-labelledby': `${id}-title`, 'aria-describedby': `${id}-text` },
    title,
    text,
    el('div', { class: 'actions' }, yes, cancel)
  );
  let onYes = null;
  cancel.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => {
    onYes = null;
  });
  yes.addEventListener('click', () => {
    const run = onYes;
    dialog.close();
    if (run) run();
  });
  const ask = (heading, sentence, then) => {
    title.textContent = heading;
    text.textContent = sentence;
    onYes = then;
    dialog.showModal();
    cancel.focus();
  };
  return { dialog, ask };
}

/**
 * The confirmation that a clinician advised a change that loosens the pain rule (raising
 * the allowed pain, a step forward by hand): a checkbox, the clinician's name and a note,
 * both optional. Its words and limits come with the view (`texts`, from the core); the
 * sentence asked is the backend's refusal. `ask(sentence, onYes, onCancel)` calls
 * `onYes({clinician_confirmed, clinician_name, clinician_note})` or `onCancel()`.
 */
export function adviceDialog(id, texts) {
  const title = el('h2', { id: `${id}-title` }, texts.title);
  const text = el('p', { id: `${id}-text` }, '');
  const box = el('input', { type: 'checkbox', id: `${id}-confirmed` });
  const name = el('input', { type: 'text', id: `${id}-name`, maxlength: texts.max_name, autocomplete: 'off' });
  const note = el('textarea', { id: `${id}-note`, maxlength: texts.max_note, rows: 3 });
  const yes = el('button', { type: 'button', id: `${id}-ok`, class: 'primary' }, texts.yes);
  const cancel = el('button', { type: 'button', id: `${id}-cancel` }, 'Cancel');
  const dialog = el(
    'dialog',
    { id, 'aria-labelledby': `${id}-title`, 'aria-describedby': `${id}-text` },
    title,
    text,
    el('div', { class: 'field' }, el('label', { for: box.id, class: 'inline' }, box, ` ${texts.confirm}`)),
    el('div', { class: 'field' }, el('label', { for: name.id }, texts.name_label), name),
    el('div', { class: 'field' }, el('label', { for: note.id }, texts.note_label), note),
    el('div', { class: 'actions' }, yes, cancel)
  );
  let onYes = null;
  let onCancel = null;
  cancel.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => {
    const run = onCancel;
    onYes = null;
    onCancel = null;
    if (run) run();
  });
  yes.addEventListener('click', () => {
    const run = onYes;
    const advice = { clinician_confirmed: box.checked, clinician_name: name.value, clinician_note: note.value };
    onCancel = null;
    dialog.close();
    if (run) run(advice);
  });
  const ask = (sentence, then, otherwise) => {
    text.textContent = sentence;
    box.checked = false;
    onYes = then;
    onCancel = otherwise || null;
    dialog.showModal();
    cancel.focus();
  };
  return { dialog, ask };
}
