// A newsroom fact box with a real GraphQL client (graphql-request): the figure, its precision, its period and the
// citation to print under it. Run: TRADEFLOWS_URL=http://localhost:8080 node factbox.mjs [finding-key]
import { GraphQLClient, gql, ClientError } from 'graphql-request';

const url = (process.env.TRADEFLOWS_URL ?? 'http://localhost:8080') + '/graphql';
const client = new GraphQLClient(url, {
  headers: process.env.TRADEFLOWS_API_KEY ? { Authorization: `Bearer ${process.env.TRADEFLOWS_API_KEY}` } : {},
});

const FACT_BOX = gql`
  query FactBox($key: String!) {
    finding(key: $key) {
      statement
      value { text qualifier }
      count { text }
      period { label }
      citation
      source { publisher url }
    }
  }
`;

const key = process.argv[2] ?? 'direct-supplies-to-sanctioned-firms';
try {
  const { finding } = await client.request(FACT_BOX, { key });
  console.log(`${finding.value?.text ?? ''} — ${finding.statement}`);
  console.log(`Period: ${finding.period?.label ?? 'not stated'}${finding.count ? ` · ${finding.count.text}` : ''}`);
  console.log(`Source: ${finding.citation}`);
} catch (e) {
  if (e instanceof ClientError) {
    // every error of the API carries extensions.code: NOT_FOUND, BAD_USER_INPUT, RATE_LIMITED, ...
    for (const err of e.response.errors ?? []) console.error(`${err.extensions?.code}: ${err.message}`);
    process.exit(2);
  }
  throw e;
}
