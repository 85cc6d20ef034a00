// The Journal: a quick pain check-in and a note, the trends as charts (uPlot, vendored)
// with a sentence under each for screen readers, and everything logged in one list,
// filtered by kind and date, each entry editable and deletable with an undo.

import * as api from '../api.js';
import { alertLine, card, el, heading, showError, showOk, statusLine } from '../dom.js';
import { checkinForm } from '../checkin-ui.js';
import { showSafety } from '../safety-ui.js';
import { painControl } from '../pain-ui.js';
import { friendlyDate, todayYmd } from '../dates.js';
import { loadUPlot } from '../charts-lib.js';

export function render(container, ctx) {
  const charts = el('div', { id: 'charts-body' }, el('p', { class: 'muted' }, 'Loading the charts…'));
  const log = el('div', { id: 'journal-body' }, el('p', { class: 'muted' }, 'Loading the journal…'));
  // The chart periods, the first one shown, the pain scale and the note's limit come
  // with the protocol (fetched once); the charts wait for it.
  const state = { weeks: null, filter: null, ctx };
  container.append(
    heading('Journal'),
    checkinForm({
      prefix: 'checkin',
      title: 'Quick pain check-in',
      withNote: true,
      onSaved: () => ctx.isCurrent() && refresh(state, charts, log),
      // "Pain check-in…" from the tray opens here, on the pain control.
      focusPain: ctx.param === 'checkin',
    }),
    noteCard(() => refresh(state, charts, log)),
    card(
      'charts-title',
      'Trends',
      weeksChoice(state, charts),
      charts,
      el('p', {}, el('a', { href: '#/report', id: 'open-report', class: 'screen-link' }, 'One-page report for your physiotherapist'))
    ),
    log
  );
  return refresh(state, charts, log);
}

async function refresh(state, charts, log) {
  await Promise.all([drawCharts(state, charts), drawLog(state, log)]);
}

// --- check-in and note ------------------------------------------------------------------

function noteCard(done) {
  const text = el('textarea', { id: 'note-text', rows: 2 });
  api.getProtocol().then(
    (protocol) => {
      text.maxLength = protocol.max_note;
    },
    (error) => console.warn('Could not read the note limit', error)
  );
  const status = statusLine('note-status');
  const form = el(
    'form',
    { id: 'note-form', class: 'card', 'aria-labelledby': 'note-title', novalidate: true },
    el('h2', { id: 'note-title' }, 'Add a note'),
    el('div', { class: 'field' }, el('label', { for: 'note-text' }, 'Note'), text),
    el('div', { class: 'actions' }, el('button', { type: 'submit', id: 'save-note' }, 'Save note')),
    status
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      showOk(status, await api.addNote(text.value));
      text.value = '';
      await done();
    } catch (error) {
      showError(status, error);
    }
  });
  return form;
}

// --- charts -----------------------------------------------------------------------------

function weeksChoice(state, charts) {
  const select = el('select', { id: 'chart-weeks' });
  api.getProtocol().then(
    (protocol) => select.append(...protocol.chart_periods.map((p) => el('option', { value: String(p.weeks), selected: p.weeks === protocol.chart_weeks }, p.label))),
    (error) => console.warn('Could not read the chart periods', error)
  );
  select.addEventListener('change', () => {
    state.weeks = Number(select.value);
    drawCharts(state, charts);
  });
  return el('div', { class: 'field inline-field' }, el('label', { for: 'chart-weeks' }, 'Period'), select);
}

function cssVar(name) {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || '#146e78';
}

function dayStamp(ymd) {
  const [y, m, d] = ymd.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / 1000;
}

function baseOptions(uPlot, width, title, scaleY) {
  const text = cssVar('--text');
  const grid = cssVar('--border');
  const axis = { stroke: text, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 } };
  return {
    width,
    height: 200,
    title,
    tzDate: (ts) => uPlot.tzDate(new Date(ts * 1e3), 'Etc/UTC'),
    scales: { x: { time: true }, y: scaleY },
    axes: [axis, { ...axis }],
    legend: { show: true },
    cursor: { drag: { x: false, y: false } },
  };
}

/** One chart with its sentence: the canvas is hidden from screen readers, the sentence is not. */
function chartBlock(id, summary) {
  const box = el('div', { id, class: 'chart', role: 'img', 'aria-label': summary });
  return { box, block: el('figure', { class: 'chart-figure' }, box, el('figcaption', { class: 'chart-summary', id: `${id}-summary` }, summary)) };
}

