// The Guide screen: placeholder until the in-app guide to the injury is built.

import { el, heading, coming } from '../dom.js';

export function render(container) {
  container.append(
    heading('Guide'),
    ...coming(
      'A plain-language guide to high hamstring tendinopathy — what it is, how it is treated and who to talk to — will appear here.'
    ),
    el(
      'p',
      { class: 'note' },
      'This app is not medical advice: see a clinician to confirm the diagnosis and to guide your recovery.'
    )
  );
}
