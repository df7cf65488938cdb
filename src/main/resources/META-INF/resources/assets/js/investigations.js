// The investigations: did the goods go round through third countries (official statistics), who kept supplying
// recipients after they were listed, and which declared prices make no sense (company shipments). Each table is the
// API's answer as it is, with the rule it applies said in the panel; the rules themselves live in the API.

import { TRANSIT_ROUTES, EXPOSURE_RANKING, UNIT_VALUE_OUTLIERS, SUPPLY_PATHS } from './queries.js';
import { flowFilter } from './state.js';
import { h, clear, eurShort, count, sourceLink } from './dom.js';
import { finish } from './panel.js';

/** The transit countries the reporting on China–Russia trade looks at first. */
export const DEFAULT_VIA = ['KZ', 'KG', 'AM', 'TR', 'AE'];

/**
 * The searches over company shipments (paths, exposure, outliers) can take seconds on a large database, so they run
 * only when asked: when the panel is the view or the embed of the URL (paths also when a company profile is open);
 * otherwise the panel offers a button that asks for it.
 */
function asked(panel, state, nav, name, words) {
  if (state.view === name || state.embed === name || (name === 'paths' && state.company)) return true;
  panel.el.dataset.search = location.search;
  clear(panel.bodyEl);
  panel.summary();
  panel.showEmpty(words);
  panel.messageEl.append(h('button', { type: 'button', class: 'small run-investigation', onclick: () => nav({ view: name }) },
    'Run it for these filters'));
  return false;
}

const num = (v) => (v === null || v === undefined ? null : Number(v));
const eurCell = (v) => (v === null || v === undefined ? h('span', { class: 'muted' }, 'not reported') : eurShort(Number(v)));
const percent = (v) => (v === null || v === undefined ? '—' : `${Number(v) > 0 ? '+' : ''}${Number(v).toFixed(1)} %`);
const share = (v) => (v === null || v === undefined ? '—' : `${(Number(v) * 100).toFixed(1)} %`);

/** The transit filter of a state: origin and destination from the first supplier and recipient country (default CN → RU). */
export function transitFilter(state) {
  const f = {
    origin: state.supplierCountries[0] || 'CN',
    destination: state.recipientCountries[0] || 'RU',
    via: state.via.length ? state.via : DEFAULT_VIA,
    yearBefore: state.yearBefore,
    yearAfter: state.yearAfter,
  };
  if (state.hs.length) f.hsCodes = state.hs;
  if (state.sources.length === 1) f.source = state.sources[0];
  return f;
}

