// Loads uPlot (vendored under ui/vendor/uplot) the first time a chart is drawn, and the
// options every chart shares (the Journal's and the report's).
//
// uPlot builds an Intl.NumberFormat from navigator.language when it loads. Under a
// POSIX locale (LANG=C, as on many build machines and some minimal desktops) WebKitGTK
// reports the language as "C", which Intl rejects, and the library would fail to load.
// In that case the page's language is given as plain English first.

import { axisDate } from './dates.js';
import { stylesheet } from './dom.js';

let loading = null;

function languageIsUsable() {
  try {
    new Intl.NumberFormat(navigator.language);
    return true;
  } catch (error) {
    return false;
  }
}

export function loadUPlot() {
  if (!loading) {
    if (!languageIsUsable()) {
      Object.defineProperty(navigator, 'language', { value: 'en-US', configurable: true });
    }
    // The charts' own style sheet comes with them (the first screen has no chart).
    loading = Promise.all([import('../vendor/uplot/uPlot.esm.js'), stylesheet('vendor/uplot/uPlot.min.css')]).then(([m]) => m.default);
    loading.catch(() => {
      loading = null;
    });
  }
  return loading;
}

// --- what every chart shares ------------------------------------------------------------

/** A day "YYYY-MM-DD" as a chart's x value: seconds at its UTC midnight. */
export function dayStamp(ymd) {
  const [y, m, d] = ymd.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / 1000;
}

const DAY = 86400;

/** The day of an x value, as "YYYY-MM-DD". */
function ymdOf(stamp) {
  return new Date(stamp * 1000).toISOString().slice(0, 10);
}

/** A colour of the theme as drawn now (the canvas does not follow a later change). */
export function themeColour(name) {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || '#146e78';
}

/** Every how many of `count` labels to show, so that they stand `space` pixels apart in `length`. */
function every(count, length, space) {
  return Math.max(1, Math.ceil(count / Math.max(1, Math.floor(length / space))));
}

/** The whole numbers from `min` to `max`, spaced as `every` says. */
function wholeSplits(min, max, length, space) {
  const lo = Math.ceil(min);
  const hi = Math.floor(max);
  const step = every(hi - lo + 1, length, space);
  const out = [];
  for (let v = lo; v <= hi; v += step) out.push(v);
  return out;
}

/**
 * The options every chart shares, for the days `xs` (day stamps): the x axis spans
 * exactly those days (half a day of room either side, so the first and last bars are
 * whole), its labels are whole days in the pages' date style ("24 Nov", dates.js)
 * spaced to fit, the vertical axis counts in whole numbers over `y.range`, and the
 * legend names each series with its colour without hovering (no live values, so never
 * "--"). Colours are the theme's at the time of drawing.
 */
export function chartOptions(uPlot, { width, height, title, xs, y }) {
  const text = themeColour('--text');
  const grid = themeColour('--border');
  const axis = { stroke: text, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 } };
  const first = xs[0];
  const last = xs[xs.length - 1];
  return {
    width,
    height,
    title,
    tzDate: (ts) => uPlot.tzDate(new Date(ts * 1e3), 'Etc/UTC'),
    scales: {
      x: { time: true, range: () => [first - DAY / 2, last + DAY / 2] },
      y: { range: y.range },
    },
    axes: [
      {
        ...axis,
        splits: (u) => {
          const step = every(xs.length, u.bbox.width / devicePixelRatio, 64);
          return xs.filter((_, k) => k % step === 0);
        },
        values: (u, splits) => splits.map((s) => axisDate(ymdOf(s))),
      },
      {
        ...axis,
        splits: (u, axisIdx, min, max) => wholeSplits(min, max, u.bbox.height / devicePixelRatio, 20),
        values: (u, splits) => splits.map(String),
      },
    ],
    legend: { show: true, live: false },
    cursor: { show: false },
  };
}

/**
 * A vertical dashed line with a label at each of `marks` (`{x, label}`), on the chart's
 * canvas: the label sits right of its line, or left of it when it would run past the
 * plot's right edge, so it is never cut off.
 */
export function markHook(marks) {
  return (u) => {
    const c = u.ctx;
    const px = devicePixelRatio;
    c.save();
    c.strokeStyle = themeColour('--muted');
    c.fillStyle = themeColour('--muted');
    c.setLineDash([4 * px, 4 * px]);
    c.font = `${12 * px}px system-ui, sans-serif`;
    c.textBaseline = 'top';
    for (const mark of marks) {
      const x = u.valToPos(mark.x, 'x', true);
      c.beginPath();
      c.moveTo(x, u.bbox.top);
      c.lineTo(x, u.bbox.top + u.bbox.height);
      c.stroke();
      const w = c.measureText(mark.label).width;
      const right = x + 4 * px + w <= u.bbox.left + u.bbox.width;
      c.textAlign = right ? 'left' : 'right';
      c.fillText(mark.label, right ? x + 4 * px : x - 4 * px, u.bbox.top + 4 * px);
    }
    c.restore();
  };
}
