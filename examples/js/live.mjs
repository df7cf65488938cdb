// Live answers with graphql-ws (the client Apollo and most front-ends use for subscriptions): prints each data release
// as it commits, with its sequence number. A client that drops keeps the last sequence number and sends it back as
// resumeAfter when it connects again, and is first sent every release it missed.
// Run: TRADEFLOWS_URL=http://localhost:8080 [RESUME_AFTER=<sequence>] [EVENTS=<how many, default 1>] node live.mjs
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const base = process.env.TRADEFLOWS_URL ?? 'http://localhost:8080';
const wanted = Number(process.env.EVENTS ?? '1');
let last = process.env.RESUME_AFTER ? Number(process.env.RESUME_AFTER) : undefined;
let seen = 0;

const client = createClient({
  url: base.replace(/^http/, 'ws') + '/graphql',
  webSocketImpl: WebSocket,
  // asked on every (re)connection, so a reconnect resumes after the last event seen
  connectionParams: () => (last === undefined ? {} : { resumeAfter: last }),
  on: { connected: () => console.log('connected') },
});

client.subscribe({ query: 'subscription { releasePublished { sequence release { key kind } } }' }, {
  next: ({ data, errors }) => {
    if (errors) {
      console.error(`${errors[0].extensions?.code}: ${errors[0].message}`);
      process.exit(2);
    }
    const event = data.releasePublished;
    last = event.sequence;
    console.log(`release ${event.release.key} (${event.release.kind}), sequence ${event.sequence}`);
    if (++seen >= wanted) {
      client.dispose();
      process.exit(0);
    }
  },
  error: (err) => {
    console.error('closed:', err?.code ?? '', err?.reason ?? err?.message ?? JSON.stringify(err));
    process.exit(2);
  },
  complete: () => {},
});
