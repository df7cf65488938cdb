// A company profile: names and aliases, identifiers, sanctions (authority, date, source), counterparties with totals
// within the current filter, what it shipped to recipients under a sanction in force that day (its exposure), findings
// that name it, and the sources of it all. A search box finds companies.

import { COMPANY_PROFILE, COMPANY_SEARCH } from './queries.js';
import { flowFilter } from './state.js';
import { graphql, isAbort } from './graphql.js';
import { h, clear, figure, count, sourceLink, escapeHtml, eurShort } from './dom.js';
import { renderChart, hideChart, narrow, truncate, COLORS } from './chart.js';
import { finish } from './panel.js';
import { factBox } from './facts.js';

export function setUpCompanySearch(panel, nav) {
  const form = panel.el.querySelector('form.company-search');
  const results = panel.el.querySelector('.search-results');
  let controller = null;
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const search = form.elements.search.value.trim();
    if (!search) return;
    if (controller) controller.abort();
    controller = new AbortController();
    results.dataset.state = 'loading';
    try {
      const data = await graphql(COMPANY_SEARCH, { search }, { signal: controller.signal });
      const companies = data.companies.edges.map((e) => e.node);
      clear(results, companies.length
        ? h('ul', { class: 'result-list', 'aria-label': 'Companies found' }, companies.map((c) => h('li', {},
          h('button', { type: 'button', class: 'link', dataset: { id: c.id }, onclick: () => nav({ company: c.id, view: 'company' }) },
            c.name, c.nameOriginal ? ` (${c.nameOriginal})` : ''),
          c.country ? ` — ${c.country.name}` : '',
          c.sanctioned ? h('span', { class: 'badge sanctioned' }, 'sanctioned') : null)))
        : h('p', { class: 'empty' }, `No company matches “${search}”.`),
        data.companies.totalCount > companies.length ? h('p', { class: 'muted' }, `${data.companies.totalCount} match; the first ${companies.length} shown.`) : null);
      results.dataset.state = 'ready';
    } catch (error) {
      if (isAbort(error)) return;
      results.dataset.state = 'error';
      clear(results, h('p', { class: 'error', role: 'alert' }, 'The API could not answer: ', error.message));
    }
  });
}

export async function loadCompany(panel, state, nav) {
  const profile = panel.el.querySelector('.profile');
  if (!state.company) {
    clear(profile);
    hideChart(panel.chartEl);
    panel.summary('Search for a company, or click one in the flows or findings.');
    panel.setState('idle');
    return;
  }
  const filter = flowFilter(state);
  // the exposure is what the company supplied within the same filters: the filter with suppliers: [the company]
  const variables = { id: state.company, filter, exposureFilter: { ...filter, suppliers: [state.company] },
    includeSynthetic: Boolean(filter && filter.includeSynthetic) };
  const data = await panel.run(COMPANY_PROFILE, variables);
  if (!data) {
    clear(profile);
    hideChart(panel.chartEl);
    return;
  }
  const c = data.company;
  const sources = c.sources.edges.map((e) => e.node);
  panel.sources(sources, sources.length);
  const total = c.total.total;
  panel.summary(h('strong', {}, c.name), c.country ? ` — ${c.country.name}` : '',
    total && total.shipmentCount > 0 ? [': ', figure(total.value), ` in ${count(total.shipmentCount)} shipments (as supplier or recipient) within the current filters.`]
      : ': no documented shipments within the current filters.');
  clear(profile, identity(c), sanctions(c), exposure(c, data.exposure, nav), counterparties(c, nav, panel.chartEl), findings(c));
  const withValue = c.counterparties.edges.map((e) => e.node).filter((p) => p.totals.valueEur !== null && Number(p.totals.valueEur) > 0);
  if (!withValue.length) {
    hideChart(panel.chartEl);
    await finish(panel);
    return;
  }
  panel.chartEl.setAttribute('aria-label', `Bar chart of ${c.name}'s counterparties by value; the table below lists them.`);
  const done = renderChart(panel.chartEl, counterpartyChart(withValue), {
    onClick: (p) => { const party = withValue[p.dataIndex]; if (party && party.company) nav({ company: party.company.id }); },
  });
  await finish(panel, done);
}

