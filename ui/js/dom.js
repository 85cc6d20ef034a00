// Small helpers to build DOM safely (no HTML strings: the CSP and user data both forbid
// them), the lists and status lines every screen uses, the way every screen opens:
// heading, loading line, then its data; and the style sheets only some screens need.

/** Sent on the document when the first-run setup is done or skipped (the shell listens). */
export const SETUP_FINISHED = 'hhr-setup-finished';

/**
 * `el('p', {class: 'hint', id: 'x'}, 'text', child)`. Attributes go through
 * setAttribute; `false`/`null` skip one; strings become text nodes, never markup.
 */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === false || value === null || value === undefined) continue;
    node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** The page's one heading; focusable from script so navigation can announce it. */
export function heading(text) {
  return el('h1', { tabindex: '-1' }, text);
}

/** A card titled by its `<h2 id=titleId>`, which also labels it. */
export function card(titleId, title, ...children) {
  return el('section', { class: 'card', 'aria-labelledby': titleId }, el('h2', { id: titleId }, title), ...children);
}


/** A list of short lines, or nothing when empty. */
export function list(tag, items, attrs = {}) {
  return items && items.length ? el(tag, attrs, items.map((item) => el('li', {}, item))) : null;
}

/** A status line for errors and confirmations, announced politely. */
export function statusLine(id) {
  return el('p', { id, class: 'status', role: 'status', 'aria-live': 'polite' });
}

export function showError(line, error) {
  line.textContent = error.message;
  line.classList.add('error');
  line.classList.remove('success');
}

export function showOk(line, text) {
  line.textContent = text;
  line.classList.add('success');
  line.classList.remove('error');
}

/** What could not be loaded, in the backend's words, announced at once. */
export function alertLine(text) {
  return el('p', { class: 'status error', role: 'alert' }, text);
}

/**
 * How a screen opens: its heading (then any `intro` nodes) and a line saying what is
 * loading, which `loadInto` replaces with the screen. Resolves to true once drawn.
 */
export function loadPage(container, ctx, { title, loading, intro = [], load, draw }) {
  const line = el('p', { class: 'muted' }, loading);
  container.append(heading(title), ...intro, line);
  return loadInto(line, ctx, load, draw);
}

/**
 * Waits for `load()`, then puts what `draw(data)` returns (a node or a list) in the place
 * of `placeholder`, or the error as an alert — only while the screen is still the one
 * shown (`ctx.isCurrent()`): the user may have moved on while it loaded. Resolves to true
 * once drawn, so a screen can then focus or draw into what is now in the page.
 */
export async function loadInto(placeholder, ctx, load, draw) {
  let data;
  try {
    data = await load();
  } catch (error) {
    if (ctx.isCurrent()) placeholder.replaceWith(alertLine(error.message));
    return false;
  }
  if (!ctx.isCurrent()) return false;
  placeholder.replaceWith(...[draw(data)].flat().filter(Boolean));
  return true;
}

/**
 * A style sheet beside index.html that only some screens need (the first screen loads
 * styles.css alone): added to the page once; resolves once it applies (or failed to load).
 */
const sheets = new Map();
export function stylesheet(href) {
  if (!sheets.has(href)) {
    sheets.set(
      href,
      new Promise((resolve) => {
        const link = el('link', { rel: 'stylesheet', href });
        link.addEventListener('load', () => resolve(true));
        link.addEventListener('error', () => resolve(false));
        document.head.append(link);
      })
    );
  }
  return sheets.get(href);
}
