// Findings: what the sources report about the selected countries, period and product. Claims, not transactions:
// each stands alone with its precision and source, and none is added to another or to the shipments above.

import { FINDINGS } from './queries.js';
import { findingFilter } from './state.js';
import { h, clear, figure, sourceLink } from './dom.js';
import { finish } from './panel.js';
import { showMissing } from './levels.js';

export async function loadFacts(panel, state, nav, ctx = {}) {
  const variables = { filter: findingFilter(state) };
  const data = await panel.run(FINDINGS, variables);
  if (!data) return;
  const findings = data.findings.edges.map((e) => e.node);
  if (!findings.length) {
    clear(panel.bodyEl);
    panel.summary();
    showMissing(panel, 'findings', ctx.counts, nav);
    return;
  }
  panel.summary(`${data.findings.totalCount} findings reported by their sources`
    + (data.findings.totalCount > findings.length ? ` (the first ${findings.length} shown)` : '')
    + '. Each is a claim of its own source: they overlap and are never added up.');
  clear(panel.bodyEl, h('ul', { class: 'fact-list' }, findings.map((f) => factBox(f, nav))));
  await finish(panel);
}

export function factBox(f, nav) {
  return h('li', { class: 'fact', dataset: { key: f.key } },
    h('p', { class: 'fact-figure' }, f.value ? figure(f.value) : f.count ? f.count.text : ''),
    h('p', { class: 'fact-statement' }, f.statement),
    h('p', { class: 'fact-meta' },
      f.period && f.period.label ? h('span', {}, f.period.label) : null,
      f.count && f.value ? h('span', {}, f.count.text) : null,
      f.throughIntermediaries ? h('span', {}, 'partly through intermediaries') : null,
      f.confirmed === false ? h('span', { class: 'badge' }, 'unconfirmed') : null),
    f.partOf ? h('p', { class: 'fact-rel' }, 'Part of (not added to): ', f.partOf.statement) : null,
    f.sameClaimAs && f.sameClaimAs.length
      ? h('p', { class: 'fact-rel' }, 'The same claim elsewhere: ', f.sameClaimAs.map((s, i) => [i ? '; ' : '',
        s.value ? s.value.text : '', s.source ? ` (${s.source.title})` : '']))
      : null,
    f.companies && f.companies.length && nav
      ? h('p', { class: 'fact-companies' }, 'Companies: ', f.companies.map((c, i) => [i ? ', ' : '',
        h('button', { type: 'button', class: 'link', onclick: () => nav({ company: c.company.id, view: 'company' }) }, c.company.name),
        ` (${c.role.toLowerCase()})`]))
      : null,
    h('p', { class: 'fact-source' }, 'Source: ', sourceLink(f.source)));
}
