// Every query the explorer sends, as constants: user input only ever travels in variables.

const SOURCE_FIELDS = 'key title publisher publishedOn url citation kind';
const MEASURES = 'value { amount currency qualifier text } valueEur shipmentCount shipmentsWithoutEur';

export const SANKEY_COUNTRIES = `# Flows between supplier and recipient countries, largest first, with the sources behind them.
query ExplorerSankeyCountries($filter: FlowFilter!, $first: Int!) {
  flows(groupBy: [SUPPLIER_COUNTRY, RECIPIENT_COUNTRY], filter: $filter, first: $first) {
    totalCount
    total { ${MEASURES} distinctSuppliers distinctRecipients }
    edges { node { supplierCountry { code name } recipientCountry { code name } ${MEASURES} } }
  }
  sources: flows(groupBy: [SOURCE], filter: $filter, first: 10) {
    totalCount
    edges { node { source { ${SOURCE_FIELDS} } value { text qualifier } shipmentCount } }
  }
}`;

export const SANKEY_COMPANIES = `# Flows between supplier and recipient companies, largest first, with the sources behind them.
query ExplorerSankeyCompanies($filter: FlowFilter!, $first: Int!) {
  flows(groupBy: [SUPPLIER, RECIPIENT], filter: $filter, first: $first) {
    totalCount
    total { ${MEASURES} distinctSuppliers distinctRecipients }
    edges {
      node {
        supplier { id name country { code } sanctioned }
        recipient { id name country { code } sanctioned }
        ${MEASURES}
      }
    }
  }
  sources: flows(groupBy: [SOURCE], filter: $filter, first: 10) {
    totalCount
    edges { node { source { ${SOURCE_FIELDS} } value { text qualifier } shipmentCount } }
  }
}`;

export const PRODUCT_SECTIONS = `# Flows by HS section, largest first: the top of the product drill-down.
query ExplorerProductSections($filter: FlowFilter!) {
  flows(groupBy: [SECTION], filter: $filter, first: 25) {
    totalCount
    total { ${MEASURES} }
    edges { node { section { code description level } ${MEASURES} } }
  }
  sources: flows(groupBy: [SOURCE], filter: $filter, first: 10) {
    totalCount
    edges { node { source { ${SOURCE_FIELDS} } value { text qualifier } shipmentCount } }
  }
}`;

export const PRODUCT_CHILDREN = `# One level down the HS tree: the categories under $code with the flows under each, largest first.
query ExplorerProductChildren($code: String!, $filter: FlowFilter!) {
  productCategory(code: $code) {
    code
    description
    level
    chplTier
    ancestors { code description level }
    total: flows(filter: $filter) { total { ${MEASURES} } }
    childTotals(filter: $filter) {
      category: product { code description level chplTier }
      totals { ${MEASURES} }
    }
    sources: flows(groupBy: [SOURCE], filter: $filter, first: 10) {
      edges { node {
        source { ${SOURCE_FIELDS} }
        value { text qualifier }
        shipmentCount
      } }
    }
  }
}`;

export const TIME_SERIES = `# Flows over time (by $groupBy: YEAR, QUARTER or MONTH), oldest first.
query ExplorerTimeSeries($filter: FlowFilter!, $groupBy: [FlowDimension!]!, $orderBy: [FlowOrder!]) {
  flows(groupBy: $groupBy, filter: $filter, orderBy: $orderBy, first: 100) {
    totalCount
    pageInfo { hasNextPage }
    total { ${MEASURES} }
    edges { node { year quarter month ${MEASURES} } }
  }
  sources: flows(groupBy: [SOURCE], filter: $filter, first: 10) {
    totalCount
    edges { node { source { ${SOURCE_FIELDS} } value { text qualifier } shipmentCount } }
  }
}`;

export const FINDINGS = `# What the sources report about these countries, period and product: claims, never added to each other or to shipments.
query ExplorerFindings($filter: FindingFilter) {
  findings(filter: $filter, first: 30) {
    totalCount
    edges {
      node {
        key
        kind
        statement
        value { amount currency qualifier text }
        count { text qualifier }
        period { label start end }
        throughIntermediaries
        confirmed
        partOf { key statement value { text } }
        sameClaimAs { key value { text } source { title publisher } }
        companies { role company { id name } }
        source { ${SOURCE_FIELDS} }
        citation
      }
    }
  }
}`;

export const OFFICIAL_TOTALS = `# Official trade statistics for the selected countries, each figure as its reporter publishes it (never summed across sides or sources).
query ExplorerOfficialTotals($filter: TradeVolumeFilter) {
  tradeVolumes(filter: $filter, first: 50) {
    totalCount
    edges {
      node {
        reporter { code name }
        partner { code name }
        flow
        period { label start end }
        product { code description }
        value { amount currency qualifier text }
        valueEur
        valueInEur { converted conversions { text source { publisher } } }
        note
        source { ${SOURCE_FIELDS} }
      }
    }
  }
}`;

