// The explorer page: reads its state from the URL, keeps the filter form and chart modes in step with it, and
// (re)loads only the panels whose inputs changed. Every navigation is a new URL, so back, reload and sharing work.

import { readState, toSearch, describeFilter, PANELS } from './state.js';
import { FILTER_OPTIONS } from './queries.js';
import { graphql } from './graphql.js';
import { h, clear } from './dom.js';
import { Panel } from './panel.js';
import { loadSankey } from './sankey.js';
import { loadProducts } from './products.js';
import { loadTimeSeries } from './timeseries.js';
import { loadFacts } from './facts.js';
import { loadOfficial } from './official.js';
import { loadCompany, setUpCompanySearch } from './company.js';

const FILTER_KEYS = ['from', 'to', 'supplierCountries', 'recipientCountries', 'hs', 'chpl', 'sanctioned', 'topic', 'sources', 'synthetic'];
const PANEL_KEYS = { sankey: ['flow'], products: ['drill'], time: ['time'], facts: [], official: [], company: ['company'] };
const LOADERS = { sankey: loadSankey, products: loadProducts, time: loadTimeSeries, facts: loadFacts, official: loadOfficial, company: loadCompany };
const TEXT_FIELDS = ['from', 'to', 'supplierCountries', 'recipientCountries', 'hs', 'sanctioned', 'topic', 'source'];

const form = document.getElementById('filters');
const panels = Object.fromEntries(PANELS.map((name) => [name, new Panel(document.getElementById('panel-' + name))]));
let state = readState(location.search);
let loaded = null; // the state each panel last loaded, to reload only what changed

function nav(changes) {
  const next = { ...state, ...changes };
  if (state.embed && changes.view && changes.view !== state.embed) {
    // an embedded chart opens other views in the full explorer, outside the host page
    window.open(location.pathname + toSearch({ ...next, embed: '' }), '_blank', 'noopener');
    return;
  }
  state = next;
  history.pushState(null, '', location.pathname + toSearch(state));
  apply();
}

window.addEventListener('popstate', () => {
  state = readState(location.search);
  apply();
});

function changed(previous, keys) {
  return !previous || keys.some((k) => JSON.stringify(previous[k]) !== JSON.stringify(state[k]));
}

function apply() {
  const previous = loaded;
  loaded = state;
  document.body.classList.toggle('embedded', Boolean(state.embed));
  // inside a newsroom's iframe, links (sources, GraphiQL, the full explorer) open in a new tab, not in the frame
  document.getElementById('link-target').setAttribute('target', state.embed ? '_blank' : '_self');
  document.getElementById('synthetic-banner').hidden = !state.synthetic;
  clear(document.getElementById('filter-summary'), describeFilter(state));
  fillForm();
  fillModes();
  fillEmbedCodes();
  const fullLink = document.getElementById('open-full');
  fullLink.href = location.pathname + toSearch({ ...state, embed: '', view: state.embed });
  for (const name of PANELS) {
    const panel = panels[name];
    const visible = !state.embed || state.embed === name;
    panel.el.hidden = !visible;
    if (visible && (changed(previous, FILTER_KEYS) || changed(previous, PANEL_KEYS[name]) || (previous && previous.embed !== state.embed))) {
      LOADERS[name](panel, state, nav);
    }
  }
  if (state.view && (!previous || previous.view !== state.view || previous.company !== state.company || previous.drill !== state.drill)) {
    focusPanel(state.view, Boolean(previous));
  }
}

function focusPanel(name, moveFocus) {
  const panel = panels[name];
  if (!panel || panel.el.hidden) return;
  panel.el.scrollIntoView({ block: 'start' });
  if (moveFocus) panel.el.querySelector('h2').focus({ preventScroll: true });
}

function fillForm() {
  for (const name of TEXT_FIELDS) {
    const field = form.elements[name];
    const value = state[name === 'source' ? 'sources' : name];
    field.value = Array.isArray(value) ? value.join(', ') : value;
  }
  for (const box of form.querySelectorAll('input[name="chpl"]')) box.checked = state.chpl.includes(box.value);
  if (state.sources.length) form.querySelector('details.more-filters').open = true;
}

function fillModes() {
  for (const input of document.querySelectorAll('input[name="flow-mode"]')) input.checked = input.value === state.flow;
  for (const input of document.querySelectorAll('input[name="time-grain"]')) input.checked = input.value === state.time;
}

function fillEmbedCodes() {
  for (const name of PANELS) {
    const area = document.querySelector(`#panel-${name} textarea.embed-code`);
    if (!area) continue;
    const url = location.origin + location.pathname + toSearch({ ...state, embed: name, view: '' });
    const title = document.querySelector(`#panel-${name} h2`).textContent.trim();
    area.value = `<iframe src="${url.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}" title="${title} (Tradeflows)" `
      + 'width="100%" height="520" style="border:0" loading="lazy"></iframe>';
  }
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const p = new URLSearchParams(toSearch(state));
  for (const name of TEXT_FIELDS) {
    const value = form.elements[name].value.trim();
    if (value) p.set(name, value); else p.delete(name);
  }
  const tiers = [...form.querySelectorAll('input[name="chpl"]:checked')].map((b) => b.value);
  if (tiers.length) p.set('chpl', tiers.join(',')); else p.delete('chpl');
  const next = readState('?' + p.toString());
  nav(Object.fromEntries(FILTER_KEYS.map((k) => [k, next[k]])));
});

form.addEventListener('reset', (event) => {
  event.preventDefault();
  nav({ from: '', to: '', supplierCountries: [], recipientCountries: [], hs: [], chpl: [], sanctioned: '', topic: '', sources: [], drill: '' });
});

for (const input of document.querySelectorAll('input[name="flow-mode"]')) {
  input.addEventListener('change', () => nav({ flow: input.value, view: 'sankey' }));
}
for (const input of document.querySelectorAll('input[name="time-grain"]')) {
  input.addEventListener('change', () => nav({ time: input.value, view: 'time' }));
}
document.getElementById('close-company').addEventListener('click', () => nav({ company: '' }));
setUpCompanySearch(panels.company, nav);

async function loadTopics() {
  try {
    const data = await graphql(FILTER_OPTIONS, {});
    const select = form.elements.topic;
    for (const topic of data.topics) select.append(h('option', { value: topic.key }, topic.name));
    select.value = state.topic;
  } catch (error) {
    // the form works without the topic list; the panels show API errors
  }
}

// on a phone the filters start folded, so that the charts come first
if (window.matchMedia('(max-width: 40rem)').matches) document.getElementById('filters-box').open = false;
loadTopics();
history.replaceState(null, '', location.pathname + toSearch(state));
apply();
