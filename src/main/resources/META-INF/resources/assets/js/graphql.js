// POST /graphql as any client would: the query is a constant, everything the user chose travels as variables.

export class GraphQLError extends Error {
  constructor(errors) {
    super(errors.map((e) => e.message).join('; '));
    this.errors = errors;
  }
}

export async function graphql(query, variables, { signal } = {}) {
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
