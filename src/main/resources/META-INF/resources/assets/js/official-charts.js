// The Sankey, HS drill-down and time series on official statistics. The API keeps reporter, direction, source and
// all-goods totals apart; so do these charts: a Sankey link is one reporter's published figure (the exporter's where it
// publishes one, else the importer's), a bar or a series belongs to one reporter, direction and source. Nothing here is
// ever added to another figure or to shipments.

import { OFFICIAL_FLOWS, OFFICIAL_PRODUCTS, OFFICIAL_SERIES } from './queries.js';
import { officialSides, asOfVariable } from './state.js';
import { h, clear, figure, count, escapeHtml, eurShort, sourceLink } from './dom.js';
import { renderChart, hideChart, narrow, truncate, COLORS } from './chart.js';
import { finish } from './panel.js';
import { fillGaps } from './timeseries.js';
import { showMissing, FETCH_BACI } from './levels.js';

const SERIES_COLORS = ['#2f6db5', '#8a5a00', '#3f8f5a', '#7b3fa0', '#b3261e', '#4b5563', '#0e7490', '#a16207'];

function groups(data) {
  return [...data.exports.edges, ...data.imports.edges].map((e) => e.node);
}

/** One reporter's direction from one source: the unit the official charts never add across. */
function seriesKey(g) {
  return `${g.reporter ? g.reporter.code : ''} ${g.flow} ${g.source ? g.source.key : ''}${g.allGoods ? '' : ' products'}`;
}

function seriesLabel(g) {
  const who = g.reporter ? g.reporter.name : 'the reporter';
  return `${who}’s ${g.flow === 'EXPORT' ? 'exports' : 'imports'}${g.allGoods ? '' : ' (sum of product figures)'}`
    + ` — ${g.source ? g.source.title : 'source not given'}`;
}

/** Supplier and recipient of a figure: an export goes from its reporter, an import to it. */
function ends(g) {
  const reporter = g.reporter || { code: '', name: '' };
  const partner = g.partner || { code: '', name: 'all partners' };
  return g.flow === 'EXPORT' ? [reporter, partner] : [partner, reporter];
}

const eur = (g) => (g.valueEur === null ? null : Number(g.valueEur));

export async function loadOfficialSankey(panel, state, nav, ctx) {
  const variables = { ...officialSides(state), ...asOfVariable(state) };
  const data = await panel.run(OFFICIAL_FLOWS, variables);
  if (!data) return;
  panel.sources([]);
  const all = groups(data);
  if (!all.length) {
    hideChart(panel.chartEl);
    clear(panel.bodyEl);
    panel.summary();
    showMissing(panel, 'official', ctx.counts, nav);
    return;
  }
  const year = Math.max(...all.map((g) => g.year));
  // per directed pair of the latest year, one figure is drawn: exporter's before importer's, all goods before product sums
  const rank = (g) => [g.flow === 'EXPORT' ? 0 : 1, g.allGoods ? 0 : 1, -(eur(g) || 0)];
  const drawn = new Map();
  for (const g of all.filter((x) => x.year === year)) {
    const [from, to] = ends(g);
    const pair = from.code + '>' + to.code;
    const current = drawn.get(pair);
    if (!current || compare(rank(g), rank(current)) < 0) drawn.set(pair, g);
  }
  const chosen = new Set(drawn.values());
  renderOfficialTable(panel, all, chosen);
  const links = [...chosen].filter((g) => eur(g) > 0);
  if (!links.length) {
    hideChart(panel.chartEl);
    panel.summary(`Official figures for ${year} have no EUR value (no exchange rate), so they are listed in the table only.`);
    await finish(panel);
    return;
  }
  const text = `Official statistics for ${year}: ${links.length} country pair${links.length === 1 ? '' : 's'}, each link one `
    + 'reporter’s published figure (the exporter’s where it publishes one, else the importer’s). Mirror figures, other '
    + `sources and other years are in the table (${count(all.length)} figures groups), compared there, never added.`;
  panel.summary(h('strong', {}, 'Official statistics: '), text);
  panel.chartEl.setAttribute('aria-label', `Sankey diagram of official trade statistics, ${year}. ${text}`);
  const nodes = new Map();
  const node = (side, c) => {
    const id = side + '|' + c.code;
    if (!nodes.has(id)) {
      nodes.set(id, { name: id, key: c.code, side, label: `${c.name} (${c.code})`, itemStyle: { color: side === 'S' ? COLORS.supplier : COLORS.recipient } });
    }
    return id;
  };
  const series = links.map((g) => {
    const [from, to] = ends(g);
    return { source: node('S', from), target: node('R', to), value: eur(g), text: g.value ? g.value.text : '', who: seriesLabel(g) };
  });
  const small = narrow();
  const done = renderChart(panel.chartEl, {
    tooltip: {
      trigger: 'item',
      formatter: (p) => (p.dataType === 'edge'
        ? `${escapeHtml(p.data.text)}<br>${escapeHtml(p.data.who)}, ${year}`
        : `${escapeHtml(p.data.label)}<br>click for its figures`),
    },
    series: [{
      type: 'sankey', left: small ? 4 : 8, right: small ? 90 : 190, top: 8, bottom: 8, nodeGap: small ? 6 : 10, nodeWidth: 14,
      draggable: false, emphasis: { focus: 'adjacency' }, data: [...nodes.values()], links: series,
      label: { formatter: (p) => truncate(p.data.label, small ? 16 : 28), fontSize: small ? 10 : 12, color: '#1d1d1f' },
      lineStyle: { color: 'gradient', curveness: 0.5, opacity: 0.35 },
    }],
  }, {
    onClick: (p) => {
      if (p.dataType !== 'node') return;
      nav(p.data.side === 'S' ? { supplierCountries: [p.data.key] } : { recipientCountries: [p.data.key] });
    },
  });
  await finish(panel, done);
}

