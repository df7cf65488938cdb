// One ECharts instance per chart element (the global `echarts` comes from the webjar, loaded by the page).
// The element's data-state is "rendering" until ECharts reports the chart finished drawing, then "ready" — after new
// data and after a new size alike. renderChart resolves then: what the panels and the tests wait for.

const waiting = new WeakMap(); // chart element -> resolvers of renderChart calls not yet drawn
const observers = new WeakMap();

function instance(el) {
  // eslint-disable-next-line no-undef
  let chart = echarts.getInstanceByDom(el);
  if (chart) return chart;
  // eslint-disable-next-line no-undef
  chart = echarts.init(el, null, { renderer: 'svg' });
  waiting.set(el, []);
  chart.on('finished', () => {
    el.dataset.state = 'ready';
    const resolvers = waiting.get(el) || [];
    waiting.set(el, []);
    resolvers.forEach((resolve) => resolve(chart));
  });
  const observer = new ResizeObserver(() => {
    if (chart.isDisposed() || el.hidden) return;
    el.dataset.state = 'rendering';
    chart.resize();
  });
  observer.observe(el);
  observers.set(el, observer);
  return chart;
}

export function renderChart(el, option, { onClick } = {}) {
  el.hidden = false;
  const chart = instance(el);
  el.dataset.state = 'rendering';
  const done = new Promise((resolve) => waiting.get(el).push(resolve));
  chart.off('click');
  if (onClick) chart.on('click', onClick);
  const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  chart.setOption({ animation: !reducedMotion, animationDuration: 300, ...option }, true);
  return done;
}

export function hideChart(el) {
  // eslint-disable-next-line no-undef
  const chart = echarts.getInstanceByDom(el);
  if (chart) chart.dispose();
  if (observers.has(el)) observers.get(el).disconnect();
  el.dataset.state = 'empty';
  el.hidden = true;
}

export function narrow() {
  return window.matchMedia('(max-width: 40rem)').matches;
}

export function truncate(text, max) {
  return text.length > max ? text.slice(0, max - 1) + '…' : text;
}

export const COLORS = { supplier: '#2f6db5', recipient: '#8a5a00', sanctioned: '#b3261e', bar: '#2f6db5' };