export const COMPANY_SEARCH = `# Companies whose name or alias matches the search text.
query ExplorerCompanySearch($search: String!) {
  companies(filter: { search: $search }, first: 10) {
    totalCount
    edges { node { id name nameOriginal country { code name } sanctioned } }
  }
}`;

export const COMPANY_PROFILE = `# A company: names, identifiers, sanctions, findings, and its counterparties within the current filter.
query ExplorerCompanyProfile($id: ID!, $filter: FlowFilter, $includeSynthetic: Boolean) {
  company(id: $id, includeSynthetic: $includeSynthetic) {
    id
    name
    nameOriginal
    description
    city
    specialEconomicZone
    country { code name }
    aliases { name kind }
    identifiers { scheme value }
    sanctioned
    sanctions { authority program listedOn endedOn confirmed note source { ${SOURCE_FIELDS} } }
    source { ${SOURCE_FIELDS} }
    findings {
      key
      statement
      value { text qualifier }
      count { text }
      period { label }
      partOf { statement }
      source { ${SOURCE_FIELDS} }
    }
    total: flows(filter: $filter) { total { ${MEASURES} firstDate lastDate } }
    counterparties(filter: $filter, first: 20) {
      edges { node {
        role
        company { id name country { code name } sanctioned }
        totals { ${MEASURES} firstDate lastDate }
      } }
    }
    sources: flows(groupBy: [SOURCE], filter: $filter, first: 10) {
      edges { node {
        source { ${SOURCE_FIELDS} }
        value { text qualifier }
        shipmentCount
      } }
    }
  }
}`;

export const FILTER_OPTIONS = `# The choices of the filter form.
query ExplorerFilterOptions {
  topics { key name }
}`;

export const LANDING = `# What the open dataset holds, where it comes from, and its current release.
query Landing($sourceKinds: [SourceKind]) {
  findings { totalCount }
  companies { totalCount }
  sanctions { totalCount }
  tradeVolumes { totalCount }
  shipments { totalCount }
  currentRelease { key version kind releasedAt synthetic }
  dataReleases { key version kind releasedAt changelog source { title } }
  sources(filter: { kinds: $sourceKinds }, first: 100) {
    totalCount
    edges { node { key title publisher publishedOn url citation kind licence } }
  }
}`;

// ---- levels of detail: official statistics, company shipments, reported findings ----

const OFFICIAL_GROUP = `reporter { code name } partner { code name } flow allGoods figureCount figuresWithoutEur
        valueEur value { amount currency qualifier text } source { ${SOURCE_FIELDS} }`;

export const LEVEL_COUNTS = `# How many rows each level of detail holds for the filters: company shipments, official statistics, findings.
query ExplorerLevels($flows: FlowFilter!, $exports: TradeVolumeFilter, $imports: TradeVolumeFilter, $findings: FindingFilter) {
  shipments: flows(filter: $flows, first: 1) { total { shipmentCount } }
  officialExports: tradeVolumes(filter: $exports, first: 0) { totalCount }
  officialImports: tradeVolumes(filter: $imports, first: 0) { totalCount }
  findings(filter: $findings, first: 0) { totalCount }
}`;

export const OFFICIAL_FLOWS = `# Official statistics by country pair and year: the suppliers' reported exports and the recipients' reported imports, as two separate answers (mirror figures are never added).
query ExplorerOfficialFlows($exports: TradeVolumeFilter, $imports: TradeVolumeFilter) {
  exports: tradeVolumeFlows(groupBy: [PARTNER, YEAR], filter: $exports, first: 100,
      orderBy: [{ field: YEAR, direction: DESC }, { field: VALUE_EUR, direction: DESC }]) {
    totalCount
    edges { node { year ${OFFICIAL_GROUP} } }
  }
  imports: tradeVolumeFlows(groupBy: [PARTNER, YEAR], filter: $imports, first: 100,
      orderBy: [{ field: YEAR, direction: DESC }, { field: VALUE_EUR, direction: DESC }]) {
    totalCount
    edges { node { year ${OFFICIAL_GROUP} } }
  }
}`;

const CATEGORY = 'code description level chplTier section { code }';

