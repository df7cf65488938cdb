// The explorer page: reads its state from the URL, keeps the filter form and chart modes in step with it, and
// (re)loads only the panels whose inputs changed. Every navigation is a new URL, so back, reload and sharing work.
// Embeds are pinned to a release (the URL's asOf, else the current one) and cite the permalink of the panel's data.

import { readState, toSearch, describeFilter, PANELS } from './state.js';
import { FILTER_OPTIONS } from './queries.js';
import { graphql, citeUrl } from './graphql.js';
import { h, clear, escapeHtml } from './dom.js';
import { Panel } from './panel.js';
import { hideChart } from './chart.js';
import { loadSankey } from './sankey.js';
import { loadProducts } from './products.js';
import { loadTimeSeries } from './timeseries.js';
import { loadFacts } from './facts.js';
import { loadOfficial } from './official.js';
import { loadCompany, setUpCompanySearch } from './company.js';
import { loadOfficialSankey, loadOfficialProducts, loadOfficialTime } from './official-charts.js';
import { loadClaims } from './claims.js';
import { loadTransit, loadPaths, loadExposure, loadOutliers } from './investigations.js';
import { levelCounts, chooseLevel, renderSwitch, showMissing, LEVEL_WORDS } from './levels.js';

const FILTER_KEYS = ['from', 'to', 'supplierCountries', 'recipientCountries', 'hs', 'chpl', 'sanctioned', 'topic', 'sources', 'synthetic',
  'asOf'];
const PANEL_KEYS = { sankey: ['flow', 'level'], products: ['drill', 'level'], time: ['time', 'level'], facts: [], official: [], company: ['company', 'level'],
  transit: ['via', 'yearBefore', 'yearAfter'], paths: ['company', 'view'], exposure: ['view'], outliers: ['view'] };
// each panel's loader per level of detail; findings are claims, so they are drawn as a claims graph, not by product or period
const LOADERS = {
  sankey: { shipments: loadSankey, official: loadOfficialSankey, findings: loadClaims },
  products: { shipments: loadProducts, official: loadOfficialProducts, findings: claimsOnly('by product') },
  time: { shipments: loadTimeSeries, official: loadOfficialTime, findings: claimsOnly('over time') },
  company: { shipments: loadCompany, official: companyOnOfficial, findings: loadCompany },
  facts: { any: loadFacts },
  official: { any: loadOfficial },
  transit: { any: loadTransit },
  paths: { any: loadPaths },
  exposure: { any: loadExposure },
  outliers: { any: loadOutliers },
};
const TEXT_FIELDS = ['from', 'to', 'supplierCountries', 'recipientCountries', 'hs', 'sanctioned', 'topic', 'source'];

const form = document.getElementById('filters');
// the topics of the filter form, and the current release: what permalinks and embeds are pinned to without an asOf
const filterOptions = graphql(FILTER_OPTIONS, {});
const currentRelease = filterOptions.then((data) => (data.currentRelease ? data.currentRelease.key : null), () => null);
let releaseKey = null;
const panels = Object.fromEntries(PANELS.map((name) => [name,
  new Panel(document.getElementById('panel-' + name), { pinTo: currentRelease })]));
for (const name of PANELS) panels[name].el.addEventListener('permalink', () => fillEmbedCodes());
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

/** Loads a panel at the level chosen for the state, once the counts of each level are known. */
async function load(name, forState) {
  const panel = panels[name];
  const token = {};
  panel.token = token;
  panel.el.dataset.search = location.search;
  panel.setState('loading');
  panel.forgetPermalink();
  let counts = null;
  try {
    counts = await levelCounts(forState);
  } catch (error) {
    // the panels still load at the URL's level (or shipments) and show the API's error themselves
  }
  if (panel.token !== token) return;
  const level = counts ? chooseLevel(forState, counts) : forState.level || 'shipments';
  panel.el.dataset.level = level;
  const loaders = LOADERS[name];
  (loaders.any || loaders[level])(panel, forState, nav, { level, counts });
}

