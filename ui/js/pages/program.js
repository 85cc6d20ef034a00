// The Program screen: placeholder until the pain-gated exercise ladder is built.

import { heading, coming } from '../dom.js';

export function render(container) {
  container.append(
    heading('Program'),
    ...coming(
      'Your exercise ladder — double-leg glute bridge up to single-leg Swiss ball curls — will appear here, with each step unlocking after pain-free sessions.'
    )
  );
}
