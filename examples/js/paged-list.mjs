// A paged list as a front-end shows it: the companies under a sanctions listing, 10 at a time, following the Relay
// cursors (pageInfo.endCursor -> after) to the end. Run: TRADEFLOWS_URL=http://localhost:8080 node paged-list.mjs
import { GraphQLClient, gql } from 'graphql-request';

const client = new GraphQLClient((process.env.TRADEFLOWS_URL ?? 'http://localhost:8080') + '/graphql');

const PAGE = gql`
  query SanctionedCompanies($first: Int!, $after: String) {
    companies(filter: { sanctioned: true }, first: $first, after: $after) {
      totalCount
      edges { node { id name country { code } } }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

let after = null;
let page = 0;
let seen = 0;
let total = 0;
do {
  const { companies } = await client.request(PAGE, { first: 10, after });
  total = Number(companies.totalCount);
  page += 1;
  for (const { node } of companies.edges) {
    seen += 1;
    console.log(`${String(seen).padStart(3)}. ${node.name} (${node.country?.code ?? '?'})`);
  }
  after = companies.pageInfo.hasNextPage ? companies.pageInfo.endCursor : null;
} while (after);
console.log(`${seen} of ${total} sanctioned companies in ${page} page(s)`);