/** Products and periods of findings: claims overlap and do not add up, so they are not summed into bars. */
function claimsOnly(words) {
  return (panel, _state, navigate, ctx) => {
    panel.summary();
    hideChart(panel.chartEl);
    if (panel.bodyEl) clear(panel.bodyEl);
    showMissing(panel, 'findings', ctx.counts, navigate, ['Reported findings are claims that overlap (the same money told by '
      + `two sources, a part inside a whole), so they are not added up ${words}: the claims graph above and “What the `
      + 'sources report” below show each with its precision and source.']);
    panel.el.querySelector('.message .empty').dataset.missing = 'none';
  };
}

/** The company view on official statistics: they have no companies; a selected company's profile still shows. */
function companyOnOfficial(panel, forState, navigate, ctx) {
  const note = panel.el.querySelector('.level-note');
  const offer = ['shipments', 'findings'].map((l) => h('button', {
    type: 'button', class: 'small switch-level', dataset: { level: l }, onclick: () => navigate({ level: l }),
  }, 'Show ' + LEVEL_WORDS[l]));
  clear(note, h('p', {}, 'Official statistics have no companies: they are country totals as each reporter publishes them. '
    + 'Companies appear in company shipments and in reported findings. ', offer));
  note.hidden = false;
  loadCompany(panel, forState, navigate, ctx);
}

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
  const fullLink = document.getElementById('open-full');
  fullLink.href = location.pathname + toSearch({ ...state, embed: '', view: state.embed });
  for (const name of PANELS) {
    const panel = panels[name];
    const visible = !state.embed || state.embed === name;
    panel.el.hidden = !visible;
    if (visible && (changed(previous, FILTER_KEYS) || changed(previous, PANEL_KEYS[name]) || (previous && previous.embed !== state.embed))) {
      load(name, state);
    }
  }
  fillEmbedCodes();
  showLevel(state);
  if (state.view && (!previous || previous.view !== state.view || previous.company !== state.company || previous.drill !== state.drill)) {
    focusPanel(state.view, Boolean(previous));
  }
}

function showLevel(forState) {
  const el = document.getElementById('level-switch');
  const modes = document.querySelector('#panel-sankey .modes');
  const note = document.querySelector('#panel-company .level-note');
  const draw = (counts) => {
    if (forState !== state) return;
    const level = counts ? chooseLevel(forState, counts) : forState.level || 'shipments';
    renderSwitch(el, forState, level, counts, nav);
    document.body.dataset.level = level;
    modes.style.display = level === 'shipments' ? '' : 'none';
    document.getElementById('sankey-title').textContent = level === 'findings' ? 'Who supplied whom, as reported' : 'Who sends goods to whom';
    if (level !== 'official') note.hidden = true;
    fillEmbedCodes();
  };
  levelCounts(forState).then(draw, () => draw(null));
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

/**
 * The snippet of each panel for a newsroom's page: the panel alone in an iframe, pinned to the release (the URL's
 * asOf, else the current one) and the level chosen now, so that a published chart does not change kind or figures when
 * other data arrives; under it, once the panel has run, "Data: … — cite" linking the permalink of the panel's data.
 */
function fillEmbedCodes() {
  const asOf = state.asOf || releaseKey || '';
  for (const name of PANELS) {
    const area = document.querySelector(`#panel-${name} textarea.embed-code`);
    if (!area) continue;
    const level = state.level || document.body.dataset.level || '';
    const url = location.origin + location.pathname + toSearch({ ...state, embed: name, view: '', level, asOf });
    const title = document.querySelector(`#panel-${name} h2`).textContent.trim();
    let code = `<iframe src="${escapeHtml(url)}" title="${escapeHtml(title)} (Tradeflows)" `
      + 'width="100%" height="520" style="border:0" loading="lazy"></iframe>';
    const link = panels[name].permalink;
    if (link) {
      const what = name === 'official' ? 'official figures' : 'data';
      const when = link.asOf ? `${what} as of release ${link.asOf}` : `data of ${new Date().toISOString().slice(0, 10)}`;
      code += `\n<p style="font-size:small">Data: <a href="${escapeHtml(link.url)}">${escapeHtml(title)} (Tradeflows, `
        + `${escapeHtml(when)})</a> — <a href="${escapeHtml(citeUrl(link.url))}">cite</a></p>`;
    }
    area.value = code;
    area.dataset.permalink = link ? link.url : '';
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
    const data = await filterOptions;
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
currentRelease.then((key) => {
  releaseKey = key;
  fillEmbedCodes();
});
history.replaceState(null, '', location.pathname + toSearch(state));
apply();
