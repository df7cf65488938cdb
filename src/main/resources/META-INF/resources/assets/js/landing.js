// The landing page: counts, release and sources of the open dataset, from the public GraphQL API.

import { LANDING } from './queries.js';
import { graphql, graphiqlUrl } from './graphql.js';
import { h, clear, count, sourceLink } from './dom.js';

// every kind of source but SYNTHETIC: generated test data is not part of the open dataset
const SOURCE_KINDS = ['CUSTOMS_RECORDS', 'EXCHANGE_RATES', 'INVESTIGATION', 'NEWS_REPORT', 'OFFICIAL_STATISTICS',
  'REFERENCE', 'REGISTRY', 'RESEARCH_NOTES', 'SANCTIONS_LIST'];
const KIND_WORDS = {
  CUSTOMS_RECORDS: 'customs records', EXCHANGE_RATES: 'exchange rates', INVESTIGATION: 'investigation',
  NEWS_REPORT: 'news report', OFFICIAL_STATISTICS: 'official statistics', REFERENCE: 'reference',
  REGISTRY: 'registry', RESEARCH_NOTES: 'research notes', SANCTIONS_LIST: 'sanctions list',
};

const section = document.getElementById('dataset');

async function load() {
  const variables = { sourceKinds: SOURCE_KINDS };
  document.getElementById('landing-query').href = graphiqlUrl(LANDING, variables);
  let data;
  try {
    data = await graphql(LANDING, variables);
  } catch (error) {
    section.dataset.state = 'error';
    clear(section.querySelector('.message'), h('p', { class: 'error', role: 'alert' }, 'The API could not answer: ', error.message));
    return;
  }
  for (const el of document.querySelectorAll('[data-count]')) {
    const n = data[el.dataset.count].totalCount;
    el.dataset.value = n;
    el.textContent = count(n);
  }
  document.getElementById('shipments-note').hidden = data.shipments.totalCount > 0;
  renderRelease(data);
  renderSources(data.sources);
  section.dataset.state = 'ready';
}

function renderRelease(data) {
  const open = data.dataReleases;
  const latest = open[open.length - 1];
  const current = data.currentRelease;
  clear(document.getElementById('release'),
    latest ? ['Current data release: ', h('strong', { id: 'release-key' }, latest.key), ` (version ${latest.version}, `,
      `${latest.kind.toLowerCase()}, loaded ${latest.releasedAt.slice(0, 10)})`,
      latest.changelog ? ` — ${latest.changelog.replace(/\.$/, '')}` : '',
      `. ${open.length} releases in all.`] : 'No data loaded yet.',
    current && current.synthetic ? h('span', { class: 'muted' }, ` The newest load (${current.key}) is generated test data, not part of the open dataset.`) : '');
}

function renderSources(sources) {
  const rows = sources.edges.map((e) => e.node);
  clear(document.getElementById('sources'), h('table', { class: 'data-table' },
    h('caption', {}, `${sources.totalCount} sources`),
    h('thead', {}, h('tr', {}, ['Source', 'Kind', 'Licence'].map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, rows.map((s) => h('tr', { dataset: { key: s.key } },
      h('td', {}, sourceLink(s)), h('td', {}, KIND_WORDS[s.kind] || s.kind), h('td', {}, s.licence || '—'))))));
}

load();
