// The clinician report: one printable page (the print stylesheet hides the app around
// it and prints in the light colours; the chart is drawn again in them for the print)
// with "Print / Save as PDF" (the webview's print) and "Save report", which writes a
// self-contained HTML file to the export folder.

import * as api from '../api.js';
import { el, loadPage, showError, showOk, statusLine } from '../dom.js';
import { gatesList } from '../protocol-ui.js';
import { friendlyDate } from '../dates.js';
import { chartOptions, dayStamp, loadUPlot, themeColour } from '../charts-lib.js';
import { demo } from '../figure-ui.js';

export async function render(container, ctx) {
  let charts = null;
  const drawn = await loadPage(container, ctx, {
    title: 'Report for your physiotherapist',
    loading: 'Preparing the report…',
    load: api.getReport,
    draw: (r) => {
      charts = r.charts;
      return report(r);
    },
  });
  if (!drawn) return;
  // Drawn once its box is in the page: uPlot measures it.
  const box = document.getElementById('report-chart');
  const uPlot = await loadUPlot();
  drawPain(box, charts, uPlot);
  shown = { box, charts, uPlot };
}

// The canvas keeps the colours it was drawn in: for paper, the chart shown is drawn in the
// light theme's, and in the screen's again afterwards.
let shown = null;
let screenTheme = null;
window.addEventListener('beforeprint', () => {
  if (!shown || !document.body.contains(shown.box)) return;
  const root = document.documentElement;
  screenTheme = root.dataset.theme;
  root.dataset.theme = 'light';
  drawPain(shown.box, shown.charts, shown.uPlot);
});
window.addEventListener('afterprint', () => {
  if (screenTheme === null) return;
  document.documentElement.dataset.theme = screenTheme;
  screenTheme = null;
  if (shown && document.body.contains(shown.box)) drawPain(shown.box, shown.charts, shown.uPlot);
});

/** The page's actions, then the report itself. */
function report(r) {
  const status = statusLine('report-status');
  const print = el('button', { type: 'button', id: 'print-report', class: 'primary' }, 'Print / Save as PDF');
  print.addEventListener('click', () => window.print());
  const save = el('button', { type: 'button', id: 'save-report' }, 'Save report');
  save.addEventListener('click', async () => {
    try {
      const saved = await api.saveReport();
      const open = el('button', { type: 'button', id: 'open-report-folder' }, 'Open folder');
      open.addEventListener('click', () => api.openFolder('last_report').catch((error) => showError(status, error)));
      showOk(status, `Saved as ${saved.path} `);
      status.append(open);
    } catch (error) {
      showError(status, error);
    }
  });
  const chart = el('div', { id: 'report-chart', class: 'chart', role: 'img', 'aria-label': r.charts.summary.pain });
  return [
    el('div', { class: 'actions no-print' }, print, save, el('a', { href: '#/journal' }, 'Back to the journal')),
    status,
    el(
      'article',
      { id: 'report', class: 'report' },
      el('p', { class: 'muted' }, r.texts.prepared),
      el('p', { id: 'report-you' }, r.texts.you),
      el('h2', {}, 'Exercise ladder'),
      el('p', { class: 'figure', id: 'report-step' }, r.texts.step),
      el('p', {}, r.ladder.headline),
      el('p', { class: 'muted' }, r.ladder.reason),
      el('h3', {}, r.texts.exercises_title),
      el('ul', { id: 'report-exercises', class: 'report-exercises' }, r.texts.exercises.map((e) => el('li', {}, demo(e, 'end'), el('span', {}, e.name)))),
      el('h2', {}, r.texts.advised_title),
      r.advised.length
        ? el('ul', { id: 'report-advised' }, r.advised.map((line) => el('li', {}, line)))
        : el('p', { class: 'muted' }, r.texts.no_advised),
      el('h2', {}, 'Gates'),
      gatesList(r.gates),
      el('h2', {}, 'Self-tests'),
      el('p', {}, r.self_tests_headline),
      r.test_results.length ? el('ul', {}, r.test_results.map((t) => el('li', {}, t))) : null,
      el('h2', {}, r.texts.pain_title),
      chart,
      el('p', { class: 'chart-summary' }, r.charts.summary.pain),
      el('p', { id: 'report-mornings' }, r.texts.mornings),
      el('h2', {}, 'Stretching'),
      el('p', { class: 'figure', id: 'report-adherence' }, r.texts.adherence),
      el('h2', {}, 'Return to running'),
      el('p', { id: 'report-running' }, r.texts.running),
      r.running ? el('p', { class: 'muted' }, r.running.latest) : null,
      el('h2', {}, 'Notes'),
      r.notes.length
        ? el(
            'table',
            { class: 'table', id: 'report-notes' },
            el('tbody', {}, r.notes.map((n) => el('tr', {}, el('td', {}, friendlyDate(n.date)), el('td', {}, n.source), el('td', { class: 'note-text' }, n.text))))
          )
        : el('p', { class: 'muted' }, r.texts.no_notes)
    ),
  ];
}

/** The pain chart, as the Journal draws it (charts-lib.js), in the theme's colours now. */
function drawPain(box, charts, uPlot) {
  const colours = [themeColour('--accent'), themeColour('--warn-border'), '#8a6fc4', themeColour('--error'), themeColour('--success')];
  const xs = charts.days.map(dayStamp);
  const shown = charts.pain.filter((s) => s.values.some((v) => v !== null));
  const options = chartOptions(uPlot, {
    width: Math.max(300, Math.min(700, (box.parentElement.clientWidth || 700) - 8)),
    height: 220,
    xs,
    y: { range: [charts.axes.pain.min, charts.axes.pain.max] },
  });
  options.series = [{}, ...shown.map((s) => ({ label: s.label, stroke: colours[charts.pain.indexOf(s) % colours.length], width: 2, spanGaps: true, points: { show: true, size: 5 } }))];
  box.replaceChildren();
  new uPlot(options, [xs, ...shown.map((s) => s.values)], box);
}
