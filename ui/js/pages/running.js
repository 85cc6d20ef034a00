// The Running screen: placeholder until the return-to-running plan is built.

import { heading, coming } from '../dom.js';

export function render(container) {
  container.append(
    heading('Running'),
    ...coming(
      'Your way back to running will appear here: when cross-training and running can start, then an 8-week walk–jog plan that moves on only while it stays pain-free.'
    )
  );
}
