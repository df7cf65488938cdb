// Flows over time, by year, quarter or month. Periods without documented shipments stay empty (no bar), not zero.

import { TIME_SERIES } from './queries.js';
import { flowFilter, asOfVariable } from './state.js';
import { h, clear, figure, count, escapeHtml, eurShort, qualifierWords } from './dom.js';
import { renderChart, hideChart, narrow, COLORS } from './chart.js';
import { finish } from './panel.js';
import { showMissing } from './levels.js';

const GRAINS = {
  year: { dimension: 'YEAR', key: (g) => String(g.year), word: 'year' },
  quarter: { dimension: 'QUARTER', key: (g) => g.quarter, word: 'quarter' },
  month: { dimension: 'MONTH', key: (g) => g.month, word: 'month' },
};

export async function loadTimeSeries(panel, state, nav, ctx = {}) {
  const grain = GRAINS[state.time];
  const variables = {
    filter: flowFilter(state),
    groupBy: [grain.dimension],
    orderBy: [{ field: grain.dimension, direction: 'ASC' }],
    ...asOfVariable(state),
  };
  const data = await panel.run(TIME_SERIES, variables);
  if (!data) return;
  const groups = data.flows.edges.map((e) => e.node);
  const rows = groups.map((g) => ({ period: grain.key(g), ...g }));
  panel.sources(data.sources.edges.map((e) => e.node), data.sources.totalCount);
  renderTable(panel, rows, grain);
  const total = data.flows.total;
  if (!rows.length || !total || total.shipmentCount === 0) {
    hideChart(panel.chartEl);
    panel.summary();
    showMissing(panel, 'shipments', ctx.counts, nav);
    return;
  }
  const periods = fillGaps(rows.map((r) => r.period), state.time);
  const byPeriod = new Map(rows.map((r) => [r.period, r]));
  const rest = ` in ${count(total.shipmentCount)} shipments, ${rows[0].period} to ${rows[rows.length - 1].period}, by ${grain.word}`
    + (data.flows.pageInfo.hasNextPage ? ` (the first ${rows.length} ${grain.word}s shown; narrow the period for more)` : '')
    + '.'
    + (rows.some((r) => r.value && r.value.qualifier !== 'EXACT') ? ' Hatched bars are lower bounds or estimates.' : '');
  panel.summary(h('strong', {}, 'Total: '), figure(total.value), rest);
  panel.chartEl.setAttribute('aria-label', `Bar chart of flows by ${grain.word}: ${total.value ? total.value.text : ''}${rest}`);
  const small = narrow();
  const done = renderChart(panel.chartEl, {
    grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (items) => {
        const row = byPeriod.get(items[0].name);
        if (!row) return `${escapeHtml(items[0].name)}<br>no documented shipments`;
        return `${escapeHtml(row.period)}<br>${escapeHtml(row.value ? row.value.text : 'no EUR value')}`
          + (row.value && row.value.qualifier !== 'EXACT' ? ` (${qualifierWords(row.value.qualifier)})` : '')
          + `<br>${row.shipmentCount} shipments`;
      },
    },
    xAxis: { type: 'category', data: periods, axisLabel: { fontSize: 10, rotate: state.time === 'year' ? 0 : small ? 60 : 45 } },
    yAxis: { type: 'value', axisLabel: { formatter: (v) => eurShort(v), fontSize: 10, hideOverlap: true }, splitNumber: small ? 3 : 5 },
    series: [{
      type: 'bar',
      name: 'EUR',
      data: periods.map((p) => {
        const row = byPeriod.get(p);
        if (!row || row.valueEur === null) return null;
        // lower bounds and estimates are hatched, so that precision shows in the chart too
        const exact = !row.value || row.value.qualifier === 'EXACT';
        return { value: Number(row.valueEur), itemStyle: { color: COLORS.bar, decal: exact ? null : { symbol: 'rect', dashArrayX: [1, 0], dashArrayY: [2, 3], rotation: -Math.PI / 4, color: 'rgba(255,255,255,0.55)' } } };
      }),
      barMaxWidth: 36,
    }],
  });
  await finish(panel, done);
}

/** Every period from the first to the last, so that a gap in the data shows as a gap on the axis. */
export function fillGaps(periods, grain) {
  if (!periods.length) return [];
  const out = [];
  const [first, last] = [periods[0], periods[periods.length - 1]];
  if (grain === 'year') {
    for (let y = Number(first); y <= Number(last); y++) out.push(String(y));
    return out;
  }
  const parse = (p) => grain === 'month'
    ? [Number(p.slice(0, 4)), Number(p.slice(5, 7))]
    : [Number(p.slice(0, 4)), Number(p.slice(6, 7))];
  const steps = grain === 'month' ? 12 : 4;
  let [y, n] = parse(first);
  const [ly, ln] = parse(last);
  for (let guard = 0; guard < 1200 && (y < ly || (y === ly && n <= ln)); guard++) {
    out.push(grain === 'month' ? `${y}-${String(n).padStart(2, '0')}` : `${y}-Q${n}`);
    n += 1;
    if (n > steps) { n = 1; y += 1; }
  }
  return out;
}

function renderTable(panel, rows, grain) {
  const table = h('table', { class: 'data-table' },
    h('caption', {}, `Flows by ${grain.word}`),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, grain.word[0].toUpperCase() + grain.word.slice(1)),
      h('th', { scope: 'col', class: 'num' }, 'Value'), h('th', { scope: 'col', class: 'num' }, 'Shipments'))),
    h('tbody', {}, rows.map((r) => h('tr', { dataset: { period: r.period, valueEur: r.valueEur ?? '', shipments: r.shipmentCount } },
      h('th', { scope: 'row' }, r.period), h('td', { class: 'num' }, figure(r.value)), h('td', { class: 'num' }, count(r.shipmentCount))))));
  clear(panel.bodyEl, table);
}