function compare(a, b) {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  return 0;
}

function renderOfficialTable(panel, all, chosen) {
  const sorted = [...all].sort((a, b) => b.year - a.year || (eur(b) || 0) - (eur(a) || 0));
  clear(panel.bodyEl, h('table', { class: 'data-table' },
    h('caption', {}, 'Official figures by pair and year, each as one reporter published it; “drawn” marks the Sankey’s links'),
    h('thead', {}, h('tr', {}, ['From', 'To', 'Year', 'As reported by', 'Value', 'Figures', 'Source', 'Drawn']
      .map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, sorted.map((g) => {
      const [from, to] = ends(g);
      return h('tr', {
        class: 'official-group',
        dataset: {
          from: from.code, to: to.code, year: g.year, reporter: g.reporter ? g.reporter.code : '', flow: g.flow,
          source: g.source ? g.source.key : '', allGoods: g.allGoods, valueEur: g.valueEur ?? '', figures: g.figureCount,
          drawn: chosen.has(g),
        },
      },
      h('td', {}, `${from.name} (${from.code})`), h('td', {}, `${to.name} (${to.code})`), h('td', {}, String(g.year)),
      h('td', {}, `${g.reporter ? g.reporter.name : ''} (${g.flow === 'EXPORT' ? 'exports' : 'imports'}${g.allGoods ? '' : ', sum of product figures'})`),
      h('td', { class: 'num' }, figure(g.value)), h('td', { class: 'num' }, count(g.figureCount)),
      h('td', {}, sourceLink(g.source)), h('td', {}, chosen.has(g) ? 'drawn' : '—'));
    }))));
}

// ---- HS drill-down ----

const DRILL = [
  { test: (d) => !d, dimension: 'SECTION', field: 'section', words: 'sections' },
  { test: (d) => /^[IVX]+$/.test(d), dimension: 'HS2', field: 'hs2', words: 'chapters (HS2)' },
  { test: (d) => /^\d{2}$/.test(d), dimension: 'HS4', field: 'hs4', words: 'headings (HS4)' },
  { test: (d) => /^\d{4}$/.test(d), dimension: 'HS6', field: 'hs6', words: 'subheadings (HS6)' },
];

export async function loadOfficialProducts(panel, state, nav, ctx) {
  const drill = state.drill;
  const step = DRILL.find((s) => s.test(drill)) || DRILL[0];
  const sides = officialSides(state);
  const narrowTo = (f) => ({ ...f, allGoods: false, ...(/^\d+$/.test(drill) ? { productCode: drill } : {}) });
  const variables = { exports: narrowTo(sides.exports), imports: narrowTo(sides.imports), groupBy: [step.dimension],
    ...asOfVariable(state) };
  const data = await panel.run(OFFICIAL_PRODUCTS, variables);
  if (!data) return;
  panel.sources([]);
  let rows = groups(data).filter((g) => g[step.field]);
  if (step.dimension === 'HS2') rows = rows.filter((g) => g.hs2.section && g.hs2.section.code === drill);
  rows.sort((a, b) => (eur(b) || 0) - (eur(a) || 0));
  renderCrumbs(panel, drill, rows, step, nav);
  clear(panel.bodyEl, h('table', { class: 'data-table' },
    h('caption', {}, `Official product-level figures by ${step.words}, each reporter, direction and source apart`),
    h('thead', {}, h('tr', {}, ['Category', 'As reported by', 'Value', 'Figures'].map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, rows.map((g) => {
      const c = g[step.field];
      return h('tr', { class: 'official-product', dataset: { code: c.code, series: seriesKey(g), reporter: g.reporter ? g.reporter.code : '', flow: g.flow, source: g.source ? g.source.key : '', valueEur: g.valueEur ?? '', figures: g.figureCount } },
        h('th', { scope: 'row' }, step.dimension !== 'HS6'
          ? h('button', { type: 'button', class: 'link drill', onclick: () => nav({ drill: c.code, view: 'products' }) }, `${c.code} ${c.description}`)
          : `${c.code} ${c.description}`),
        h('td', {}, seriesLabel(g)), h('td', { class: 'num' }, figure(g.value)), h('td', { class: 'num' }, count(g.figureCount)));
    }))));
  if (!rows.length) {
    hideChart(panel.chartEl);
    panel.summary();
    const totalsOnly = ctx.counts && ctx.counts.official > 0;
    showMissing(panel, 'official', ctx.counts, nav, drill || totalsOnly
      ? [`No product-level official statistics${drill ? ' under ' + drill : ''} for these filters: `
        + 'totals for all goods have no HS code. Product-level figures come from CEPII BACI: ', h('code', {}, FETCH_BACI), '.']
      : null);
    return;
  }
  const shown = rows.slice(0, 40).filter((g) => eur(g) > 0);
  const text = `${rows.length} product-level official figure groups by ${step.words}; each bar is one reporter’s `
    + 'exports or imports from one source, compared, never added.';
  panel.summary(h('strong', {}, 'Official statistics: '), text);
  panel.chartEl.setAttribute('aria-label', `Bar chart of official statistics by ${step.words}. ${text}`);
  const el = panel.chartEl;
  el.style.height = Math.max(220, Math.min(900, 40 + shown.length * 28)) + 'px';
  const keys = [...new Set(shown.map(seriesKey))];
  const small = narrow();
  const done = renderChart(el, {
    grid: { left: 8, right: small ? 56 : 80, top: 8, bottom: 24, containLabel: true },
    tooltip: { trigger: 'item', formatter: (p) => { const g = shown[p.dataIndex]; return `${escapeHtml(g[step.field].code + ' ' + g[step.field].description)}<br>${escapeHtml(g.value ? g.value.text : '')}<br>${escapeHtml(seriesLabel(g))}`; } },
    xAxis: { type: 'value', axisLabel: { formatter: (v) => eurShort(v), fontSize: 10, hideOverlap: true }, splitNumber: small ? 2 : 4 },
    yAxis: {
      type: 'category', inverse: true, axisTick: { show: false }, axisLabel: { fontSize: small ? 10 : 12, color: '#1d1d1f' },
      data: shown.map((g) => truncate(`${g[step.field].code} ${g[step.field].description} · ${g.reporter ? g.reporter.code : ''} ${g.flow === 'EXPORT' ? 'exp.' : 'imp.'}`, small ? 22 : 48)),
    },
    series: [{
      type: 'bar', barMaxWidth: 22, cursor: 'pointer',
      data: shown.map((g) => ({ value: eur(g), itemStyle: { color: SERIES_COLORS[keys.indexOf(seriesKey(g)) % SERIES_COLORS.length] } })),
      label: { show: true, position: 'right', fontSize: 10, formatter: (p) => eurShort(p.value) },
    }],
  }, {
    onClick: (p) => { const g = shown[p.dataIndex]; if (g && step.dimension !== 'HS6') nav({ drill: g[step.field].code, view: 'products' }); },
  });
  await finish(panel, done);
}

function renderCrumbs(panel, drill, rows, step, nav) {
  const crumbs = [{ code: '', text: 'All sections' }];
  const first = rows[0] && rows[0][step.field];
  if (drill) {
    const section = /^[IVX]+$/.test(drill) ? drill : first && first.section ? first.section.code : '';
    if (section) crumbs.push({ code: section, text: `Section ${section}` });
    if (/^\d{2,}$/.test(drill)) crumbs.push({ code: drill.slice(0, 2), text: drill.slice(0, 2) });
    if (/^\d{4}$/.test(drill)) crumbs.push({ code: drill, text: drill });
  }
  clear(panel.el.querySelector('.breadcrumb ol'), crumbs.map((c, i) => h('li', {}, i === crumbs.length - 1
    ? h('span', { 'aria-current': 'location' }, c.text)
    : h('button', { type: 'button', class: 'link', dataset: { code: c.code }, onclick: () => nav({ drill: c.code, view: 'products' }) }, c.text))));
}

// ---- time series ----

const GRAINS = {
  year: { dimension: 'YEAR', key: (g) => String(g.year) },
  quarter: { dimension: 'QUARTER', key: (g) => g.quarter },
  month: { dimension: 'MONTH', key: (g) => g.month },
};

export async function loadOfficialTime(panel, state, nav, ctx) {
  const grain = GRAINS[state.time];
  const sides = officialSides(state);
  const variables = { ...sides, groupBy: [grain.dimension], orderBy: [{ field: grain.dimension, direction: 'ASC' }],
    ...asOfVariable(state) };
  const data = await panel.run(OFFICIAL_SERIES, variables);
  if (!data) return;
  panel.sources([]);
  const rows = groups(data).map((g) => ({ ...g, period: grain.key(g) }));
  clear(panel.bodyEl, h('table', { class: 'data-table' },
    h('caption', {}, `Official figures by ${state.time}, one series per reporter, direction and source`),
    h('thead', {}, h('tr', {}, [state.time, 'As reported by', 'Value', 'Figures'].map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, rows.map((g) => h('tr', { class: 'official-period', dataset: { period: g.period, series: seriesKey(g), reporter: g.reporter ? g.reporter.code : '', flow: g.flow, source: g.source ? g.source.key : '', allGoods: g.allGoods, valueEur: g.valueEur ?? '', figures: g.figureCount } },
      h('th', { scope: 'row' }, g.period), h('td', {}, seriesLabel(g)), h('td', { class: 'num' }, figure(g.value)), h('td', { class: 'num' }, count(g.figureCount)))))));
  if (!rows.length) {
    hideChart(panel.chartEl);
    panel.summary();
    showMissing(panel, 'official', ctx.counts, nav);
    return;
  }
  const sorted = [...new Set(rows.map((r) => r.period))].sort();
  const periods = fillGaps(sorted, state.time);
  const keys = [...new Set(rows.map(seriesKey))];
  const labels = new Map(rows.map((r) => [seriesKey(r), seriesLabel(r)]));
  const text = `${keys.length} series from ${periods[0]} to ${periods[periods.length - 1]}, one per reporter, direction and `
    + 'source: bars side by side are different publishers’ or sides’ figures — compare them, do not add them.';
  panel.summary(h('strong', {}, 'Official statistics: '), text);
  panel.chartEl.setAttribute('aria-label', `Bar chart of official statistics by ${state.time}. ${text}`);
  const small = narrow();
  const done = renderChart(panel.chartEl, {
    grid: { left: 8, right: 16, top: 16, bottom: 40, containLabel: true },
    // on a phone the series are named in the tooltip and the table, not in a legend too wide for the screen
    legend: { show: !small, type: 'scroll', bottom: 0, left: 0, right: 0, textStyle: { fontSize: 10, width: 520, overflow: 'truncate' } },
    tooltip: { trigger: 'item', formatter: (p) => `${escapeHtml(p.name)}<br>${escapeHtml(p.seriesName)}<br>${escapeHtml(eurShort(p.value))}` },
    xAxis: { type: 'category', data: periods, axisLabel: { fontSize: 10, rotate: state.time === 'year' ? 0 : small ? 60 : 45 } },
    yAxis: { type: 'value', axisLabel: { formatter: (v) => eurShort(v), fontSize: 10, hideOverlap: true }, splitNumber: small ? 3 : 5 },
    series: keys.map((k, i) => ({
      type: 'bar', name: truncate(labels.get(k), 70), barMaxWidth: 24, itemStyle: { color: SERIES_COLORS[i % SERIES_COLORS.length] },
      data: periods.map((p) => { const r = rows.find((x) => x.period === p && seriesKey(x) === k); return r && r.valueEur !== null ? Number(r.valueEur) : null; }),
    })),
  });
  await finish(panel, done);
}