async function drawCharts(state, target) {
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
  const colours = [cssVar('--accent'), cssVar('--warn-border'), '#8a6fc4', cssVar('--error'), cssVar('--success')];
  const pain = chartBlock('chart-pain', data.summary.pain);
  const stretches = chartBlock('chart-stretches', data.summary.stretches);
  const ladder = chartBlock('chart-ladder', data.summary.ladder);
  const running = chartBlock('chart-running', data.summary.running);
  target.replaceChildren(pain.block, stretches.block, ladder.block, running.block);

  const shown = data.pain.filter((s) => s.values.some((v) => v !== null));
  const axes = data.axes;
  const painOpts = baseOptions(uPlot, width, axes.pain.title, { range: [axes.pain.min, axes.pain.max] });
  painOpts.series = [{}, ...shown.map((s) => ({ label: s.label, stroke: colours[data.pain.indexOf(s) % colours.length], width: 2, points: { show: true, size: 5 }, spanGaps: true }))];
  const marks = data.steps.map((m) => ({ x: dayStamp(m.date), label: `Step ${m.step}` }));
  painOpts.hooks = {
    draw: [
      (u) => {
        const c = u.ctx;
        c.save();
        c.strokeStyle = cssVar('--muted');
        c.fillStyle = cssVar('--muted');
        c.setLineDash([4, 4]);
        c.font = `${11 * devicePixelRatio}px system-ui, sans-serif`;
        for (const mark of marks) {
          const x = u.valToPos(mark.x, 'x', true);
          c.beginPath();
          c.moveTo(x, u.bbox.top);
          c.lineTo(x, u.bbox.top + u.bbox.height);
          c.stroke();
          c.fillText(mark.label, x + 3, u.bbox.top + 12 * devicePixelRatio);
        }
        c.restore();
      },
    ],
  };
  new uPlot(painOpts, [xs, ...shown.map((s) => s.values)], pain.box);

  const stretchOpts = baseOptions(uPlot, width, `Stretches per day (target ${data.stretch_target})`, { range: [0, Math.max(data.stretch_target + 1, ...data.stretches)] });
  stretchOpts.series = [
    {},
    { label: 'Stretches', stroke: colours[0], fill: cssVar('--accent-soft'), paths: uPlot.paths.bars({ size: [0.7, 40] }), points: { show: false } },
    { label: 'Target', stroke: colours[1], width: 2, dash: [6, 4], points: { show: false } },
  ];
  new uPlot(stretchOpts, [xs, data.stretches, data.stretches.map(() => data.stretch_target)], stretches.box);

  const ladderOpts = baseOptions(uPlot, width, axes.ladder.title, { range: [axes.ladder.min, axes.ladder.max] });
  ladderOpts.series = [{}, { label: 'Step', stroke: colours[0], width: 2, paths: uPlot.paths.stepped({ align: 1 }), points: { show: false } }];
  new uPlot(ladderOpts, [xs, data.ladder], ladder.box);

  const runOpts = baseOptions(uPlot, width, axes.running.title, { range: [axes.running.min, axes.running.max] });
  runOpts.series = [{}, { label: 'Week', stroke: colours[4], width: 2, paths: uPlot.paths.stepped({ align: 1 }), points: { show: false } }];
  new uPlot(runOpts, [xs, data.running_week], running.box);
}

// --- the log ----------------------------------------------------------------------------

async function drawLog(state, target) {
  let view;
  try {
    view = await api.getJournal(state.filter);
  } catch (error) {
    if (state.ctx.isCurrent()) {
      const status = document.getElementById('journal-status');
      if (status) showError(status, error);
      else target.replaceChildren(alertLine(error.message));
    }
    return;
  }
  if (!state.ctx.isCurrent()) return;
  const status = statusLine('journal-status');
  const reload = async () => drawLog(state, target);
  target.replaceChildren(
    card(
      'journal-title',
      'Everything logged',
      filterForm(view, state, reload),
      status,
      view.entries.length
        ? el('ol', { id: 'journal-entries', class: 'journal' }, view.entries.map((entry) => entryItem(entry, view, status, reload)))
        : el('p', { id: 'journal-empty', class: 'muted' }, `Nothing logged from ${friendlyDate(view.from)} to ${friendlyDate(view.to)} of the kinds chosen.`)
    )
  );
}

function filterForm(view, state, reload) {
  const today = todayYmd();
  const from = el('input', { type: 'date', id: 'journal-from', value: view.from, max: today });
  const to = el('input', { type: 'date', id: 'journal-to', value: view.to, max: today });
  const boxes = view.kinds.map((k) => el('input', { type: 'checkbox', id: `kind-${k.kind}`, value: k.kind, checked: k.shown }));
  const form = el(
    'form',
    { id: 'journal-filter', class: 'filters', novalidate: true, 'aria-label': 'Filter the journal' },
    el('div', { class: 'field inline-field' }, el('label', { for: 'journal-from' }, 'From'), from),
    el('div', { class: 'field inline-field' }, el('label', { for: 'journal-to' }, 'To'), to),
    el(
      'fieldset',
      { class: 'kinds' },
      el('legend', {}, 'Show'),
      view.kinds.map((k, i) => el('label', { for: `kind-${k.kind}`, class: 'inline' }, boxes[i], ` ${k.label}`))
    ),
    el('div', { class: 'actions' }, el('button', { type: 'submit', id: 'journal-apply' }, 'Show'))
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    state.filter = { from: from.value, to: to.value, kinds: boxes.filter((b) => b.checked).map((b) => b.value) };
    reload();
  });
  return form;
}