function identity(c) {
  return h('div', { class: 'profile-block' },
    h('h3', {}, 'Names and identifiers'),
    h('dl', { class: 'facts-dl' },
      h('dt', {}, 'Name'), h('dd', { class: 'company-name' }, c.name),
      c.nameOriginal ? [h('dt', {}, 'Original script'), h('dd', {}, c.nameOriginal)] : null,
      c.aliases && c.aliases.length ? [h('dt', {}, 'Aliases'), h('dd', { class: 'aliases' },
        h('ul', { class: 'inline-list' }, c.aliases.map((a) => h('li', {}, a.name, h('span', { class: 'muted' }, ` (${a.kind.toLowerCase().replace('_', ' ')})`)))))] : null,
      c.country ? [h('dt', {}, 'Country'), h('dd', {}, c.country.name)] : null,
      c.city ? [h('dt', {}, 'City'), h('dd', {}, c.city)] : null,
      c.specialEconomicZone ? [h('dt', {}, 'Special economic zone'), h('dd', {}, c.specialEconomicZone)] : null,
      c.identifiers && c.identifiers.length ? [h('dt', {}, 'Identifiers'), h('dd', { class: 'identifiers' },
        h('ul', { class: 'inline-list' }, c.identifiers.map((i) => h('li', {}, `${i.scheme} ${i.value}`))))] : null,
      c.description ? [h('dt', {}, 'Description'), h('dd', {}, c.description)] : null,
      h('dt', {}, 'Record source'), h('dd', {}, sourceLink(c.source))));
}

