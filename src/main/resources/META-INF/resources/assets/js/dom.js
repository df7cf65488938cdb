// Building DOM from API data with textContent only: nothing the API returns is ever parsed as HTML.

export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'class') el.className = value;
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else el.setAttribute(key, value === true ? '' : value);
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function clear(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/** A link to a source: its title, publisher and date, with the ready citation as tooltip. */
export function sourceLink(source) {
  if (!source) return h('span', { class: 'muted' }, 'source not given');
  const label = [source.title, source.publisher, source.publishedOn].filter(Boolean).join(' · ');
  return source.url
    ? h('a', { href: source.url, title: source.citation || label, rel: 'noopener' }, label)
    : h('span', { title: source.citation || label }, label);
}

/** A figure as the API words it ("at least EUR 55 million") with its precision as a badge. */
export function figure(value) {
  if (!value) return h('span', { class: 'muted' }, 'no EUR value');
  return h('span', { class: 'figure', dataset: { qualifier: value.qualifier } }, value.text,
    value.qualifier && value.qualifier !== 'EXACT'
      ? h('span', { class: 'qualifier' }, ' (' + qualifierWords(value.qualifier) + ')') : null);
}

const QUALIFIER_WORDS = {
  EXACT: 'exact', AT_LEAST: 'lower bound', MORE_THAN: 'lower bound', APPROXIMATE: 'approximate', ESTIMATED: 'estimate',
};

export function qualifierWords(qualifier) {
  return QUALIFIER_WORDS[qualifier] || String(qualifier || '').toLowerCase();
}

/** Short axis labels: EUR 4.2m, EUR 310k. */
export function eurShort(n) {
  if (n === null || n === undefined) return '';
  const abs = Math.abs(n);
  const short = (x, unit) => 'EUR ' + (Math.abs(x) >= 100 || Number.isInteger(x) ? x.toFixed(0) : x.toFixed(1)) + unit;
  if (abs >= 1e9) return short(n / 1e9, 'bn');
  if (abs >= 1e6) return short(n / 1e6, 'm');
  if (abs >= 1e3) return short(n / 1e3, 'k');
  return 'EUR ' + n.toFixed(0);
}

export function count(n) {
  return Number(n).toLocaleString('en');
}

/** For the few strings ECharts renders as HTML (tooltips). */
export function escapeHtml(text) {
  return String(text ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}
