// The protocol's pieces as several screens show them: the ladder's decision, the gates,
// an exercise's dose, citations, and the tone that ends a timed hold or interval. The
// words of decisions and reasons come from the backend and are shown as they are.

import { el, list } from './dom.js';

/** The app's decision: headline, the reason in one sentence, and what unlocks next. */
export function decisionBlock(decision) {
  return el(
    'section',
    { class: `card decision decision-${decision.kind}`, 'aria-labelledby': 'decision-headline' },
    el('h2', { id: 'decision-headline' }, decision.headline),
    el('p', { id: 'decision-reason' }, decision.reason),
    el('p', { id: 'decision-next', class: 'muted' }, decision.next),
    el('p', {}, el('a', { href: '#/guide/treatment', class: 'screen-link' }, 'Why the program works this way'))
  );
}

/** The cross-training and running gates, each with its reason and the test behind it. */
export function gatesList(gates) {
  return el(
    'ul',
    { id: 'gates', class: 'gates' },
    gates.map((gate) =>
      el(
        'li',
        { 'data-gate': gate.gate, 'data-open': String(gate.open), class: gate.open ? 'gate open' : 'gate closed' },
        el('span', { class: 'gate-name' }, gate.name),
        el('span', { class: 'badge' }, gate.open ? 'Open' : 'Closed'),
        el('span', { class: 'gate-reason' }, gate.reason, ' ', el('a', { href: '#/guide/return-to-running' }, 'About the gates'))
      )
    )
  );
}

/** The dose an exercise builds up to and where it comes from, both in the backend's words. */
export function doseLineBlock(line, id) {
  if (!line) return null;
  return el('p', { class: 'muted dose-line', id }, `Dose to reach: ${line.text} `, el('span', { class: 'dose-source' }, line.source));
}

/** " [3, 7]" after a sentence, or nothing. */
export function cites(numbers) {
  return numbers && numbers.length ? ` [${numbers.join(', ')}]` : '';
}

/** " [Goom 2016]" after a sentence from a source beyond the guide, or nothing. */
export function otherCites(keys) {
  return keys && keys.length ? ` [${keys.join('; ')}]` : '';
}

/** How to stay out of the painful range, with its source beyond the guide (or nothing). */
export function safelyBlock(exercise, id) {
  if (!exercise.safely || !exercise.safely.length) return null;
  return el(
    'div',
    { class: 'safely', id },
    el('h3', {}, 'Staying out of the painful range'),
    list('ul', exercise.safely),
    el('p', { class: 'muted' }, `Source beyond the guide:${otherCites([exercise.safely_source])}.`)
  );
}

/** A short tone: the end of a hold, a change between walking and jogging. */
export function beep() {
  const Audio = window.AudioContext || window.webkitAudioContext;
  if (!Audio) return;
  try {
    const audio = new Audio();
    const tone = audio.createOscillator();
    const gain = audio.createGain();
    tone.frequency.value = 880;
    gain.gain.value = 0.2;
    tone.connect(gain).connect(audio.destination);
    tone.start();
    tone.stop(audio.currentTime + 0.35);
    tone.onended = () => audio.close();
  } catch (error) {
    console.warn('No sound for the cue', error);
  }
}
