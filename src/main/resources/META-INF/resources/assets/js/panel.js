// What every explorer panel does around its chart: one query at a time (older answers are dropped), the
// "show the query" link set to exactly what was sent, with the permalink of the answer (pinned to a release when the
// query reads official figures) and its citation next to it, errors shown in the panel, and data-state for tests and
// assistive technology: loading, ready, empty or error.

import { graphql, graphiqlUrl, isAbort, permalink, citeUrl } from './graphql.js';
import { MissingQuery, takesAsOf } from './queries.js';
import { h, clear, sourceLink } from './dom.js';

export class Panel {
  /** pinTo: a promise of the release a permalink is pinned to when the URL names none (the current release). */
  constructor(el, { pinTo = Promise.resolve(null) } = {}) {
    this.el = el;
    this.name = el.dataset.panel;
    this.chartEl = el.querySelector('.chart');
    this.summaryEl = el.querySelector('.summary');
    this.bodyEl = el.querySelector('.panel-body');
    this.sourcesEl = el.querySelector('.sources');
    this.messageEl = el.querySelector('.message');
    this.queryLink = el.querySelector('a.show-query');
    this.pinTo = pinTo;
    this.permalink = null; // { url, asOf } of the panel's last query, once hashed
    this.linksEl = this.queryLink ? this.queryLink.parentElement : null;
    if (this.linksEl) {
      this.permalinkEl = h('span', { class: 'permalink-links' });
      this.asOfEl = h('span', { class: 'as-of muted' });
      this.linksEl.append(this.permalinkEl, this.asOfEl);
    }
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
      this.showPermalink(controller, query, variables);
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

  /**
   * Links the permalink of the answer (and its citation): pinned to the URL's asOf, else to the current release, when
   * the query declares $asOf; the latest data otherwise. Says in the footer which release the figures stand at.
   */
  async showPermalink(controller, query, variables) {
    this.forgetPermalink();
    const pinned = takesAsOf(query);
    if (pinned && variables.asOf) clear(this.asOfEl, ` · as of release ${variables.asOf}`);
    else if (!pinned && new URLSearchParams(location.search).get('asOf')) {
      clear(this.asOfEl, ' · today’s data: only official figures and shipments are read as of a release');
    }
    const asOf = pinned ? variables.asOf || await this.pinTo : null;
    const url = await permalink(query, variables, asOf);
    if (controller !== this.controller) return;
    if (!url) {
      clear(this.permalinkEl, ' · ', h('span', { class: 'muted no-permalink' }, 'Permalinks need https: the browser '
        + 'computes them (SHA-256) only on pages opened over https or from localhost.'));
      return;
    }
    this.permalink = { url, asOf };
    this.el.dataset.permalink = url;
    const what = asOf ? `pinned to release ${asOf}` : 'the latest data';
    clear(this.permalinkEl, ' · ', h('a', { class: 'permalink', href: url, rel: 'bookmark', title: `This answer, ${what}, with how to cite it` },
      'Permalink'), ' · ', h('a', { class: 'cite', href: citeUrl(url), title: 'How to cite this answer (plain text)' }, 'Cite'));
    this.el.dispatchEvent(new CustomEvent('permalink'));
  }

  /** The panel is about to show another view: its permalink (and the embed's data link) wait for the new query. */
  forgetPermalink() {
    this.permalink = null;
    delete this.el.dataset.permalink;
    if (this.permalinkEl) clear(this.permalinkEl);
    if (this.asOfEl) clear(this.asOfEl);
  }

  setState(state) {
    this.el.dataset.state = state;
    this.el.setAttribute('aria-busy', state === 'loading' ? 'true' : 'false');
  }

  showError(error) {
    this.setState('error');
    clear(this.messageEl, h('p', { class: 'error', role: 'alert' },
      error instanceof MissingQuery ? '' : 'The API could not answer: ', error.message));
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
