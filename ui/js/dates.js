// Dates as the pages show and send them: the backend's YYYY-MM-DD made friendly, and
// the local calendar day. The one date style of the pages lives here (the backend's
// sentences use the same one, core/dates.rs `friendly`): weekday, day, month, year, as
// "Tue 24 Nov 2026", shortened by dropping words from the ends, never reordered. The
// date fields (<input type="date">) are drawn by WebKit in the system's own date order;
// a page cannot change it (WebKitGTK ignores the page's `lang` for them: tried with
// en-GB), so only what the pages write themselves is in this style.

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** [weekday, day, month, year] of "2026-11-24", or null if it is no date. */
function parts(ymd) {
  const [y, m, d] = String(ymd).split('-').map(Number);
  const date = new Date(y, m - 1, d);
  if (Number.isNaN(date.getTime())) return null;
  return [WEEKDAYS[date.getDay()], d, MONTHS[m - 1], y];
}

/** "Tue 24 Nov 2026" from "2026-11-24", as the backend writes dates in its sentences. */
export function friendlyDate(ymd) {
  const p = parts(ymd);
  return p ? p.join(' ') : String(ymd);
}

/** "Tue 24 Nov": a day of a week shown with its week. */
export function shortDate(ymd) {
  const p = parts(ymd);
  return p ? p.slice(0, 3).join(' ') : String(ymd);
}

/** "24 Nov": a day on a chart's time axis. */
export function axisDate(ymd) {
  const p = parts(ymd);
  return p ? p.slice(1, 3).join(' ') : String(ymd);
}
