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
