// The Guide: the app's knowledge of the injury, with a table of contents, instant offline
// search, deep links (#/guide/<section>) from other screens, and a way back.

import * as api from '../api.js';
import { el, list, loadPage } from '../dom.js';
import { picture } from '../figure-ui.js';
import { cites, otherCites } from '../protocol-ui.js';

export async function render(container, ctx) {
  const drawn = await loadPage(container, ctx, {
    title: 'Guide',
    loading: 'Loading the guide…',
    load: () => Promise.all([api.getGuide(), api.getProtocol()]),
    draw: ([guide, protocol]) => guidePage(guide, protocol, ctx),
  });
  if (drawn && ctx.param) focusSection(ctx.param);
}

function sectionId(id) {
  return `guide-${id}`;
}

/** Search, contents, the sections and the references (and a way back after a deep link). */
function guidePage(guide, protocol, ctx) {
  const toc = el(
    'nav',
    { class: 'card toc', 'aria-labelledby': 'toc-title' },
    el('h2', { id: 'toc-title' }, 'Contents'),
    el(
      'ol',
      { id: 'guide-toc' },
      guide.sections.map((s) => el('li', {}, el('a', { href: `#/guide/${s.id}` }, s.title))),
      el('li', {}, el('a', { href: '#/guide/references' }, 'References')),
      el('li', {}, el('a', { href: `#/guide/${guide.method.id}` }, guide.method.title))
    )
  );

  const search = el('input', {
    type: 'search',
    id: 'guide-search',
    autocomplete: 'off',
    'aria-describedby': 'guide-search-count',
    'aria-controls': 'guide-results',
  });
  const count = el('p', { id: 'guide-search-count', class: 'hint', role: 'status', 'aria-live': 'polite' });
  const results = el('ul', { id: 'guide-results', class: 'results' });
  search.addEventListener('input', () => showResults(search.value, guide, results, count));

  const sections = guide.sections.map((s) =>
    el(
      'section',
      { id: sectionId(s.id), class: 'guide-section', 'aria-labelledby': `${sectionId(s.id)}-title` },
      el('h2', { id: `${sectionId(s.id)}-title`, tabindex: '-1' }, s.title),
      s.paras.map((p) =>
        el(
          'p',
          {},
          p.text,
          p.cites.length ? el('span', { class: 'cite' }, cites(p.cites)) : null,
          p.others.length ? el('span', { class: 'cite cite-other' }, otherCites(p.others)) : null
        )
      ),
      s.list.length ? list('ul', s.list, { class: 'red-flag-list', id: `${sectionId(s.id)}-list` }) : null,
      s.pictures.length ? gallery(s.pictures, guide.pictures, names(protocol)) : null,
      s.links.length ? el('p', { class: 'links' }, s.links.map((l) => el('a', { href: l.route, class: 'screen-link' }, l.label))) : null
    )
  );
  const references = el(
    'section',
    { id: sectionId('references'), class: 'guide-section', 'aria-labelledby': 'guide-references-title' },
    el('h2', { id: 'guide-references-title', tabindex: '-1' }, 'References'),
    el('ol', { class: 'references' }, guide.citations.map((c) => el('li', { value: String(c.n) }, `${c.source}. `, el('span', { class: 'muted' }, c.used_for))))
  );

  const back = ctx.param && history.length > 1 ? backButton() : null;
  return [
    back,
    el('div', { class: 'field guide-search' }, el('label', { for: 'guide-search' }, 'Search the guide'), search, count, results),
    toc,
    ...sections,
    references,
    methodSection(guide.method),
  ];
}

/** "Sources and method": every rule the app applies and where it comes from, then the
 *  sources beyond the guide. All of it comes from the backend's table (core/sources.rs). */
function methodSection(method) {
  const id = sectionId(method.id);
  return el(
    'section',
    { id, class: 'guide-section', 'aria-labelledby': `${id}-title` },
    el('h2', { id: `${id}-title`, tabindex: '-1' }, method.title),
    el('p', {}, method.intro),
    el(
      'table',
      { class: 'table method-table', id: 'method-table' },
      el('thead', {}, el('tr', {}, method.columns.map((c) => el('th', { scope: 'col' }, c)))),
      el(
        'tbody',
        {},
        method.rules.map((r) => el('tr', { 'data-provenance': r.provenance.kind }, el('td', {}, r.rule), el('td', {}, r.value), el('td', {}, r.source)))
      )
    ),
    el('h3', { id: 'other-sources-title' }, method.other_sources_title),
    el('ul', { class: 'references', id: 'other-sources' }, method.other_sources.map((s) => el('li', {}, `[${s.key}] ${s.reference}. `, el('span', { class: 'muted' }, s.used_for))))
  );
}

/** A deep link's section, scrolled to and focused (the heading if there is no such section). */
function focusSection(param) {
  const id = param === 'references' ? 'guide-references-title' : `${sectionId(param)}-title`;
  const target = document.getElementById(id) || document.querySelector('#page h1');
  target.scrollIntoView({ block: 'start' });
  target.focus({ preventScroll: true });
}

/** Names of everything a picture can show: tests, exercises, the stretch. */
function names(protocol) {
  return Object.fromEntries([...protocol.tests, ...protocol.ladder, protocol.stretch].map((x) => [x.id, x.name]));
}

function gallery(ids, pictures, named) {
  return el(
    'div',
    { class: 'gallery' },
    ids.map((id) => el('figure', {}, picture(pictures, id), el('figcaption', {}, named[id] || id)))
  );
}

function backButton() {
  const button = el('button', { type: 'button', id: 'guide-back' }, '← Back to where you were');
  button.addEventListener('click', () => history.back());
  return el('div', { class: 'actions' }, button);
}

function showResults(query, guide, results, count) {
  const q = query.trim().toLowerCase();
  results.replaceChildren();
  if (q.length < 2) {
    count.textContent = '';
    return;
  }
  const hits = [];
  for (const s of guide.sections) {
    const titleHit = s.title.toLowerCase().includes(q);
    const paras = s.paras.filter((p) => p.text.toLowerCase().includes(q));
    if (titleHit || paras.length) hits.push({ section: s, snippet: (paras[0] || s.paras[0] || { text: '' }).text });
  }
  count.textContent = hits.length ? `${hits.length} section${hits.length === 1 ? '' : 's'} mention “${query.trim()}”.` : `Nothing in the guide mentions “${query.trim()}”.`;
  for (const hit of hits) {
    results.append(
      el(
        'li',
        {},
        el('a', { href: `#/guide/${hit.section.id}`, 'data-section': hit.section.id }, hit.section.title),
        el('span', { class: 'muted' }, ` — ${snippet(hit.snippet, q)}`)
      )
    );
  }
}

/** Up to ~120 characters of `text` around the first match. */
function snippet(text, q) {
  const at = text.toLowerCase().indexOf(q);
  if (at < 0 || text.length <= 120) return text.length <= 120 ? text : `${text.slice(0, 117)}…`;
  const start = Math.max(0, at - 50);
  const piece = text.slice(start, start + 120);
  return `${start > 0 ? '…' : ''}${piece}${start + 120 < text.length ? '…' : ''}`;
}
