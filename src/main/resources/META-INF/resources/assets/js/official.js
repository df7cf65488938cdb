// Official trade statistics for the selected countries, each figure as its reporter published it: both sides of a
// pair, exports, imports and turnover, and different publishers stay separate items, never summed with shipments.

import { OFFICIAL_TOTALS } from './queries.js';
import { tradeVolumeFilter, asOfVariable } from './state.js';
import { h, clear, figure, sourceLink, eurShort } from './dom.js';
import { finish } from './panel.js';
import { showMissing } from './levels.js';

const FLOW_WORDS = { EXPORT: 'exports to', IMPORT: 'imports from', TOTAL: 'trade with' };

export async function loadOfficial(panel, state, nav, ctx = {}) {
  const variables = { filter: tradeVolumeFilter(state), ...asOfVariable(state) };
  const data = await panel.run(OFFICIAL_TOTALS, variables);
  if (!data) return;
  const rows = data.tradeVolumes.edges.map((e) => e.node);
  if (!rows.length) {
    clear(panel.bodyEl);
    panel.summary();
    showMissing(panel, 'official', ctx.counts, nav);
    return;
  }
  panel.summary(`${data.tradeVolumes.totalCount} official figures`
    + (data.tradeVolumes.totalCount > rows.length ? ` (the first ${rows.length} shown)` : '')
    + '. Each reporter and source stands apart: compare them, do not add them.');
  clear(panel.bodyEl, h('ul', { class: 'official-list' }, rows.map((r) => h('li', {
    class: 'official-figure', dataset: { reporter: r.reporter ? r.reporter.code : '', flow: r.flow, amount: r.value.amount },
  },
  h('p', { class: 'fact-figure' }, figure(r.value),
    r.valueEur !== null && r.value.currency !== 'EUR' ? h('span', { class: 'converted' }, ` ≈ ${eurShort(Number(r.valueEur))}`
      + conversionText(r.valueInEur)) : null),
  h('p', {}, `${r.reporter ? r.reporter.name : ''}’s ${FLOW_WORDS[r.flow] || r.flow} ${r.partner ? r.partner.name : ''}, `,
    periodText(r.period), ', ', r.product ? `${r.product.code} ${r.product.description}` : 'all goods',
    whoSaid(r)),
  r.note ? h('details', { class: 'note-details' }, h('summary', {}, 'Note'), h('p', { class: 'small' }, r.note)) : null,
  h('p', { class: 'fact-source' }, 'Source: ', sourceLink(r.source))))));
  await finish(panel);
}

const SOURCE_WORDS = { NEWS_REPORT: 'the news report', INVESTIGATION: 'the investigation', RESEARCH_NOTES: 'research notes' };

/** Who gave the figure: a reporter's official statistic (and who quoted it), or the source itself, never the reporter. */
export function whoSaid(r) {
  const reporter = r.reporter ? r.reporter.name : 'the reporter';
  const s = r.source || {};
  if (s.kind === 'OFFICIAL_STATISTICS') {
    return ` — ${reporter}’s official figure` + (s.publisher ? `, as published by ${s.publisher}` : '');
  }
  const by = s.publisher || (s.title ? `${SOURCE_WORDS[s.kind] || 'the source'} “${s.title}”` : 'its source');
  return ` — figure given by ${by}, not an official statistic of ${reporter}`;
}

/** ", converted at the 2024 annual average, 1.0824 USD per EUR (European Central Bank)" for a converted value. */
function conversionText(v) {
  if (!v || !v.converted || !v.conversions || !v.conversions.length) return '';
  const c = v.conversions[0];
  return `, converted at the ${c.text}` + (c.source && c.source.publisher ? ` (${c.source.publisher})` : '');
}

/** "2024" for a calendar year, "2023-04" for a month, else the dates. */
export function periodText(period) {
  if (period.label) return period.label;
  const { start, end } = period;
  if (start && end && start.endsWith('-01-01') && end.endsWith('-12-31') && start.slice(0, 4) === end.slice(0, 4)) return start.slice(0, 4);
  if (start && end && start.slice(0, 7) === end.slice(0, 7) && start.endsWith('-01')) return start.slice(0, 7);
  return start === end ? start : `${start} – ${end}`;
}
