// The fact box by persisted query (Apollo's protocol), with graphql-request and a fetch that sends the SHA-256 of the
// query instead of its text: by GET first, so that a CDN or the browser can cache the answer; when the server does not
// know the hash yet (PersistedQueryNotFound), once by POST with the text, which registers it.
// Run: TRADEFLOWS_URL=http://localhost:8080 node persisted.mjs [finding-key]
import { createHash } from 'node:crypto';
import { GraphQLClient, gql } from 'graphql-request';

const url = (process.env.TRADEFLOWS_URL ?? 'http://localhost:8080') + '/graphql';

async function persistedFetch(input, init) {
  const { query, variables, operationName } = JSON.parse(init.body);
  const extensions = { persistedQuery: { version: 1, sha256Hash: createHash('sha256').update(query).digest('hex') } };
  const params = new URLSearchParams({ extensions: JSON.stringify(extensions) });
  if (variables) params.set('variables', JSON.stringify(variables));
  if (operationName) params.set('operationName', operationName);
  const byHash = await fetch(`${input}?${params}`, { headers: { accept: 'application/json' } });
  const text = await byHash.text();
  if (JSON.parse(text).errors?.some((e) => e.extensions?.code === 'PERSISTED_QUERY_NOT_FOUND')) {
    console.log(`hash ${extensions.persistedQuery.sha256Hash.slice(0, 12)}… not known yet: sent once with its text`);
    return fetch(input, { ...init, body: JSON.stringify({ query, variables, operationName, extensions }) });
  }
  console.log(`answered by hash ${extensions.persistedQuery.sha256Hash.slice(0, 12)}… (GET, cacheable: ${byHash.headers.get('cache-control')})`);
  return new Response(text, { status: byHash.status, headers: byHash.headers });
}

const client = new GraphQLClient(url, { fetch: persistedFetch });

const FACT_BOX = gql`
  query PersistedFactBox($key: String!) {
    finding(key: $key) { statement value { text } citation }
  }
`;

const { finding } = await client.request(FACT_BOX, { key: process.argv[2] ?? 'direct-supplies-to-sanctioned-firms' });
console.log(`${finding.value?.text ?? ''} — ${finding.statement}`);
console.log(`Source: ${finding.citation}`);
