// The explorer's whole state lives in the URL: filters, chart modes, drill level, selected company, focused panel,
// and the release official figures are read as of.
// Reading and writing it here keeps every view shareable and reloadable.

export const PANELS = ['sankey', 'products', 'time', 'facts', 'official', 'company', 'transit', 'paths', 'exposure', 'outliers'];
const FLOW_MODES = ['countries', 'companies'];
const TIME_GRAINS = ['year', 'quarter', 'month'];
const TIERS = ['TIER_1', 'TIER_2', 'TIER_3A', 'TIER_3B', 'TIER_4A', 'TIER_4B'];
/** The levels of detail the charts can show; '' in the URL means "chosen from what exists for the filters". */
export const LEVELS = ['official', 'shipments', 'findings'];

const list = (value, normalise = (s) => s) =>
  (value || '').split(',').map((s) => normalise(s.trim())).filter(Boolean);
const oneOf = (value, allowed, fallback) => (allowed.includes(value) ? value : fallback);
const year = (value, fallback) => (/^\d{4}$/.test(value || '') ? Number(value) : fallback);

export function readState(search) {
  const p = new URLSearchParams(search);
  return {
    from: p.get('from') || '',
    to: p.get('to') || '',
    supplierCountries: list(p.get('supplierCountries'), (s) => s.toUpperCase()),
    recipientCountries: list(p.get('recipientCountries'), (s) => s.toUpperCase()),
    hs: list(p.get('hs'), (s) => s.replace(/[.\s]/g, '').toUpperCase()),
    chpl: list(p.get('chpl'), (s) => s.toUpperCase()).filter((t) => TIERS.includes(t)),
    sanctioned: oneOf(p.get('sanctioned'), ['true', 'false'], ''),
    topic: p.get('topic') || '',
    sources: list(p.get('source')),
    synthetic: p.get('synthetic') === '1',
    flow: oneOf(p.get('flow'), FLOW_MODES, 'countries'),
    time: oneOf(p.get('time'), TIME_GRAINS, 'year'),
    drill: (p.get('drill') || '').toUpperCase(),
    company: p.get('company') || '',
    view: oneOf(p.get('view'), PANELS, ''),
    embed: oneOf(p.get('embed'), PANELS, ''),
    level: oneOf(p.get('level'), LEVELS, ''),
    via: list(p.get('via'), (s) => s.toUpperCase()),
    yearBefore: year(p.get('before'), 2021),
    yearAfter: year(p.get('after'), 2023),
    asOf: (p.get('asOf') || '').trim().slice(0, 200),
  };
}

/** The URL query string of a state; defaults are left out so that links stay short. */
export function toSearch(state) {
  const p = new URLSearchParams();
  const put = (key, value) => { if (value) p.set(key, value); };
  put('from', state.from);
  put('to', state.to);
  put('supplierCountries', state.supplierCountries.join(','));
  put('recipientCountries', state.recipientCountries.join(','));
  put('hs', state.hs.join(','));
  put('chpl', state.chpl.join(','));
  put('sanctioned', state.sanctioned);
  put('topic', state.topic);
  put('source', state.sources.join(','));
  put('synthetic', state.synthetic ? '1' : '');
  put('flow', state.flow === 'countries' ? '' : state.flow);
  put('time', state.time === 'year' ? '' : state.time);
  put('drill', state.drill);
  put('company', state.company);
  put('view', state.view);
  put('embed', state.embed);
  put('level', state.level);
  put('via', (state.via || []).join(','));
  put('before', state.yearBefore === 2021 ? '' : String(state.yearBefore || ''));
  put('after', state.yearAfter === 2023 ? '' : String(state.yearAfter || ''));
  put('asOf', state.asOf);
  const text = p.toString();
  return text ? '?' + text : '';
}

/**
 * The asOf variable of the queries that read official figures or shipments: the release the URL names (an embed's is
 * pinned), or nothing for the latest data (the shipment panels then read the rollups). Findings keep no history, so
 * their queries take none.
 */
