// What every explorer panel does around its chart: one query at a time (older answers are dropped), the
// "show the query" link set to exactly what was sent, errors shown in the panel, and data-state for tests and
// assistive technology: loading, ready, empty or error.

import { graphql, graphiqlUrl, isAbort } from './graphql.js';
import { h, clear, sourceLink } from './dom.js';

export class Panel {
  constructor(el) {
    this.el = el;
    this.name = el.dataset.panel;
    this.chartEl = el.querySelector('.chart');
    this.summaryEl = el.querySelector('.summary');
    this.bodyEl = el.querySelector('.panel-body');
    this.sourcesEl = el.querySelector('.sources');
    this.messageEl = el.querySelector('.message');
    this.queryLink = el.querySelector('a.show-query');
    this.controller = null;
  }

  /** Runs the query; resolves to its data, or to null when it failed (shown) or was overtaken by a newer one. */
  async run(query, variables) {
    if (this.controller) this.controller.abort();
    const controller = new AbortController();
    this.controller = controller;
    this.el.dataset.search = location.search; // which view the panel shows, for tests and debugging
    this.setState('loading');
    clear(this.messageEl);
    this.showTables(true);
    if (this.queryLink) {
      this.queryLink.href = graphiqlUrl(query, variables);
      this.queryLink.dataset.query = query;
      this.queryLink.dataset.variables = JSON.stringify(variables);
    }
    try {
      const data = await graphql(query, variables, { signal: controller.signal });
      return controller === this.controller ? data : null;
    } catch (error) {
      if (isAbort(error) || controller !== this.controller) return null;
      this.showError(error);
      return null;
    }
  }

  setState(state) {
    this.el.dataset.state = state;
    this.el.setAttribute('aria-busy', state === 'loading' ? 'true' : 'false');
  }

  showError(error) {
    this.setState('error');
    clear(this.messageEl, h('p', { class: 'error', role: 'alert' }, 'The API could not answer: ', error.message));
  }

  showEmpty(text) {
    this.setState('empty');
    this.showTables(false);
    clear(this.messageEl, h('p', { class: 'empty' }, text));
  }

  /** The data-table disclosure is offered only when there are rows to show. */
  showTables(visible) {
    for (const details of this.el.querySelectorAll('details.data')) details.hidden = !visible;
  }

  summary(...parts) {
    if (this.summaryEl) clear(this.summaryEl, ...parts);
  }

  /** Lists the sources of the panel's figures, each with its own share, and says when more exist. */
  sources(groups, totalCount) {
    if (!this.sourcesEl) return;
    const items = (groups || []).filter((g) => g.source);
    if (!items.length) {
      clear(this.sourcesEl);
      return;
    }
    const list = h('ul', { class: 'source-list' }, items.map((g) => h('li', {},
      sourceLink(g.source), ' — ', g.value ? g.value.text : 'no EUR value', `, ${g.shipmentCount} shipments`,
      g.source.kind === 'SYNTHETIC' ? h('strong', { class: 'synthetic-tag' }, ' (generated test data, not facts)') : null)));
    clear(this.sourcesEl, h('span', { class: 'label' }, 'Sources: '), list,
      totalCount > items.length ? h('p', { class: 'muted' }, `and ${totalCount - items.length} more sources`) : null);
  }
}

/** Ends a panel's load: ready once its chart has finished drawing (or at once when it has none). */
export async function finish(panel, chartDone) {
  if (chartDone) await chartDone;
  panel.setState('ready');
}
