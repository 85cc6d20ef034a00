// The Journal's trends: the period's choice and four uPlot charts (vendored), each with a
// sentence under it for screen readers. The period shown is fitted to the data by the
// backend (never before the first day of use); the options every chart shares are in
// charts-lib.js.

import * as api from '../api.js';
import { alertLine, el } from '../dom.js';
import { chartOptions, dayStamp, loadUPlot, markHook, themeColour } from '../charts-lib.js';

const HEIGHT = 220;

/** The "Trends" card's contents: the period's choice, the charts, and `draw()` to (re)draw them. */
export function trends(ctx) {
  const state = { weeks: null, ctx };
  const charts = el('div', { id: 'charts-body' }, el('p', { class: 'muted' }, 'Loading the charts…'));
  const fitted = el('p', { id: 'charts-fitted', class: 'hint' });
  const draw = () => drawCharts(state, charts, fitted);
  return { parts: [weeksChoice(state, draw), fitted, charts], draw };
}

function weeksChoice(state, draw) {
  const select = el('select', { id: 'chart-weeks' });
  api.getProtocol().then(
    (protocol) => select.append(...protocol.chart_periods.map((p) => el('option', { value: String(p.weeks), selected: p.weeks === protocol.chart_weeks }, p.label))),
    (error) => console.warn('Could not read the chart periods', error)
  );
  select.addEventListener('change', () => {
    state.weeks = Number(select.value);
    draw();
  });
  return el('div', { class: 'field inline-field' }, el('label', { for: 'chart-weeks' }, 'Period'), select);
}

/** One chart with its sentence: the canvas is hidden from screen readers, the sentence is not. */
function chartBlock(id, summary) {
  const box = el('div', { id, class: 'chart', role: 'img', 'aria-label': summary });
  return { box, block: el('figure', { class: 'chart-figure' }, box, el('figcaption', { class: 'chart-summary', id: `${id}-summary` }, summary)) };
}

async function drawCharts(state, target, fitted) {
  let data;
  try {
    if (state.weeks === null) state.weeks = (await api.getProtocol()).chart_weeks;
    data = await api.getCharts(state.weeks);
  } catch (error) {
    if (state.ctx.isCurrent()) target.replaceChildren(alertLine(error.message));
    return;
  }
  let uPlot;
  try {
    uPlot = await loadUPlot();
    if (!state.ctx.isCurrent()) return;
    fitted.textContent = data.fitted || '';
    plot(uPlot, data, target);
  } catch (error) {
    console.error('The charts could not be drawn', error);
    if (state.ctx.isCurrent()) target.replaceChildren(alertLine(`The charts could not be drawn: ${error && error.message ? error.message : error}`));
  }
}

/** The four charts, each with its sentence. */
function plot(uPlot, data, target) {
  const xs = data.days.map(dayStamp);
  const width = Math.max(300, Math.min(760, (target.clientWidth || 700) - 8));
  const colours = [themeColour('--accent'), themeColour('--warn-border'), '#8a6fc4', themeColour('--error'), themeColour('--success')];
  const pain = chartBlock('chart-pain', data.summary.pain);
  const stretches = chartBlock('chart-stretches', data.summary.stretches);
  const ladder = chartBlock('chart-ladder', data.summary.ladder);
  const running = chartBlock('chart-running', data.summary.running);
  target.replaceChildren(pain.block, stretches.block, ladder.block, running.block);
  const options = (title, range) => chartOptions(uPlot, { width, height: HEIGHT, title, xs, y: { range } });
  // A line needs two days; on the first day of use its one point is shown instead.
  const alone = { show: xs.length < 2, size: 6 };

  const shown = data.pain.filter((s) => s.values.some((v) => v !== null));
  const axes = data.axes;
  const painOpts = options(axes.pain.title, [axes.pain.min, axes.pain.max]);
  painOpts.series = [{}, ...shown.map((s) => ({ label: s.label, stroke: colours[data.pain.indexOf(s) % colours.length], width: 2, points: { show: true, size: 5 }, spanGaps: true }))];
  painOpts.hooks = { draw: [markHook(data.steps.map((m) => ({ x: dayStamp(m.date), label: `Step ${m.step}` })))] };
  new uPlot(painOpts, [xs, ...shown.map((s) => s.values)], pain.box);

  const stretchOpts = options(`Stretches per day (target ${data.stretch_target})`, [0, Math.max(data.stretch_target + 1, ...data.stretches)]);
  stretchOpts.series = [
    {},
    { label: 'Stretches', stroke: colours[0], fill: themeColour('--accent-soft'), paths: uPlot.paths.bars({ size: [0.7, 40] }), points: { show: false } },
    { label: 'Target', stroke: colours[1], width: 2, dash: [6, 4], points: alone },
  ];
  new uPlot(stretchOpts, [xs, data.stretches, data.stretches.map(() => data.stretch_target)], stretches.box);

  const ladderOpts = options(axes.ladder.title, [axes.ladder.min, axes.ladder.max]);
  ladderOpts.series = [{}, { label: 'Step', stroke: colours[0], width: 2, paths: uPlot.paths.stepped({ align: 1 }), points: alone }];
  new uPlot(ladderOpts, [xs, data.ladder], ladder.box);

  const runOpts = options(axes.running.title, [axes.running.min, axes.running.max]);
  runOpts.series = [{}, { label: 'Week', stroke: colours[4], width: 2, paths: uPlot.paths.stepped({ align: 1 }), points: alone }];
  new uPlot(runOpts, [xs, data.running_week], running.box);
}
