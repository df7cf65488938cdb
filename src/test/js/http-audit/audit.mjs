// The GraphQL-over-HTTP conformance audit of graphql-http (the spec's own reference suite) against a running
// Tradeflows: prints one JSON line per audit (id, requirement, name, status, reason) for GraphQLHttpServerAuditTest.
// Run: TRADEFLOWS_URL=http://localhost:8080 node audit.mjs
import { auditServer } from 'graphql-http';

const url = (process.env.TRADEFLOWS_URL || 'http://localhost:8080').replace(/\/$/, '') + '/graphql';
for (const r of await auditServer({ url })) {
  console.log(JSON.stringify({
    id: r.id, requirement: r.name.split(' ')[0], name: r.name, status: r.status, reason: r.reason || null,
  }));
}