export async function loadTransit(panel, state, nav) {
  const filter = transitFilter(state);
  const form = panel.el.querySelector('form.transit-options');
  form.elements.via.value = filter.via.join(', ');
  form.elements.yearBefore.value = filter.yearBefore;
  form.elements.yearAfter.value = filter.yearAfter;
  form.onsubmit = (event) => {
    event.preventDefault();
    const via = form.elements.via.value.split(',').map((s) => s.trim().toUpperCase()).filter(Boolean);
    nav({ via, yearBefore: Number(form.elements.yearBefore.value), yearAfter: Number(form.elements.yearAfter.value), view: 'transit' });
  };
  const data = await panel.run(TRANSIT_ROUTES, { filter });
  if (!data) return;
  const routes = data.transitRoutes.edges.map((e) => e.node);
  if (!routes.length || routes.every((r) => r.originToViaBeforeEur === null && r.originToViaAfterEur === null
      && r.viaToDestinationBeforeEur === null && r.viaToDestinationAfterEur === null)) {
    clear(panel.bodyEl);
    clear(panel.chartEl);
    panel.chartEl.hidden = true;
    panel.summary();
    panel.showEmpty(`No official figures of ${filter.origin} → ${filter.via.join(', ')} → ${filter.destination} for `
      + `${filter.yearBefore} or ${filter.yearAfter}. Official statistics arrive with a fetch (see “Official statistics”).`);
    return;
  }
  panel.summary(`${filter.origin} → transit country and transit country → ${filter.destination}, ${filter.yearBefore} against `
    + `${filter.yearAfter}, in the same goods, as each reporter declared them (the exporter's side). A leg that grows on `
    + 'both sides at once is what re-routing looks like; it is not proof of it.');
  const max = Math.max(1, ...routes.flatMap((r) => [r.originToViaBeforeEur, r.originToViaAfterEur,
    r.viaToDestinationBeforeEur, r.viaToDestinationAfterEur].map((v) => num(v) || 0)));
  const bar = (v, kind) => h('span', { class: 'mini-bar ' + kind, style: `width:${Math.round(((num(v) || 0) / max) * 100)}%` });
  // small multiples: one per transit country, the two legs before and after on one scale
  clear(panel.chartEl, routes.map((r) => h('figure', { class: 'multiple', dataset: { via: r.viaCode } },
    h('figcaption', {}, r.via ? r.via.name : r.viaCode),
    h('div', { class: 'leg' }, h('span', { class: 'leg-label' }, `${filter.origin} → ${r.viaCode}`),
      bar(r.originToViaBeforeEur, 'before'), bar(r.originToViaAfterEur, 'after')),
    h('div', { class: 'leg' }, h('span', { class: 'leg-label' }, `${r.viaCode} → ${filter.destination}`),
      bar(r.viaToDestinationBeforeEur, 'before'), bar(r.viaToDestinationAfterEur, 'after')))));
  panel.chartEl.hidden = false;
  const table = h('table', { class: 'data-table' },
    h('caption', {}, `Official figures in EUR; growth from ${filter.yearBefore} to ${filter.yearAfter}`),
    h('thead', {}, h('tr', {}, ['Transit country', `${filter.origin} → it, ${filter.yearBefore}`, filter.yearAfter, 'growth',
      `it → ${filter.destination}, ${filter.yearBefore}`, filter.yearAfter, 'growth', `share of ${filter.destination}'s imports`, 'source']
      .map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, routes.map((r) => h('tr', {
      class: 'transit-row',
      dataset: {
        via: r.viaCode,
        originToViaBeforeEur: r.originToViaBeforeEur ?? '', originToViaAfterEur: r.originToViaAfterEur ?? '',
        viaToDestinationBeforeEur: r.viaToDestinationBeforeEur ?? '', viaToDestinationAfterEur: r.viaToDestinationAfterEur ?? '',
      },
    },
    h('th', { scope: 'row' }, r.via ? `${r.via.name} (${r.viaCode})` : r.viaCode),
    h('td', {}, eurCell(r.originToViaBeforeEur)), h('td', {}, eurCell(r.originToViaAfterEur)),
    h('td', {}, percent(r.originToViaGrowthPercent)),
    h('td', {}, eurCell(r.viaToDestinationBeforeEur)), h('td', {}, eurCell(r.viaToDestinationAfterEur)),
    h('td', {}, percent(r.viaToDestinationGrowthPercent)),
    h('td', {}, `${share(r.shareBefore)} → ${share(r.shareAfter)}`),
    h('td', {}, sourceLink(r.source))))));
  clear(panel.bodyEl, table);
  await finish(panel);
}

export async function loadExposure(panel, state, nav) {
  if (!asked(panel, state, nav, 'exposure', 'Ranks the suppliers of these filters by what they sent to recipients under a '
    + 'sanction in force that day.')) return;
  const data = await panel.run(EXPOSURE_RANKING, { filter: flowFilter(state) });
  if (!data) return;
  const all = data.sanctionsExposure;
  const suppliers = data.sanctionsExposureRanking.edges.map((e) => e.node);
  if (!suppliers.length) {
    clear(panel.bodyEl);
    panel.summary();
    panel.showEmpty(Number(all.shipmentCount) === 0
      ? 'No company shipments match these filters, so nobody can be shown supplying a listed recipient.'
      : `None of the ${count(all.shipmentCount)} shipments of these filters went to a recipient under a confirmed sanction `
        + 'in force on the shipment\'s date.');
    return;
  }
  panel.summary(`${eurShort(num(all.exposedValueEur) || 0)} of ${eurShort(num(all.valueEur) || 0)} (${share(all.share)}) went to `
    + `recipients under a sanction in force on the day they shipped, from ${all.firstExposedDate} to ${all.lastExposedDate}. `
    + 'A listing counts from the day it was made (or from today when no date is known) until it ended.');
  clear(panel.bodyEl, h('table', { class: 'data-table' },
    h('caption', {}, 'Suppliers ranked by what they sent to sanctioned recipients'),
    h('thead', {}, h('tr', {}, ['Supplier', 'to sanctioned recipients', 'share of its shipments', 'first', 'last']
      .map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, suppliers.map((s) => h('tr', { class: 'exposure-row', dataset: { supplier: s.supplier.id, exposedValueEur: s.exposedValueEur ?? '' } },
      h('th', { scope: 'row' }, h('button', { type: 'button', class: 'link', onclick: () => nav({ company: s.supplier.id, view: 'company' }) },
        s.supplier.name), s.supplier.country ? ` (${s.supplier.country.code})` : ''),
      h('td', {}, eurCell(s.exposedValueEur)), h('td', {}, share(s.share)),
      h('td', {}, s.firstExposedDate || ''), h('td', {}, s.lastExposedDate || ''))))));
  await finish(panel);
}

export async function loadOutliers(panel, state, nav) {
  if (!asked(panel, state, nav, 'outliers', 'Finds the shipments of these filters whose EUR per kg is far from the usual '
    + 'for their HS6 and year.')) return;
  const data = await panel.run(UNIT_VALUE_OUTLIERS, { filter: flowFilter(state) });
  if (!data) return;
  const outliers = data.unitValueOutliers.edges.map((e) => e.node);
  if (!outliers.length) {
    clear(panel.bodyEl);
    panel.summary();
    panel.showEmpty('No shipment of these filters has a unit value far from the others of its HS6 and year '
      + '(or there are too few with a weight to compare).');
    return;
  }
  panel.summary('Shipments whose EUR per kg lies far from the median of the same HS6 subheading and year: modified '
    + 'z = 0.6745 × (value − median) ÷ MAD, shown beyond 3.5. A far price may be a typing error, a mis-declared good or '
    + 'a price that hides something; it is a question to ask, not an answer.');
  const company = (c) => (c ? h('button', { type: 'button', class: 'link', onclick: () => nav({ company: c.id, view: 'company' }) }, c.name) : '—');
  clear(panel.bodyEl, h('table', { class: 'data-table' },
    h('caption', {}, 'Farthest first'),
    h('thead', {}, h('tr', {}, ['Date', 'Supplier → recipient', 'HS6', 'EUR per ' + (outliers[0].unit || 'kg'), 'median of its peers', 'modified z', 'peers']
      .map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, outliers.map((o) => h('tr', { class: 'outlier-row', dataset: { shipment: o.shipment ? o.shipment.id : '', ref: o.shipment ? o.shipment.sourceRecordRef || '' : '', modifiedZ: o.modifiedZ } },
      h('td', {}, o.shipment && o.shipment.period ? o.shipment.period.start : String(o.year)),
      h('td', {}, o.shipment ? [company(o.shipment.supplier), ' → ', company(o.shipment.recipient)] : '—'),
      h('td', {}, o.hs6),
      h('td', {}, Number(o.unitValueEur).toLocaleString('en', { maximumFractionDigits: 2 })),
      h('td', {}, Number(o.medianEur).toLocaleString('en', { maximumFractionDigits: 2 })),
      h('td', {}, Number(o.modifiedZ).toFixed(1)),
      h('td', {}, count(o.peerCount)))))));
  await finish(panel);
}

/** The path view's search: from the open company (else the first supplier country, default CN) to any recipient sanctioned that day. */
export function pathFilter(state) {
  const f = {
    from: state.company ? { company: state.company } : { country: state.supplierCountries[0] || 'CN' },
    to: { sanctioned: true },
    maxHops: 3,
    windowDays: 90,
  };
  if (state.hs.length) f.hsCodes = state.hs;
  if (state.from) f.periodFrom = state.from;
  if (state.to) f.periodTo = state.to;
  if (state.synthetic) f.includeSynthetic = true;
  return f;
}

export async function loadPaths(panel, state, nav) {
  if (!asked(panel, state, nav, 'paths', 'Open a company profile, or ask here, to follow chains of shipments to recipients '
    + 'sanctioned on the day they received the goods.')) return;
  const filter = pathFilter(state);
  const data = await panel.run(SUPPLY_PATHS, { filter });
  if (!data) return;
  const { edges, search } = data.supplyPaths;
  const paths = edges.map((e) => e.node);
  const start = filter.from.company ? 'the open company' : `suppliers in ${filter.from.country}`;
  if (!paths.length) {
    clear(panel.bodyEl);
    panel.summary();
    panel.showEmpty(`No chain of shipments leads from ${start} to a recipient under a sanction in force on the day it received `
      + `the goods (up to ${search.maxHops} hops, each within ${search.windowDays} days of the one before)`
      + (search.truncated ? '; the search was cut at its bounds, so a longer search might find one.' : '.'));
    return;
  }
  panel.summary(`Chains from ${start} to recipients sanctioned on the day they received the goods: each hop is the shipments `
    + `of one supplier to one recipient on one day (a shipment through intermediaries is a hop to each of them in turn, `
    + `all with its value and date), in the same HS heading, 1 to ${search.windowDays} days after the hop before (its next `
    + 'leg: the same day). A path is ranked by its smallest hop, the most that can have gone all the way; that the goods were the same '
    + 'is a possibility the data allows, not a fact it shows.'
    + (search.truncated ? ` The search stopped at its bounds (${count(search.explored)} partial paths explored): more paths may exist.` : ''));
  const company = (c) => h('button', { type: 'button', class: 'link', onclick: () => nav({ company: c.id, view: 'company' }) },
    c.name, c.country ? ` (${c.country.code})` : '');
  clear(panel.bodyEl, h('ol', { class: 'path-list' }, paths.map((p) => h('li', { class: 'path', dataset: {
    companies: [p.hops[0].supplier.id, ...p.hops.map((x) => x.recipient.id)].join('>'),
    dates: p.hops.map((x) => x.date).join(','),
    valueEur: p.valueEur ?? '',
  } },
  h('p', { class: 'path-value' }, `${eurShort(num(p.valueEur) || 0)} end to end, ${p.hopCount} ${p.hopCount === 1 ? 'hop' : 'hops'}`),
  h('p', { class: 'path-chain' }, company(p.hops[0].supplier), p.hops.map((x) => [
    h('span', { class: 'hop' }, ` → ${x.date}, ${x.valuePrecision === 'EXACT' ? '' : 'about '}${eurShort(num(x.valueEur) || 0)}`
      + `${x.shipmentCount > 1 ? ` in ${x.shipmentCount} shipments` : ''} → `),
    company(x.recipient),
    x.recipientSanctions && x.recipientSanctions.length
      ? h('span', { class: 'badge sanctioned' }, ' listed: ', x.recipientSanctions.map((s) => `${s.authority} ${s.listedOn}`).join('; '))
      : null,
  ]))))));
  await finish(panel);
}
