// Every query the explorer and the landing page send, loaded from the committed files graphql/explorer/NAME.graphql
// (served at /assets/queries/). The service registers the same files as persisted queries at start, so the text sent
// here is a registered document: it runs in allow-list mode, and its SHA-256 names a permalink (/q/{sha256}).
// User input only ever travels in variables.

const FILES = {
  SANKEY_COUNTRIES: 'sankey-countries',
  SANKEY_COMPANIES: 'sankey-companies',
  PRODUCT_SECTIONS: 'product-sections',
  PRODUCT_CHILDREN: 'product-children',
  TIME_SERIES: 'time-series',
  FINDINGS: 'findings',
  OFFICIAL_TOTALS: 'official-totals',
  COMPANY_SEARCH: 'company-search',
  COMPANY_PROFILE: 'company-profile',
  FILTER_OPTIONS: 'filter-options',
  LANDING: 'landing',
  LEVEL_COUNTS: 'level-counts',
  OFFICIAL_FLOWS: 'official-flows',
  OFFICIAL_PRODUCTS: 'official-products',
  OFFICIAL_SERIES: 'official-series',
  CLAIMS: 'claims',
  TRANSIT_ROUTES: 'transit-routes',
  EXPOSURE_RANKING: 'exposure-ranking',
  UNIT_VALUE_OUTLIERS: 'unit-value-outliers',
  SUPPLY_PATHS: 'supply-paths',
};

/** A query file that could not be loaded: what a panel shows instead of running it (graphql() refuses it). */
export class MissingQuery extends Error {
  constructor(file, reason) {
    super(`The explorer could not load its query file /assets/queries/${file}.graphql (${reason}); `
      + 'the service was built without graphql/explorer/, or the file is missing from it.');
    this.name = 'MissingQuery';
    this.file = file;
  }
}

async function load(file) {
  try {
    const response = await fetch(`/assets/queries/${file}.graphql`);
    if (!response.ok) return new MissingQuery(file, `HTTP ${response.status}`);
    return await response.text();
  } catch (error) {
    return new MissingQuery(file, error.message);
  }
}

// one round of requests, in parallel, before any module that imports a query runs
const texts = await Promise.all(Object.values(FILES).map(load));
const Q = Object.fromEntries(Object.keys(FILES).map((name, i) => [name, texts[i]]));

export const {
  SANKEY_COUNTRIES, SANKEY_COMPANIES, PRODUCT_SECTIONS, PRODUCT_CHILDREN, TIME_SERIES, FINDINGS, OFFICIAL_TOTALS,
  COMPANY_SEARCH, COMPANY_PROFILE, FILTER_OPTIONS, LANDING, LEVEL_COUNTS, OFFICIAL_FLOWS, OFFICIAL_PRODUCTS,
  OFFICIAL_SERIES, CLAIMS, TRANSIT_ROUTES, EXPOSURE_RANKING, UNIT_VALUE_OUTLIERS, SUPPLY_PATHS,
} = Q;

/** Whether a query reads official figures as of a release: it declares $asOf (only those are pinned by permalinks). */
export function takesAsOf(query) {
  return typeof query === 'string' && /\(\s*[^)]*\$asOf\s*:/.test(query);
}
