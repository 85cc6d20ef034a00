// The Journal screen: placeholder until the history, charts and reports are built.

import { heading, coming } from '../dom.js';

export function render(container) {
  container.append(
    heading('Journal'),
    ...coming(
      'Everything you log — sessions, stretches, pain check-ins, test results and runs — will appear here, with charts and a one-page report for your physiotherapist.'
    )
  );
}