function entryItem(entry, view, status, reload) {
  const key = `${entry.kind}-${entry.id}`;
  const body = el(
    'div',
    { class: 'entry-body' },
    el('p', { class: 'entry-head' }, el('span', { class: 'entry-date' }, friendlyDate(entry.date)), ' ', el('strong', { class: 'entry-title' }, entry.title)),
    entry.details.map((d) => el('p', { class: 'entry-detail' }, d)),
    entry.note && entry.kind !== 'note' ? el('p', { class: 'entry-note note-text' }, entry.note) : null,
    entry.kind === 'note' ? el('p', { class: 'entry-note note-text' }, entry.note) : null
  );
  const item = el('li', { class: 'entry', 'data-kind': entry.kind, 'data-id': String(entry.id), id: `entry-${key}` }, body);
  const buttons = el('div', { class: 'actions entry-actions' });
  if (entry.edits.length) {
    const edit = el('button', { type: 'button', id: `edit-${key}`, 'aria-label': `Edit ${entry.title}, ${friendlyDate(entry.date)}` }, 'Edit');
    edit.addEventListener('click', () => {
      buttons.hidden = true;
      item.append(editForm(entry, view, key, status, reload, () => {
        buttons.hidden = false;
        edit.focus();
      }));
    });
    buttons.append(edit);
  }
  const remove = el('button', { type: 'button', id: `delete-${key}`, class: 'danger', 'aria-label': `Delete ${entry.title}, ${friendlyDate(entry.date)}` }, 'Delete');
  remove.addEventListener('click', async () => {
    try {
      const deleted = await api.deleteEntry(entry.kind, entry.id);
      await reload();
      offerUndo(deleted, reload);
    } catch (error) {
      showError(status, error);
    }
  });
  buttons.append(remove);
  item.append(buttons);
  return item;
}

/** "Deleted … Undo": the message that confirms a delete carries the way back. */
function offerUndo(deleted, reload) {
  const status = document.getElementById('journal-status');
  if (!status) return;
  const undo = el('button', { type: 'button', id: 'undo-delete' }, 'Undo');
  undo.addEventListener('click', async () => {
    try {
      const said = await api.undoDelete(deleted.trash_id);
      await reload();
      const line = document.getElementById('journal-status');
      if (line) showOk(line, said);
    } catch (error) {
      showError(status, error);
    }
  });
  status.classList.remove('error');
  status.classList.add('success');
  status.replaceChildren(`${deleted.message} `, undo);
  undo.focus();
}

/** One field of an edit form: its node, the value to send, and how to mark it refused. */
function editField(edit, id, view) {
  if (edit.input === 'pain') {
    const pain = painControl({ id, label: edit.label, scale: view.pain, value: edit.value });
    const read = () => pain.value();
    const mark = () => {
      pain.invalid(true);
      pain.focus();
    };
    return { edit, field: pain.field, read, changed: () => String(read()) !== edit.value, mark, focus: pain.focus };
  }
  let control;
  if (edit.input === 'date') control = el('input', { type: 'date', id, value: edit.value, max: todayYmd() });
  else if (edit.input === 'choice') control = el('select', { id }, edit.choices.map(([value, label]) => el('option', { value, selected: value === edit.value }, label)));
  else control = el('textarea', { id, rows: 2, maxlength: view.max_note }, edit.value);
  const mark = () => {
    control.setAttribute('aria-invalid', 'true');
    control.focus();
  };
  const read = () => control.value;
  return { edit, field: el('div', { class: 'field' }, el('label', { for: id }, edit.label), control), read, changed: () => read() !== edit.value, mark, focus: () => control.focus() };
}

function editForm(entry, view, key, status, reload, close) {
  const controls = entry.edits.map((edit) => editField(edit, `edit-${key}-${edit.field.replace(/[^a-z0-9_-]/gi, '-')}`, view));
  const save = el('button', { type: 'submit', id: `save-${key}`, class: 'primary' }, 'Save');
  const cancel = el('button', { type: 'button', id: `cancel-${key}` }, 'Cancel');
  const form = el('form', { class: 'entry-edit', novalidate: true, 'aria-label': `Edit ${entry.title}` }, controls.map((c) => c.field), el('div', { class: 'actions' }, save, cancel));
  cancel.addEventListener('click', () => {
    form.remove();
    close();
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    let sending = null;
    try {
      let safety = null;
      for (const c of controls) {
        sending = c;
        if (c.changed()) safety = (await api.editEntry(entry.kind, entry.id, c.edit.field, c.read())).safety || safety;
      }
      sending = null;
      await reload();
      const line = document.getElementById('journal-status');
      if (line) showOk(line, 'Saved.');
      showSafety(line, safety);
    } catch (error) {
      showError(status, error);
      // The refused field is the one being sent (a session's pain fields all check as `pain`).
      if (sending && error.field) sending.mark();
    }
  });
  queueMicrotask(() => controls[0] && controls[0].focus());
  return form;
}
