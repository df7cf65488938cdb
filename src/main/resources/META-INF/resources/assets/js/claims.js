// Reported findings as a claims graph: suppliers on the left, each claim in the middle with its figure, precision and
// source, recipients on the right. A claim is a node of its own, never a link width: claims overlap (the same money told
// by two sources, a part inside a whole), so they do not add up and the chart never sums them.

import { CLAIMS } from './queries.js';
import { findingFilter } from './state.js';
import { h, clear, figure, sourceLink, escapeHtml } from './dom.js';
import { renderChart, hideChart, narrow, truncate, COLORS } from './chart.js';
import { finish } from './panel.js';
import { showMissing } from './levels.js';

const company = (c) => ({ key: 'company:' + c.company.id, id: c.company.id, label: c.company.name + (c.company.country ? ` (${c.company.country.code})` : '') });
const country = (c) => ({ key: 'country:' + c.country.code, code: c.country.code, label: c.country.name });

/** Who supplied and who received, as the finding names them: companies where it names them, else countries. */
export function claimEnds(f) {
  const companies = f.companies || [];
  const countries = f.countries || [];
  const role = (list, r) => list.filter((x) => x.role === r);
  let from = role(companies, 'SUPPLIER').map(company);
  if (!from.length) from = role(countries, 'ORIGIN').map(country);
  let to = role(companies, 'RECIPIENT').map(company);
  if (!to.length && from.length) to = role(companies, 'SUBJECT').map(company);
  if (!to.length) to = role(countries, 'DESTINATION').map(country);
  return { from, to };
}

function claimText(f) {
  if (f.value) return f.value.text;
  if (f.count) return f.count.text;
  return 'no figure given';
}

export async function loadClaims(panel, state, nav, ctx) {
  const variables = { filter: findingFilter(state) };
  const data = await panel.run(CLAIMS, variables);
  if (!data) return;
  panel.sources([]);
  const findings = data.findings.edges.map((e) => e.node).map((f) => ({ ...f, ...claimEnds(f) }));
  const drawn = findings.filter((f) => f.from.length && f.to.length);
  renderTable(panel, findings, nav);
  if (!findings.length) {
    hideChart(panel.chartEl);
    panel.summary();
    showMissing(panel, 'findings', ctx.counts, nav);
    return;
  }
  const text = `${drawn.length} claims of who supplied whom`
    + (findings.length > drawn.length ? ` (${findings.length - drawn.length} other findings name no supplier and recipient: see the table)` : '')
    + (data.findings.totalCount > findings.length ? `; the first ${findings.length} of ${data.findings.totalCount} findings` : '')
    + '. Each claim is its source’s: they overlap and do not add up.';
  panel.summary(h('strong', { class: 'claims-label' }, 'Reported claims, not totals: '), text);
  panel.chartEl.setAttribute('aria-label', `Claims graph of reported findings. ${text}`);
  if (!drawn.length) {
    hideChart(panel.chartEl);
    await finish(panel);
    return;
  }
  const small = narrow();
  const columns = [new Map(), new Map()];
  for (const f of drawn) {
    f.from.forEach((p) => columns[0].set(p.key, p));
    f.to.forEach((p) => columns[1].set(p.key, p));
  }
  const rows = Math.max(columns[0].size, columns[1].size, drawn.length);
  const gap = small ? 30 : 38;
  panel.chartEl.style.height = Math.max(260, 40 + rows * gap) + 'px';
  const width = panel.chartEl.clientWidth || 900;
  const x = [small ? 60 : 140, width / 2, width - (small ? 60 : 140)];
  const place = (i, n) => 20 + (i + 0.5) * ((rows * gap) / n);
  const nodes = [];
  [...columns[0].values()].forEach((p, i) => nodes.push(partyNode(p, 'S', x[0], place(i, columns[0].size), small)));
  [...columns[1].values()].forEach((p, i) => nodes.push(partyNode(p, 'R', x[2], place(i, columns[1].size), small)));
  drawn.forEach((f, i) => nodes.push({
    name: 'claim|' + f.key, key: f.key, kind: 'claim', x: x[1], y: place(i, drawn.length), symbol: 'roundRect',
    symbolSize: [small ? 90 : 150, 24], itemStyle: { color: '#fff', borderColor: f.value && f.value.qualifier !== 'EXACT' ? '#8a5a00' : '#4b5563', borderType: f.value && f.value.qualifier !== 'EXACT' ? 'dashed' : 'solid' },
    label: { show: true, formatter: truncate(claimText(f), small ? 14 : 24), color: '#1d1d1f', fontSize: small ? 9 : 11 },
    tip: `${claimText(f)} — ${f.statement}<br>Source: ${f.source ? f.source.title : 'not given'}`,
  }));
  const links = drawn.flatMap((f) => [
    ...f.from.map((p) => ({ source: 'S|' + p.key, target: 'claim|' + f.key })),
    ...f.to.map((p) => ({ source: 'claim|' + f.key, target: 'R|' + p.key })),
  ]);
  const done = renderChart(panel.chartEl, {
    tooltip: { trigger: 'item', formatter: (p) => (p.dataType === 'node' ? (p.data.kind === 'claim' ? escapeHtml(p.data.tip).replace('&lt;br&gt;', '<br>') : escapeHtml(p.data.label)) : '') },
    series: [{
      type: 'graph', layout: 'none', roam: false, data: nodes, links,
      edgeSymbol: ['none', 'arrow'], edgeSymbolSize: 7, lineStyle: { color: '#9ca3af', width: 1.2, curveness: 0.1 },
      emphasis: { focus: 'adjacency' },
    }],
  }, {
    onClick: (p) => {
      if (p.dataType !== 'node') return;
      if (p.data.companyId) nav({ company: p.data.companyId, view: 'company' });
      else if (p.data.kind === 'claim') nav({ view: 'facts' });
    },
  });
  await finish(panel, done);
}

