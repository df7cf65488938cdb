// One ECharts instance per chart element (the global `echarts` comes from the webjar, loaded by the page).
// renderChart resolves once ECharts reports the chart finished drawing: what the panels and the tests wait for.

const observed = new WeakSet();

export function renderChart(el, option, { onClick } = {}) {
  el.hidden = false;
  // eslint-disable-next-line no-undef
  const chart = echarts.getInstanceByDom(el) || echarts.init(el, null, { renderer: 'svg' });
  el.dataset.state = 'rendering';
  chart.off('finished');
  chart.off('click');
  const done = new Promise((resolve) => {
    chart.on('finished', () => {
      chart.off('finished');
      el.dataset.state = 'ready';
      resolve(chart);
    });
  });
  if (onClick) chart.on('click', onClick);
  const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  chart.setOption({ animation: !reducedMotion, animationDuration: 300, ...option }, true);
  if (!observed.has(el)) {
    observed.add(el);
    // eslint-disable-next-line no-undef
    new ResizeObserver(() => { const current = echarts.getInstanceByDom(el); if (current) current.resize(); }).observe(el);
  }
  return done;
}

export function hideChart(el) {
  // eslint-disable-next-line no-undef
  const chart = echarts.getInstanceByDom(el);
  if (chart) chart.dispose();
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
