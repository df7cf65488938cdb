// GraphiQL's start: the committed examples (graphql/examples) become favourites in GraphiQL's history panel — its
// collection, kept in this origin's localStorage under GraphiQL's own keys — and GraphiQL opens on the story's first step.

const FALLBACK = '# Tradeflows: the example queries are listed at /examples\n{ topics { key name } }';

function remember(examples) {
  const key = 'graphiql:favorites';
  let kept = [];
  try {
    kept = (JSON.parse(localStorage.getItem(key) || '{}').favorites || []);
  } catch (error) {
    kept = [];
  }
  const ours = examples.map((e) => ({ query: e.query, variables: e.variables, label: e.name, favorite: true }));
  const others = kept.filter((k) => !ours.some((o) => o.label === k.label));
  localStorage.setItem(key, JSON.stringify({ favorites: [...ours, ...others] }));
}

function open(query, variables) {
  let url = '/q/graphql-ui/?query=' + encodeURIComponent(query);
  if (variables) url += '&variables=' + encodeURIComponent(variables);
  location.replace(url);
}

async function start() {
  try {
    const response = await fetch('/examples/index.json', { headers: { accept: 'application/json' } });
    const index = await response.json();
    remember(index.examples);
    const starter = index.examples.find((e) => e.name === index.starter) || index.examples[0];
    open(starter.query, starter.variables);
  } catch (error) {
    open(FALLBACK, null);
  }
}

start();