function partyNode(p, side, x, y, small) {
  return {
    name: side + '|' + p.key, label: p.label, companyId: p.id || null, x, y, symbolSize: 12,
    itemStyle: { color: side === 'S' ? COLORS.supplier : COLORS.recipient },
    label: { show: true, position: side === 'S' ? 'left' : 'right', formatter: truncate(p.label, small ? 12 : 22), fontSize: small ? 9 : 11, color: '#1d1d1f' },
  };
}

function renderTable(panel, findings, nav) {
  const parties = (list) => list.length ? list.map((p, i) => [i ? ', ' : '', p.id
    ? h('button', { type: 'button', class: 'link', onclick: () => nav({ company: p.id, view: 'company' }) }, p.label) : p.label]) : '—';
  clear(panel.bodyEl, h('table', { class: 'data-table' },
    h('caption', {}, 'Reported claims: each stands alone with its precision and source; they overlap and are never added'),
    h('thead', {}, h('tr', {}, ['Supplied by', 'To', 'Claim', 'Period', 'Source'].map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, findings.map((f) => h('tr', {
      class: 'claim',
      dataset: {
        key: f.key, from: f.from.map((p) => p.id || p.code).join(','), to: f.to.map((p) => p.id || p.code).join(','),
        amount: f.value ? f.value.amount : '', currency: f.value ? f.value.currency : '', qualifier: f.value ? f.value.qualifier : '',
        source: f.source ? f.source.key : '', drawn: Boolean(f.from.length && f.to.length),
      },
    },
    h('td', {}, parties(f.from)), h('td', {}, parties(f.to)),
    h('td', {}, f.value ? figure(f.value) : claimText(f), h('div', { class: 'muted small' }, f.statement),
      f.partOf ? h('div', { class: 'muted small' }, 'part of another claim (not added)') : null,
      f.sameClaimAs && f.sameClaimAs.length ? h('div', { class: 'muted small' }, 'the same claim is told by another source (not added)') : null),
    h('td', {}, f.period && f.period.label ? f.period.label : ''),
    h('td', {}, sourceLink(f.source)))))));
}