export function asOfVariable(state) {
  return state.asOf ? { asOf: state.asOf } : {};
}

/** The FlowFilter input for the API, with only the conditions the user set. */
export function flowFilter(state) {
  const f = {};
  if (state.from) f.periodFrom = state.from;
  if (state.to) f.periodTo = state.to;
  if (state.supplierCountries.length) f.supplierCountries = state.supplierCountries;
  if (state.recipientCountries.length) f.recipientCountries = state.recipientCountries;
  if (state.hs.length) f.hsCodes = state.hs;
  if (state.chpl.length) f.chplTiers = state.chpl;
  if (state.sanctioned) f.recipientSanctioned = state.sanctioned === 'true';
  if (state.topic) f.topic = state.topic;
  if (state.sources.length) f.sources = state.sources;
  if (state.synthetic) f.includeSynthetic = true;
  return f;
}

/** The FindingFilter closest to the flow filter: findings are claims about sets of flows, filtered by what they name. */
export function findingFilter(state) {
  const f = {};
  const countries = [...new Set([...state.supplierCountries, ...state.recipientCountries])];
  if (countries.length) f.countries = countries;
  if (state.from) f.periodFrom = state.from;
  if (state.to) f.periodTo = state.to;
  if (state.hs.length === 1) f.productCode = state.hs[0];
  return f;
}

/** The TradeVolumeFilter for the official totals of the selected pair (both reporters, both sides). */
export function tradeVolumeFilter(state) {
  const f = {};
  const countries = [...new Set([...state.supplierCountries, ...state.recipientCountries])];
  if (countries.length) f.reporters = countries;
  if (countries.length > 1) f.partners = countries;
  if (state.from) f.yearFrom = Number(state.from.slice(0, 4));
  if (state.to) f.yearTo = Number(state.to.slice(0, 4));
  if (state.hs.length === 1 && /^\d+$/.test(state.hs[0])) f.productCode = state.hs[0];
  if (state.sources.length === 1) f.source = state.sources[0];
  return f;
}

/**
 * The two TradeVolumeFilters of the official-statistics charts: what the suppliers report as exports to the recipients,
 * and what the recipients report as imports from the suppliers. Mirror figures of one flow stay two separate answers.
 */
export function officialSides(state) {
  const common = {};
  if (state.from) common.yearFrom = Number(state.from.slice(0, 4));
  if (state.to) common.yearTo = Number(state.to.slice(0, 4));
  if (state.hs.length === 1 && /^\d+$/.test(state.hs[0])) common.productCode = state.hs[0];
  if (state.sources.length === 1) common.source = state.sources[0];
  const side = (flow, reporters, partners) => {
    const f = { ...common, flows: [flow] };
    if (reporters.length) f.reporters = reporters;
    if (partners.length) f.partners = partners;
    return f;
  };
  return {
    exports: side('EXPORT', state.supplierCountries, state.recipientCountries),
    imports: side('IMPORT', state.recipientCountries, state.supplierCountries),
  };
}

export function describeFilter(state) {
  const parts = [];
  if (state.from || state.to) parts.push(`${state.from || '…'} to ${state.to || '…'}`);
  if (state.supplierCountries.length) parts.push('from ' + state.supplierCountries.join(', '));
  if (state.recipientCountries.length) parts.push('to ' + state.recipientCountries.join(', '));
  if (state.hs.length) parts.push('HS ' + state.hs.join(', '));
  if (state.chpl.length) parts.push('CHPL ' + state.chpl.map((t) => t.replace('TIER_', '')).join(', '));
  if (state.sanctioned === 'true') parts.push('sanctioned recipients');
  if (state.sanctioned === 'false') parts.push('recipients not sanctioned');
  if (state.topic) parts.push('topic ' + state.topic);
  if (state.sources.length) parts.push('source ' + state.sources.join(', '));
  if (state.asOf) parts.push('as of release ' + state.asOf);
  return parts.length ? parts.join(' · ') : 'all documented shipments';
}
