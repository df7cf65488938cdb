// The level of detail the charts show: official statistics, company shipments or reported findings. Without a `level`
// in the URL the explorer chooses the first level that holds rows for the filters, so that a first screen is never
// blank; when the chosen level has none but another has, a panel says so and offers the switch instead of an empty box.

import { LEVEL_COUNTS } from './queries.js';
import { flowFilter, findingFilter, officialSides, asOfVariable, LEVELS } from './state.js';
import { graphql } from './graphql.js';
import { h, clear, count } from './dom.js';

export const LEVEL_WORDS = { official: 'official statistics', shipments: 'company shipments', findings: 'reported findings' };

/** Where each level's data comes from: what a panel says when the level holds nothing for the filters. */
const RUNNER = 'java -jar target/quarkus-app/quarkus-run.jar';
/** The command that fetches official statistics (issue #15's connectors), written once for every panel that needs it. */
export const FETCH_BACI = `${RUNNER} fetch baci --years 2022-`;
export const HOW_TO_GET = {
  official: () => ['No official statistics for these filters. Fetch them from CEPII BACI with ',
    h('code', {}, FETCH_BACI), ' (or load a BACI file with ',
    h('code', {}, `${RUNNER} load --format baci FILE`), '; README, “Ingest”).'],
  shipments: () => ['No company shipments for these filters. Shipment records are not openly published: a curator loads the '
    + 'customs records they hold with ', h('code', {}, `${RUNNER} load --format shipments --source KEY FILE`),
  ' (README, “Ingest”).'],
  findings: () => ['No reported findings for these filters. Findings are claims curated from investigations and news '
    + 'reports; the open dataset’s are in ', h('code', {}, 'src/main/resources/dataset/story.json'), '.'],
};

const known = new Map(); // filter key -> promise of counts, so that the panels of one view ask once

/** How many rows each level holds for the state's filters: { official, shipments, findings }. */
export function levelCounts(state) {
  const sides = officialSides(state);
  const variables = { flows: flowFilter(state), exports: sides.exports, imports: sides.imports, findings: findingFilter(state),
    ...asOfVariable(state) };
  const key = JSON.stringify(variables);
  if (!known.has(key)) {
    const answer = graphql(LEVEL_COUNTS, variables).then((data) => ({
      shipments: Number(data.shipments.total ? data.shipments.total.shipmentCount : 0),
      official: Number(data.officialExports.totalCount) + Number(data.officialImports.totalCount),
      findings: Number(data.findings.totalCount),
    }));
    answer.catch(() => known.delete(key));
    known.set(key, answer);
  }
  return known.get(key);
}

/** The level to show: the URL's, else the first that holds rows (official statistics first: they exist on a fresh install). */
export function chooseLevel(state, counts) {
  if (state.level) return state.level;
  if (counts.shipments > 0) return 'shipments';
  return LEVELS.find((l) => counts[l] > 0) || 'shipments';
}

/** The visible switch "official statistics · company shipments · reported findings" with each level's count. */
export function renderSwitch(el, state, level, counts, nav) {
  el.dataset.level = level;
  el.dataset.chosen = state.level ? 'url' : 'auto';
  clear(el, h('span', { class: 'label', id: 'level-label' }, 'Show: '),
    h('span', { class: 'level-buttons', role: 'group', 'aria-labelledby': 'level-label' }, LEVELS.map((l, i) => [i ? ' · ' : '',
      h('button', {
        type: 'button', class: 'level' + (l === level ? ' current' : ''), dataset: { level: l, count: counts ? counts[l] : '' },
        'aria-pressed': l === level ? 'true' : 'false', onclick: () => nav({ level: l, drill: '' }),
      }, LEVEL_WORDS[l], counts ? h('span', { class: 'muted' }, ` (${count(counts[l])})`) : null)])),
    !state.level && counts ? h('span', { class: 'muted small' }, ` — chosen because ${LEVEL_WORDS[level]} hold rows for these filters`
      + (level !== 'shipments' && counts.shipments === 0 ? ' and company shipments hold none' : '')) : null);
}

/** A panel's empty state: which data is missing, how to get it, and a button for each level that has rows. */
export function showMissing(panel, level, counts, nav, lead) {
  const others = LEVELS.filter((l) => l !== level && counts && counts[l] > 0);
  panel.setState('empty');
  panel.showTables(false);
  clear(panel.messageEl, h('div', { class: 'empty', dataset: { missing: level } },
    h('p', {}, lead || HOW_TO_GET[level]()),
    others.length ? h('p', { class: 'offer' }, 'For these filters there are ',
      others.map((l, i) => [i ? ' and ' : '', `${count(counts[l])} ${l === 'shipments' ? 'shipments' : l === 'official' ? 'official figures' : 'findings'}`]),
      ': ', others.map((l) => h('button', { type: 'button', class: 'small switch-level', dataset: { level: l }, onclick: () => nav({ level: l, drill: '' }) },
        'Show ' + LEVEL_WORDS[l]))) : null));
}
