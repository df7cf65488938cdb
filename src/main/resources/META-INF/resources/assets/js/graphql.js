// POST /graphql as any client would: the query is a committed file (queries.js), everything the user chose travels as
// variables; and the permalink (/q/{sha256}) that answers the same query again, pinned to a release, for citing.

import { MissingQuery, takesAsOf } from './queries.js';

export class GraphQLError extends Error {
  constructor(errors) {
    super(errors.map((e) => e.message).join('; '));
    this.errors = errors;
  }
}

export async function graphql(query, variables, { signal } = {}) {
  if (query instanceof MissingQuery) throw query;
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query, variables }),
    signal,
  });
  if (!response.ok) {
    throw new Error(`The API answered HTTP ${response.status}`);
  }
  const body = await response.json();
  if (body.errors && body.errors.length) {
    throw new GraphQLError(body.errors);
  }
  return body.data;
}

/** The same query and variables, opened in GraphiQL (which reads ?query=…&variables=…). */
export function graphiqlUrl(query, variables) {
  let url = '/q/graphql-ui/?query=' + encodeURIComponent(query);
  if (variables && Object.keys(variables).length) {
    url += '&variables=' + encodeURIComponent(JSON.stringify(variables, null, 2));
  }
  return url;
}

export function isAbort(error) {
  return error && error.name === 'AbortError';
}

/** The SHA-256 of a query's text as lower-case hex (the name it is registered under); null without crypto.subtle. */
export async function sha256(text) {
  if (!globalThis.crypto || !globalThis.crypto.subtle || typeof text !== 'string') return null;
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Objects with their keys in order, all the way down: the service cites a permalink's variables that way. */
function sorted(value) {
  if (Array.isArray(value)) return value.map(sorted);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sorted(value[k])]));
}

/**
 * The permalink of a query's answer, absolute: /q/{sha256}?asOf=…&variables=… — asOf (a release) only for a query that
 * declares $asOf, the others answer the latest data; written as the service writes it in the answer's citation.
 * Resolves to null where the browser cannot hash (crypto.subtle is there only on https and localhost).
 */
export async function permalink(query, variables, asOf) {
  const hash = await sha256(query);
  if (!hash) return null;
  const rest = { ...(variables || {}) };
  delete rest.asOf;
  const p = new URLSearchParams();
  if (asOf && takesAsOf(query)) p.set('asOf', asOf);
  if (Object.keys(rest).length) p.set('variables', JSON.stringify(sorted(rest)));
  const search = p.toString().replace(/\+/g, '%20');
  return `${location.origin}/q/${hash}${search ? '?' + search : ''}`;
}

/** The same permalink's citation alone, as plain text (also BibTeX and CSL-JSON: README, "Persisted queries"). */
export function citeUrl(link) {
  return link + (link.includes('?') ? '&' : '?') + 'format=text';
}
