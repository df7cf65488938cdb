// Official trade statistics for the selected countries, each figure as its reporter published it: both sides of a
// pair, exports, imports and turnover, and different publishers stay separate items, never summed with shipments.

import { OFFICIAL_TOTALS } from './queries.js';
import { tradeVolumeFilter } from './state.js';
import { h, clear, figure, sourceLink, eurShort } from './dom.js';
import { finish } from './panel.js';
import { showMissing } from './levels.js';

const FLOW_WORDS = { EXPORT: 'exports to', IMPORT: 'imports from', TOTAL: 'trade with' };

export async function loadOfficial(panel, state, nav, ctx = {}) {
  const variables = { filter: tradeVolumeFilter(state) };
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
    r.valueEur !== null && r.value.currency !== 'EUR' ? h('span', { class: 'converted' }, ` ≈ ${eurShort(Number(r.valueEur))}`) : null),
  h('p', {}, `${r.reporter ? r.reporter.name : ''}’s ${FLOW_WORDS[r.flow] || r.flow} ${r.partner ? r.partner.name : ''}, `,
    periodText(r.period), ', ', r.product ? `${r.product.code} ${r.product.description}` : 'all goods',
    ` — as reported by ${r.reporter ? r.reporter.name : 'the reporter'}`),
  r.note ? h('details', { class: 'note-details' }, h('summary', {}, 'Note'), h('p', { class: 'small' }, r.note)) : null,
  h('p', { class: 'fact-source' }, 'Source: ', sourceLink(r.source))))));
  await finish(panel);
}

/** "2024" for a calendar year, "2023-04" for a month, else the dates. */
export function periodText(period) {
  if (period.label) return period.label;
  const { start, end } = period;
  if (start && end && start.endsWith('-01-01') && end.endsWith('-12-31') && start.slice(0, 4) === end.slice(0, 4)) return start.slice(0, 4);
  if (start && end && start.slice(0, 7) === end.slice(0, 7) && start.endsWith('-01')) return start.slice(0, 7);
  return start === end ? start : `${start} – ${end}`;
}
