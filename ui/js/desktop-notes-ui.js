// What this desktop lacks (no notification server took a reminder, no tray host), in the
// backend's words: one small block, empty and hidden on a desktop that has both. Settings
// shows it; the first-run setup can too.

import * as api from './api.js';
import { el } from './dom.js';

export function desktopNotes() {
  const block = el('section', { id: 'desktop-notes', class: 'notice', hidden: true, 'aria-label': 'About this desktop' });
  api.desktopNotes().then(
    (notes) => {
      block.replaceChildren(...notes.map((n) => el('p', { 'data-key': n.key }, n.text)));
      block.hidden = notes.length === 0;
    },
    (error) => console.warn('Could not read the desktop notes', error)
  );
  return block;
}