export const OFFICIAL_PRODUCTS = `# Official product-level statistics by HS level ($groupBy: SECTION, HS2, HS4 or HS6), each reporter, direction and source apart.
query ExplorerOfficialProducts($exports: TradeVolumeFilter, $imports: TradeVolumeFilter, $groupBy: [TradeVolumeDimension!]!) {
  exports: tradeVolumeFlows(groupBy: $groupBy, filter: $exports, first: 100) {
    totalCount
    edges { node { section { ${CATEGORY} } hs2 { ${CATEGORY} } hs4 { ${CATEGORY} } hs6 { ${CATEGORY} } ${OFFICIAL_GROUP} } }
  }
  imports: tradeVolumeFlows(groupBy: $groupBy, filter: $imports, first: 100) {
    totalCount
    edges { node { section { ${CATEGORY} } hs2 { ${CATEGORY} } hs4 { ${CATEGORY} } hs6 { ${CATEGORY} } ${OFFICIAL_GROUP} } }
  }
}`;

export const OFFICIAL_SERIES = `# Official statistics over time ($groupBy: YEAR, QUARTER or MONTH): one series per reporter, direction and source.
query ExplorerOfficialSeries($exports: TradeVolumeFilter, $imports: TradeVolumeFilter, $groupBy: [TradeVolumeDimension!]!, $orderBy: [TradeVolumeOrder!]) {
  exports: tradeVolumeFlows(groupBy: $groupBy, filter: $exports, orderBy: $orderBy, first: 100) {
    totalCount
    edges { node { year quarter month ${OFFICIAL_GROUP} } }
  }
  imports: tradeVolumeFlows(groupBy: $groupBy, filter: $imports, orderBy: $orderBy, first: 100) {
    totalCount
    edges { node { year quarter month ${OFFICIAL_GROUP} } }
  }
}`;

export const CLAIMS = `# Findings as claims: who supplied whom, how much, with precision and source. Claims overlap: never add them.
query ExplorerClaims($filter: FindingFilter) {
  findings(filter: $filter, first: 30) {
    totalCount
    edges {
      node {
        key
        kind
        statement
        value { amount currency qualifier text }
        count { text qualifier }
        period { label }
        partOf { key }
        sameClaimAs { key }
        countries { role country { code name } }
        companies { role company { id name country { code } } }
        source { ${SOURCE_FIELDS} }
      }
    }
  }
}`;

export const TRANSIT_ROUTES = `# The re-routing table: origin → transit country and transit country → destination in the same goods, the year
# before and the year after, with growth and the transit country's share of the destination's imports (official statistics).
query ExplorerTransitRoutes($filter: TransitRouteFilter!) {
  transitRoutes(filter: $filter, first: 30) {
    edges {
      node {
        viaCode via { code name } source { ${SOURCE_FIELDS} }
        originToViaBeforeEur originToViaAfterEur originToViaGrowthPercent
        viaToDestinationBeforeEur viaToDestinationAfterEur viaToDestinationGrowthPercent
        destinationImportsBeforeEur destinationImportsAfterEur shareBefore shareAfter
      }
    }
    pageInfo { hasNextPage }
  }
}`;

export const EXPOSURE_RANKING = `# Who kept supplying after a listing: suppliers ranked by the EUR value they sent to recipients while a confirmed
# sanction was in force on the shipment's date.
query ExplorerSanctionsExposure($filter: FlowFilter) {
  sanctionsExposure(filter: $filter) { valueEur shipmentCount exposedValueEur exposedShipmentCount firstExposedDate lastExposedDate share }
  sanctionsExposureRanking(filter: $filter, first: 15) {
    edges { node { supplier { id name country { code } } exposedValueEur valueEur share firstExposedDate lastExposedDate } }
    pageInfo { hasNextPage }
  }
}`;

export const UNIT_VALUE_OUTLIERS = `# Declared prices far from the usual: shipments whose EUR per kg lies far from the median of the same HS6 and year
# (modified z = 0.6745 × (x − median) ÷ MAD beyond 3.5), farthest first.
query ExplorerUnitValueOutliers($filter: FlowFilter) {
  unitValueOutliers(filter: $filter, first: 15) {
    edges {
      node {
        shipment { id sourceRecordRef period { start } supplier { id name } recipient { id name } }
        hs6 year unit unitValueEur medianEur madEur peerCount modifiedZ
      }
    }
    pageInfo { hasNextPage }
  }
}`;

export const SUPPLY_PATHS = `# Which chain of companies carried the goods: chains of shipments of the same goods (same HS heading, each hop within
# the window after the one before) ranked by the value carried end to end, with the value and sanctions at every hop.
query ExplorerSupplyPaths($filter: SupplyPathFilter!) {
  supplyPaths(filter: $filter, first: 10) {
    edges {
      node {
        hopCount valueEur
        hops {
          position date hsCode valueEur valuePrecision shipmentCount
          supplier { id name country { code } }
          recipient { id name country { code } }
          recipientSanctions { authority program listedOn }
        }
      }
    }
    pageInfo { hasNextPage }
    search { maxHops windowDays fanOut maxCandidates explored pathCount truncated }
  }
}`;
