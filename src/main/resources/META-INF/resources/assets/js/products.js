// Drill-down through the HS tree: sections → chapters (HS2) → headings (HS4) → subheadings (HS6), each bar with the
// total of the flows under it. A bar or a row's button goes one level down; the breadcrumb goes back up.

import { PRODUCT_CHILDREN, PRODUCT_SECTIONS } from './queries.js';
import { flowFilter, asOfVariable } from './state.js';
import { h, clear, figure, count, escapeHtml, eurShort } from './dom.js';
import { renderChart, hideChart, narrow, truncate, COLORS } from './chart.js';
import { finish } from './panel.js';
import { showMissing } from './levels.js';

const LEVEL_NAMES = { SECTION: 'section', CHAPTER: 'chapter (HS2)', HEADING: 'heading (HS4)', SUBHEADING: 'subheading (HS6)' };
const CHILD_LEVEL = { SECTION: 'chapters (HS2)', CHAPTER: 'headings (HS4)', HEADING: 'subheadings (HS6)' };

export async function loadProducts(panel, state, nav, ctx = {}) {
  const filter = flowFilter(state);
  const atTop = !state.drill;
  const data = atTop
    ? await panel.run(PRODUCT_SECTIONS, { filter, ...asOfVariable(state) })
    : await panel.run(PRODUCT_CHILDREN, { code: state.drill, filter, ...asOfVariable(state) });
  if (!data) return;
  let rows;
  let total;
  let sources;
  let trail;
  if (atTop) {
    rows = data.flows.edges.map((e) => ({ category: e.node.section, totals: e.node }));
    total = data.flows.total;
    sources = data.sources.edges.map((e) => e.node);
    trail = [];
  } else {
    const category = data.productCategory;
    rows = category.childTotals.map((c) => ({ category: c.category, totals: c.totals }));
    total = category.total.total;
    sources = category.sources.edges.map((e) => e.node);
    trail = [...category.ancestors, category];
  }
  panel.sources(sources, sources.length);
  renderBreadcrumb(panel, trail, nav);
  const leaf = !atTop && trail[trail.length - 1].level === 'SUBHEADING';
  renderTable(panel, rows, nav, state);
  const levelWords = atTop ? 'sections' : CHILD_LEVEL[trail[trail.length - 1].level] || 'categories';
  if (!rows.length || !total || total.shipmentCount === 0) {
    hideChart(panel.chartEl);
    panel.summary();
    if (leaf) panel.showEmpty('A subheading (HS6) is the finest level of the tree.');
    else showMissing(panel, 'shipments', ctx.counts, nav);
    return;
  }
  const where = atTop ? 'all goods' : `${trail[trail.length - 1].code} ${trail[trail.length - 1].description}`;
  const rest = ` in ${count(total.shipmentCount)} shipments under ${where}, by ${levelWords}`
    + (total.shipmentsWithoutEur > 0 ? `; ${count(total.shipmentsWithoutEur)} shipments without an EUR value are not in the sums` : '')
    + '.';
  panel.summary(h('strong', {}, 'Total: '), figure(total.value), rest);
  panel.chartEl.setAttribute('aria-label', `Bar chart of flows by ${levelWords}: ${total.value ? total.value.text : ''}${rest}`);
  const canDrill = (category) => category.level !== 'SUBHEADING';
  const done = renderChart(panel.chartEl, option(rows), {
    onClick: (p) => {
      const row = rows[p.dataIndex];
      if (row && canDrill(row.category)) nav({ drill: row.category.code, view: 'products' });
    },
  });
  await finish(panel, done);
}

function label(category) {
  return `${category.code} ${category.description}`;
}

function option(rows) {
  const small = narrow();
  const max = small ? 18 : 42;
  panelHeight(rows.length);
  return {
    grid: { left: 8, right: small ? 56 : 80, top: 8, bottom: 24, containLabel: true },
    tooltip: {
      trigger: 'item',
      formatter: (p) => {
        const row = rows[p.dataIndex];
        return `${escapeHtml(label(row.category))}<br>${escapeHtml(row.totals.value ? row.totals.value.text : 'no EUR value')}`
          + ` · ${row.totals.shipmentCount} shipments`
          + (row.category.level !== 'SUBHEADING' ? '<br>click to go one level down' : '');
      },
    },
    xAxis: { type: 'value', axisLabel: { formatter: (v) => eurShort(v), fontSize: 10, hideOverlap: true }, splitNumber: small ? 2 : 4 },
    yAxis: {
      type: 'category', inverse: true,
      data: rows.map((r) => truncate(label(r.category), max)),
      axisLabel: { fontSize: small ? 10 : 12, color: '#1d1d1f' },
      axisTick: { show: false },
    },
    series: [{
      type: 'bar',
      data: rows.map((r) => ({
        value: r.totals.valueEur === null ? 0 : Number(r.totals.valueEur),
        itemStyle: { color: r.category.chplTier ? '#7b3fa0' : COLORS.bar },
      })),
      barMaxWidth: 22,
      cursor: 'pointer',
      label: { show: true, position: 'right', fontSize: 10, formatter: (p) => eurShort(p.value) },
    }],
  };
}

/** Taller charts for longer lists, so every bar keeps a readable label. */
function panelHeight(n) {
  const el = document.querySelector('#panel-products .chart');
  if (el) el.style.height = Math.max(220, Math.min(900, 40 + n * 28)) + 'px';
}

function renderBreadcrumb(panel, trail, nav) {
  const crumbs = panel.el.querySelector('.breadcrumb ol');
  const items = [{ code: '', description: 'All sections' }, ...trail];
  clear(crumbs, items.map((c, i) => {
    const last = i === items.length - 1;
    const text = c.code ? `${c.code} ${truncate(c.description, 36)}` : c.description;
    return h('li', {}, last
      ? h('span', { 'aria-current': 'location' }, text)
      : h('button', { type: 'button', class: 'link', dataset: { code: c.code }, onclick: () => nav({ drill: c.code, view: 'products' }) }, text));
  }));
}

function renderTable(panel, rows, nav, state) {
  const table = h('table', { class: 'data-table' },
    h('caption', {}, 'Flows by product category; a category’s button goes one level down'),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Category'), h('th', { scope: 'col', class: 'num' }, 'Value'),
      h('th', { scope: 'col', class: 'num' }, 'Shipments'), h('th', { scope: 'col' }, 'Filter'))),
    h('tbody', {}, rows.map((r) => h('tr', {
      dataset: { code: r.category.code, valueEur: r.totals.valueEur ?? '', shipments: r.totals.shipmentCount },
    },
    h('th', { scope: 'row' }, r.category.level !== 'SUBHEADING'
      ? h('button', { type: 'button', class: 'link drill', onclick: () => nav({ drill: r.category.code, view: 'products' }) },
        label(r.category))
      : label(r.category),
    r.category.chplTier ? h('span', { class: 'badge chpl', title: 'On the Common High Priority List' }, 'CHPL ' + r.category.chplTier.replace('TIER_', '')) : null),
    h('td', { class: 'num' }, figure(r.totals.value)),
    h('td', { class: 'num' }, count(r.totals.shipmentCount)),
    h('td', {}, state.hs.length === 1 && state.hs[0] === r.category.code ? h('span', { class: 'muted' }, 'filtered')
      : h('button', {
        type: 'button', class: 'small', 'aria-label': `Filter every chart by ${r.category.code}`,
        onclick: () => nav({ hs: [r.category.code] }),
      }, 'Filter'))))));
  clear(panel.bodyEl, table);
}
