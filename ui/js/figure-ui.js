// The exercise demonstrations: a figure drawn by the backend from its pose file, built
// here as inline SVG (so the theme colours and the keyframes in figures.css reach it;
// the CSP allows no inline style). Only the tags and attributes a figure uses are
// copied; everything else in the tree is ignored. The motion pauses on hover or focus;
// with reduced motion the start and end poses show side by side instead (styles.css).

import * as api from './api.js';
import { el, stylesheet } from './dom.js';

// The keyframes of every moving picture, asked for when the first screen with a picture
// loads this module (the first screen has none, so it does not wait for them).
const FIGURES_CSS = 'figures.css';
stylesheet(FIGURES_CSS);

const TAGS = new Set(['svg', 'g', 'path', 'circle', 'line', 'rect', 'text', 'title']);
const ATTRS = new Set([
  'viewBox', 'role', 'class', 'transform', 'd', 'cx', 'cy', 'r', 'x1', 'y1', 'x2', 'y2', 'x', 'y',
  'width', 'height', 'rx', 'stroke-width', 'stroke-dasharray', 'vector-effect', 'text-anchor',
  'font-size', 'fill', 'stroke',
]);

/** An SVG element from the backend's tree `{t, a: [[name, value]], c, x}`, made in the
 *  namespace the view names. */
function build(node, ns) {
  if (!node || !TAGS.has(node.t)) return null;
  const out = document.createElementNS(ns, node.t);
  for (const [name, value] of node.a || []) {
    if (ATTRS.has(name)) out.setAttribute(name, String(value));
  }
  if (node.x) out.append(document.createTextNode(node.x));
  for (const child of node.c || []) {
    const built = build(child, ns);
    if (built) out.append(built);
  }
  return out;
}

/** A still pose, hidden from assistive technology (the group around it has the words). */
function still(tree, label, ns) {
  const svg = build(tree, ns);
  svg.setAttribute('aria-hidden', 'true');
  return el('figure', { class: 'demo-pose' }, svg, el('figcaption', {}, label));
}

const asked = new Map();
function demonstration(id) {
  if (!asked.has(id)) {
    asked.set(
      id,
      api.demonstration(id).catch((error) => {
        asked.delete(id);
        throw error;
      })
    );
  }
  return asked.get(id);
}

/** The whole demonstration: moving picture (or the two poses), the side, the mistake. */
function full(view) {
  const moving = build(view.moving, view.namespace);
  moving.setAttribute('aria-hidden', 'true');
  const mistake = view.mistake
    ? el(
        'figure',
        { class: 'demo-mistake' },
        (() => {
          const svg = build(view.mistake[1], view.namespace);
          svg.setAttribute('aria-hidden', 'true');
          return svg;
        })(),
        el('figcaption', {}, `${view.words.not_like_this}: ${view.mistake[0]}`)
      )
    : null;
  // A lasting pause for the looping motion (hover holds it only while the pointer stays).
  const pause = el('button', { type: 'button', class: 'demo-pause', 'aria-pressed': 'false' }, view.words.pause);
  pause.addEventListener('click', () => {
    const figure = pause.closest('figure.demo');
    const paused = figure.classList.toggle('paused');
    pause.setAttribute('aria-pressed', String(paused));
    pause.textContent = paused ? view.words.play : view.words.pause;
  });
  return [
    el('div', { class: 'demo-anim', role: 'img', 'aria-label': view.alt, title: view.words.paused }, moving),
    pause,
    el(
      'div',
      { class: 'demo-still', role: 'img', 'aria-label': view.alt },
      still(view.start, view.words.start, view.namespace),
      still(view.end, view.words.end, view.namespace)
    ),
    el('p', { class: 'demo-side muted' }, view.side),
    mistake,
  ];
}

/** The larger demonstration in a dialog, from a thumbnail. */
function openLarge(view, opener) {
  const close = el('button', { type: 'button', class: 'demo-close' }, view.words.close);
  const dialog = el(
    'dialog',
    { class: 'demo-dialog', 'aria-label': view.alt },
    el('figure', { class: 'demo demo-large', 'data-picture': view.id }, ...full(view).filter(Boolean)),
    el('p', { class: 'actions' }, close)
  );
  close.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => {
    dialog.remove();
    opener.focus();
  });
  document.body.append(dialog);
  dialog.showModal();
  close.focus();
}

/**
 * The demonstration of `id` (`{id, alt}` from the view's pictures): `size` is `large`
 * (the session), `medium` (guide, stretch), `thumb` (a small end pose that opens the
 * large one) or `end` (the end pose alone, for the printed report). The element is returned at once and filled when the figure arrives.
 */
export function demo(picture, size = 'medium') {
  const box = el('figure', { class: `demo demo-${size}`, 'data-picture': picture.id, 'aria-busy': 'true' });
  Promise.all([demonstration(picture.id), stylesheet(FIGURES_CSS)])
    .then(([view]) => {
      if (size === 'end') {
        const end = build(view.end, view.namespace);
        end.setAttribute('role', 'img');
        end.setAttribute('aria-label', view.alt);
        box.replaceChildren(end);
      } else if (size === 'thumb') {
        const end = build(view.end, view.namespace);
        end.setAttribute('aria-hidden', 'true');
        // Too small to read here, and a button's visible words must be in its name: the
        // labels of what to watch show in the large one.
        for (const label of end.querySelectorAll('text')) label.remove();
        const button = el('button', { type: 'button', class: 'demo-thumb', 'aria-label': `${view.words.open}: ${view.alt}` }, end);
        button.addEventListener('click', () => openLarge(view, button));
        box.replaceChildren(button);
      } else {
        box.replaceChildren(...full(view).filter(Boolean));
      }
      box.removeAttribute('aria-busy');
    })
    .catch((error) => {
      box.replaceChildren(el('p', { class: 'muted' }, error.message));
      box.removeAttribute('aria-busy');
    });
  return box;
}

/**
 * The demonstration of `id` from the backend's list of pictures (`{id, src, alt}`), or
 * nothing if there is none: `size` is `large`, `medium` or `thumb` (`demo`).
 */
export function picture(pictures, id, size = 'medium') {
  const found = (pictures || []).find((p) => p.id === id);
  return found ? demo(found, size) : null;
}