function sanctions(c) {
  const list = c.sanctions || [];
  return h('div', { class: 'profile-block' },
    h('h3', {}, 'Sanctions', c.sanctioned ? h('span', { class: 'badge sanctioned' }, 'in force today') : null),
    list.length
      ? h('div', { class: 'table-wrap' }, h('table', { class: 'data-table sanctions' },
        h('caption', { class: 'visually-hidden' }, 'Sanctions listings'),
        h('thead', {}, h('tr', {}, ['Authority', 'Program', 'Listed', 'Ended', 'Source'].map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, list.map((s) => h('tr', { dataset: { authority: s.authority } },
          h('td', {}, s.authority.replace('_', ' '), s.confirmed ? '' : h('span', { class: 'badge' }, 'reported')),
          h('td', {}, s.program || ''),
          h('td', {}, s.listedOn || 'date not given'),
          h('td', {}, s.endedOn || '—'),
          h('td', {}, sourceLink(s.source), s.note ? h('div', { class: 'muted small' }, s.note) : null))))))
      : h('p', { class: 'muted' }, 'No listing recorded.'));
}

const eur = (v) => (v === null || v === undefined ? null
  : 'EUR ' + Number(v).toLocaleString('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 }));
const eurCell = (v) => eur(v) || h('span', { class: 'muted' }, 'no EUR value');
const shareText = (v) => (v === null || v === undefined ? '—' : `${(Number(v) * 100).toLocaleString('en', { maximumFractionDigits: 2 })} %`);
const withoutEur = (n) => (Number(n) > 0 ? h('span', { class: 'muted small' }, ` (${count(n)} without a EUR value, not in the sum)`) : null);

/**
 * Its exposure: what it shipped, within the current filters, to recipients while they were under a confirmed sanction in
 * force on the shipment's date (the API's rule, sanctionsExposure): the sum and its share of everything it shipped, by
 * authority and year, and per listing the first and the last shipment while the listing was in force.
 */
function exposure(c, e, nav) {
  const block = h('div', { class: 'profile-block exposure', dataset: {
    valueEur: e.valueEur ?? '', shipments: e.shipmentCount, exposedValueEur: e.exposedValueEur ?? '',
    exposedShipments: e.exposedShipmentCount, share: e.share ?? '', first: e.firstExposedDate || '', last: e.lastExposedDate || '',
  } }, h('h3', {}, 'Supplies to sanctioned recipients'));
  const rule = h('p', { class: 'muted small' }, 'A shipment counts when its recipient was under a confirmed listing on the '
    + 'shipment’s date: from the day the listing took effect until the day it ended. A listing without a date never covers a '
    + 'past shipment. A shipment to a recipient listed by two authorities counts once in the total and under each authority.');
  if (Number(e.shipmentCount) === 0) {
    block.append(h('p', { class: 'muted exposure-none' }, `${c.name} shipped nothing as a supplier within the current filters.`));
    return block;
  }
  if (Number(e.exposedShipmentCount) === 0) {
    block.append(h('p', { class: 'exposure-none' }, `None of the ${count(e.shipmentCount)} shipments ${c.name} sent within the `
      + 'current filters went to a recipient under a confirmed sanction in force on the shipment’s date.'), rule);
    return block;
  }
  const years = e.byAuthorityYear.edges.map((x) => x.node);
  const listings = e.listings.edges.map((x) => x.node);
  const company = (r) => (r ? h('button', { type: 'button', class: 'link', onclick: () => nav({ company: r.id }) }, r.name,
    r.country ? ` (${r.country.code})` : '') : 'not resolved');
  block.append(
    h('p', { class: 'exposure-summary' }, h('strong', {}, eur(e.exposedValueEur) || 'no EUR value'),
      ` in ${count(e.exposedShipmentCount)} of ${count(e.shipmentCount)} shipments`, withoutEur(e.exposedShipmentsWithoutEur),
      ` went to recipients under a sanction in force that day, from ${e.firstExposedDate} to ${e.lastExposedDate}: `,
      h('strong', {}, shareText(e.share)), ` of the ${eur(e.valueEur) || 'no EUR value'} it shipped within the current filters`,
      withoutEur(e.shipmentsWithoutEur), '.'),
    rule,
    h('div', { class: 'table-wrap' }, h('table', { class: 'data-table exposure-years' },
      h('caption', {}, 'By sanctioning authority and year'),
      h('thead', {}, h('tr', {}, ['Authority', 'Year', 'To recipients it listed', 'Shipments', 'Share of the year', 'First', 'Last']
        .map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, years.map((y) => h('tr', { class: 'exposure-year', dataset: {
        authority: y.authority, year: y.year, valueEur: y.valueEur ?? '', yearValueEur: y.yearValueEur ?? '',
        shipments: y.shipmentCount, share: y.share ?? '', first: y.firstDate || '', last: y.lastDate || '',
      } },
      h('th', { scope: 'row' }, y.authority.replace('_', ' ')), h('td', {}, String(y.year)),
      h('td', { class: 'num' }, eurCell(y.valueEur), withoutEur(y.shipmentsWithoutEur)),
      h('td', { class: 'num' }, count(y.shipmentCount)),
      h('td', { class: 'num' }, shareText(y.share), y.yearValueEur !== null ? h('span', { class: 'muted small' }, ` of ${eur(y.yearValueEur)}`) : null),
      h('td', {}, y.firstDate || ''), h('td', {}, y.lastDate || '')))))),
    e.byAuthorityYear.pageInfo.hasNextPage ? h('p', { class: 'muted' }, 'More years: see the query.') : null,
    h('div', { class: 'table-wrap' }, h('table', { class: 'data-table exposure-listings' },
      h('caption', {}, 'Kept supplying after the listing: each listing met while in force'),
      h('thead', {}, h('tr', {}, ['Recipient', 'Listing', 'Listed', 'Ended', 'First shipment after it', 'Last', 'Value', 'Shipments']
        .map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, listings.map((l) => h('tr', { class: 'exposure-listing', dataset: {
        recipient: l.recipient ? l.recipient.id : '', authority: l.authority, listedOn: l.listedOn || '', endedOn: l.endedOn || '',
        first: l.firstShipmentDate, last: l.lastShipmentDate, days: l.daysAfterListing ?? '', valueEur: l.valueEur ?? '',
        shipments: l.shipmentCount,
      } },
      h('th', { scope: 'row' }, company(l.recipient)),
      h('td', {}, l.authority.replace('_', ' '), l.program ? ` · ${l.program}` : ''),
      h('td', {}, l.listedOn || ''), h('td', {}, l.endedOn || '—'),
      h('td', {}, l.firstShipmentDate, l.daysAfterListing !== null ? h('span', { class: 'muted small' }, ` (${count(l.daysAfterListing)} days after)`) : null),
      h('td', {}, l.lastShipmentDate),
      h('td', { class: 'num' }, eurCell(l.valueEur), withoutEur(l.shipmentsWithoutEur)),
      h('td', { class: 'num' }, count(l.shipmentCount))))))),
    e.listings.pageInfo.hasNextPage ? h('p', { class: 'muted' }, 'More listings: see the query.') : null);
  return block;
}

function counterparties(c, nav, chartEl) {
  const list = c.counterparties ? c.counterparties.edges.map((e) => e.node) : [];
  return h('div', { class: 'profile-block' },
    h('h3', {}, 'Counterparties'),
    chartEl,
    list.length
      ? h('div', { class: 'table-wrap' }, h('table', { class: 'data-table counterparties' },
        h('caption', { class: 'visually-hidden' }, 'Counterparties with totals'),
        h('thead', {}, h('tr', {}, ['Company', 'Direction', 'Value', 'Shipments', 'Period'].map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, list.map((p) => h('tr', { dataset: { id: p.company ? p.company.id : '', role: p.role, valueEur: p.totals.valueEur ?? '', shipments: p.totals.shipmentCount } },
          h('td', {}, p.company
            ? h('button', { type: 'button', class: 'link', onclick: () => nav({ company: p.company.id }) }, p.company.name,
              p.company.country ? ` (${p.company.country.code})` : '', p.company.sanctioned ? h('span', { class: 'badge sanctioned' }, 'sanctioned') : null)
            : 'not resolved'),
          h('td', {}, p.role === 'SUPPLIER' ? 'sent to it' : 'received from it'),
          h('td', { class: 'num' }, figure(p.totals.value)),
          h('td', { class: 'num' }, count(p.totals.shipmentCount)),
          h('td', {}, p.totals.firstDate ? `${p.totals.firstDate} – ${p.totals.lastDate}` : ''))))))
      : h('p', { class: 'muted' }, 'No documented shipments within the current filters.'));
}

function findings(c) {
  const list = c.findings || [];
  return h('div', { class: 'profile-block' },
    h('h3', {}, 'Findings that name it'),
    list.length ? h('ul', { class: 'fact-list' }, list.map((f) => factBox(f, null))) : h('p', { class: 'muted' }, 'None recorded.'));
}

function counterpartyChart(list) {
  const small = narrow();
  const el = document.querySelector('#panel-company .chart');
  if (el) el.style.height = Math.max(180, 40 + list.length * 26) + 'px';
  return {
    grid: { left: 8, right: small ? 50 : 70, top: 8, bottom: 24, containLabel: true },
    tooltip: {
      trigger: 'item',
      formatter: (p) => {
        const party = list[p.dataIndex];
        return `${escapeHtml(party.company ? party.company.name : '')}<br>${party.role === 'SUPPLIER' ? 'sent' : 'received'}`
          + ` ${escapeHtml(party.totals.value ? party.totals.value.text : '')} · ${party.totals.shipmentCount} shipments`;
      },
    },
    xAxis: { type: 'value', axisLabel: { formatter: (v) => eurShort(v), fontSize: 10, hideOverlap: true }, splitNumber: small ? 2 : 4 },
    yAxis: {
      type: 'category', inverse: true, axisTick: { show: false },
      data: list.map((p) => truncate((p.role === 'SUPPLIER' ? '← ' : '→ ') + (p.company ? p.company.name : ''), small ? 20 : 40)),
      axisLabel: { fontSize: small ? 10 : 12, color: '#1d1d1f' },
    },
    series: [{
      type: 'bar', barMaxWidth: 20,
      data: list.map((p) => ({ value: Number(p.totals.valueEur), itemStyle: { color: p.role === 'SUPPLIER' ? COLORS.supplier : COLORS.recipient } })),
      label: { show: true, position: 'right', fontSize: 10, formatter: (p) => eurShort(p.value) },
    }],
  };
}
