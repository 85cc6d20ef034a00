// The Self-tests screen: placeholder until the guided self-tests are built.

import { heading, coming } from '../dom.js';

export function render(container) {
  container.append(
    heading('Self-tests'),
    ...coming(
      'The three self-tests, with step-by-step instructions for each leg, will appear here.',
      'You will be able to record what you felt and read what the result means.'
    )
  );
}
