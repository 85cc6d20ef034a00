// The one pain control, used wherever pain is entered (the session, the check-in, the
// next-morning question, the run log, Journal edits): a row of buttons, one per score,
// with what each end means written under it. The range, the words at the ends and the red
// flags come with the view (core/pain.rs), never from this file. Nothing is chosen until
// the user picks a score (an edit starts on the score it edits), and a save with nothing
// chosen sends no score: the backend refuses it with a message naming the field, and the
// page marks the control and moves the focus to it.
//
// Keyboard: it is one radio group (role radiogroup, each score a button with role radio
// and aria-checked) reached with one Tab; the arrow keys, Home and End move between the
// scores, Space or Enter chooses the one with the focus.

import { el } from './dom.js';
import { redFlagsLink } from './safety-ui.js';

const NEXT = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };

/**
 * A pain field: `label` names it (the group's accessible name), `scale` is the view's pain
 * scale (`{min, max, min_words, max_words, red_flags}`), or null to draw it later with
 * `setScale`; `value` the score already chosen (null: none); `hint` a line under it;
 * `describedBy` ids of other lines that say what the answer does; `flags` the prefix of
 * the red-flags link's id (`${flags}-red-flags`, null for no link).
 *
 * Ids: the group is `id`, each score `${id}-${n}`, the label `${id}-label`.
 * Returns `{ field, value, setScale, clear, invalid, focus, disable }`: `value()` is the
 * chosen score or null.
 */
export function painControl({ id, label, scale = null, value = null, hint = null, describedBy = null, flags = id }) {
  const labelNode = el('span', { class: 'pain-label', id: `${id}-label` }, label);
  const hintNode = hint ? el('p', { class: 'hint', id: `${id}-hint` }, hint) : null;
  const described = [hintNode ? hintNode.id : null, describedBy].filter(Boolean).join(' ');
  const group = el('div', {
    role: 'radiogroup',
    id,
    class: 'pain-choices',
    'aria-labelledby': labelNode.id,
    'aria-describedby': described || null,
    'aria-required': 'true',
  });
  const ends = el('div', { class: 'pain-ends' });
  const flagsSlot = el('div', { class: 'pain-flags' });
  const field = el('div', { class: 'field pain-field' }, labelNode, el('div', { class: 'pain-scale' }, group, ends), hintNode, flagsSlot);

  let chosen = value === null || value === undefined || value === '' ? null : Number(value);
  let buttons = [];
  let focusWhenDrawn = false;

  const sync = () => {
    const tabbable = buttons.find((b) => Number(b.dataset.pain) === chosen) || buttons[0];
    for (const b of buttons) {
      b.setAttribute('aria-checked', String(Number(b.dataset.pain) === chosen));
      b.tabIndex = b === tabbable ? 0 : -1;
    }
  };

  const choose = (button) => {
    chosen = Number(button.dataset.pain);
    group.removeAttribute('aria-invalid');
    sync();
  };

  const setScale = (next) => {
    const words = [`${id}-min-words`, `${id}-max-words`];
    buttons = [];
    for (let n = next.min; n <= next.max; n += 1) {
      const end = n === next.min ? words[0] : n === next.max ? words[1] : null;
      const button = el('button', { type: 'button', role: 'radio', id: `${id}-${n}`, class: 'pain-choice', 'data-pain': n, 'aria-describedby': end }, String(n));
      button.addEventListener('click', () => choose(button));
      buttons.push(button);
    }
    group.replaceChildren(...buttons);
    ends.replaceChildren(
      el('span', { id: words[0] }, `${next.min} = ${next.min_words}`),
      el('span', { id: words[1] }, `${next.max} = ${next.max_words}`)
    );
    flagsSlot.replaceChildren(...(flags && next.red_flags ? [redFlagsLink(next.red_flags, flags)] : []));
    sync();
    if (focusWhenDrawn) focus();
  };

  group.addEventListener('keydown', (event) => {
    const at = buttons.indexOf(document.activeElement);
    if (at < 0) return;
    let to = null;
    if (event.key in NEXT) to = Math.min(buttons.length - 1, Math.max(0, at + NEXT[event.key]));
    else if (event.key === 'Home') to = 0;
    else if (event.key === 'End') to = buttons.length - 1;
    if (to === null) return;
    event.preventDefault();
    for (const b of buttons) b.tabIndex = b === buttons[to] ? 0 : -1;
    buttons[to].focus();
  });

  function focus() {
    const target = buttons.find((b) => b.tabIndex === 0);
    focusWhenDrawn = !target;
    if (target) {
      target.scrollIntoView({ block: 'center' });
      target.focus();
    }
  }

  if (scale) setScale(scale);
  return {
    field,
    value: () => chosen,
    setScale,
    /** Back to nothing chosen (after a saved check-in, so the next one starts empty). */
    clear: () => {
      chosen = null;
      sync();
    },
    /** Marks the group as refused (a choice clears it). */
    invalid: (on) => (on ? group.setAttribute('aria-invalid', 'true') : group.removeAttribute('aria-invalid')),
    focus,
    disable: () => buttons.forEach((b) => b.setAttribute('disabled', 'true')),
  };
}

/** `painControl`'s answer to a refusal naming `pain`: mark it and take the focus there. */
export function refusePain(control, error) {
  if (error && error.field === 'pain') {
    control.invalid(true);
    control.focus();
    return true;
  }
  return false;
}
