// Sankey of flows: supplier country → recipient country, or supplier → recipient company. Clicking a country opens
// its companies; clicking a company opens its profile.

import { SANKEY_COMPANIES, SANKEY_COUNTRIES } from './queries.js';
import { flowFilter, asOfVariable } from './state.js';
import { h, clear, figure, count, escapeHtml } from './dom.js';
import { renderChart, hideChart, narrow, truncate, COLORS } from './chart.js';
import { finish } from './panel.js';
import { showMissing } from './levels.js';

export async function loadSankey(panel, state, nav, ctx = {}) {
  const byCompany = state.flow === 'companies';
  const variables = { filter: flowFilter(state), first: byCompany ? 30 : 40, ...asOfVariable(state) };
  const data = await panel.run(byCompany ? SANKEY_COMPANIES : SANKEY_COUNTRIES, variables);
  if (!data) return;
  const connection = data.flows;
  const groups = connection.edges.map((e) => e.node);
  panel.sources(data.sources.edges.map((e) => e.node), data.sources.totalCount);
  const rows = groups.map((g) => byCompany ? companyRow(g) : countryRow(g));
  renderTable(panel, rows, byCompany, nav);
  const total = connection.total;
  if (!groups.length || !total || total.shipmentCount === 0) {
    hideChart(panel.chartEl);
    panel.summary();
    showMissing(panel, 'shipments', ctx.counts, nav);
    return;
  }
  const shown = rows.filter((r) => r.valueEur > 0);
  const rest = ` in ${count(total.shipmentCount)} shipments `
    + `from ${count(total.distinctSuppliers)} suppliers to ${count(total.distinctRecipients)} recipients`
    + (connection.totalCount > groups.length
      ? `; the ${groups.length} largest of ${count(connection.totalCount)} ${byCompany ? 'company' : 'country'} pairs shown` : '')
    + (total.shipmentsWithoutEur > 0 ? `; ${count(total.shipmentsWithoutEur)} shipments without an EUR value are not in the sums` : '')
    + '.';
  panel.summary(h('strong', {}, 'Total: '), figure(total.value), rest);
  panel.chartEl.setAttribute('aria-label', `Sankey diagram of flows ${byCompany ? 'between companies' : 'between countries'}: `
    + `${total.value ? total.value.text : 'no EUR value'}${rest}`);
  const done = renderChart(panel.chartEl, option(shown, byCompany), {
    onClick: (p) => {
      if (p.dataType !== 'node') return;
      const node = p.data;
      if (byCompany) nav({ company: node.key, view: 'company' });
      else if (node.side === 'S') nav({ supplierCountries: [node.key], flow: 'companies' });
      else nav({ recipientCountries: [node.key], flow: 'companies' });
    },
  });
  await finish(panel, done);
}

function countryRow(g) {
  return {
    from: { key: g.supplierCountry?.code ?? '', label: g.supplierCountry ? `${g.supplierCountry.name} (${g.supplierCountry.code})` : 'country not declared' },
    to: { key: g.recipientCountry?.code ?? '', label: g.recipientCountry ? `${g.recipientCountry.name} (${g.recipientCountry.code})` : 'country not declared' },
    value: g.value, valueEur: g.valueEur === null ? null : Number(g.valueEur), rawEur: g.valueEur,
    shipments: g.shipmentCount, withoutEur: g.shipmentsWithoutEur,
  };
}

function companyRow(g) {
  const party = (c) => c
    ? { key: c.id, label: `${c.name}${c.country ? ' (' + c.country.code + ')' : ''}`, sanctioned: c.sanctioned }
    : { key: '', label: 'company not resolved' };
  return {
    from: party(g.supplier), to: party(g.recipient),
    value: g.value, valueEur: g.valueEur === null ? null : Number(g.valueEur), rawEur: g.valueEur,
    shipments: g.shipmentCount, withoutEur: g.shipmentsWithoutEur,
  };
}

function option(rows, byCompany) {
  const nodes = new Map();
  const node = (side, party) => {
    const id = side + '|' + party.key;
    if (!nodes.has(id)) {
      nodes.set(id, {
        name: id, key: party.key, side, label: party.label,
        itemStyle: { color: party.sanctioned && side === 'R' ? COLORS.sanctioned : side === 'S' ? COLORS.supplier : COLORS.recipient },
      });
    }
    return id;
  };
  const links = rows.map((r) => ({
    source: node('S', r.from), target: node('R', r.to), value: r.valueEur,
    text: r.value ? r.value.text : '', shipments: r.shipments, fromLabel: r.from.label, toLabel: r.to.label,
  }));
  const small = narrow();
  const labelMax = small ? 16 : byCompany ? 34 : 28;
  return {
    tooltip: {
      trigger: 'item',
      formatter: (p) => p.dataType === 'edge'
        ? `${escapeHtml(p.data.fromLabel)} → ${escapeHtml(p.data.toLabel)}<br>${escapeHtml(p.data.text)} · ${p.data.shipments} shipments`
        : `${escapeHtml(p.data.label)}<br>${p.data.side === 'S' ? 'sent' : 'received'} EUR ${Math.round(p.value).toLocaleString('en')}`
          + (byCompany ? '<br>click for the company profile' : '<br>click for its companies'),
    },
    series: [{
      type: 'sankey',
      left: small ? 4 : 8, right: small ? 90 : 190, top: 8, bottom: 8,
      nodeGap: small ? 6 : 10,
      nodeWidth: 14,
      draggable: false,
      emphasis: { focus: 'adjacency' },
      data: [...nodes.values()],
      links,
      label: { formatter: (p) => truncate(p.data.label, labelMax), fontSize: small ? 10 : 12, color: '#1d1d1f' },
      lineStyle: { color: 'gradient', curveness: 0.5, opacity: 0.35 },
    }],
  };
}

function renderTable(panel, rows, byCompany, nav) {
  const table = h('table', { class: 'data-table' },
    h('caption', {}, byCompany ? 'Flows between companies' : 'Flows between countries', ' (values as the API words them)'),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'From'), h('th', { scope: 'col' }, 'To'),
      h('th', { scope: 'col', class: 'num' }, 'Value'), h('th', { scope: 'col', class: 'num' }, 'Shipments'))),
    h('tbody', {}, rows.map((r) => h('tr', {
      dataset: { from: r.from.key, to: r.to.key, valueEur: r.rawEur ?? '', shipments: r.shipments },
    },
    h('td', {}, party(r.from, 'S', byCompany, nav)),
    h('td', {}, party(r.to, 'R', byCompany, nav)),
    h('td', { class: 'num' }, figure(r.value)),
    h('td', { class: 'num' }, count(r.shipments), r.withoutEur > 0 ? ` (${r.withoutEur} without EUR value)` : '')))));
  clear(panel.bodyEl, table);
}

function party(p, side, byCompany, nav) {
  if (!p.key) return p.label;
  if (byCompany) {
    return h('button', { type: 'button', class: 'link', onclick: () => nav({ company: p.key, view: 'company' }) },
      p.label, p.sanctioned ? h('span', { class: 'badge sanctioned' }, 'sanctioned') : null);
  }
  const change = side === 'S' ? { supplierCountries: [p.key] } : { recipientCountries: [p.key] };
  return h('button', {
    type: 'button', class: 'link', title: 'Show the companies',
    onclick: () => nav({ ...change, flow: 'companies' }),
  }, p.label);
}
