// The cockpit's charts (ECharts) and the county map coloured by the five-colour band, from the page's own numbers.
(function () {
  'use strict';
  // Tooltips drawn on the canvas (richText): ECharts' HTML tooltips carry style attributes the CSP refuses.
  function list(el, name) { var v = el.getAttribute(name); return v ? v.split(',') : []; }
  function bar(id) {
    var el = document.getElementById(id);
    if (!el || !window.echarts) { return; }
    var chart = echarts.init(el);
    chart.setOption({ grid: { left: 40, right: 10, top: 10, bottom: 40 }, tooltip: { renderMode: 'richText' },
      xAxis: { type: 'category', data: list(el, 'data-labels'), axisLabel: { interval: 0, rotate: 30 } },
      yAxis: { type: 'value', minInterval: 1 }, series: [{ type: 'bar', data: list(el, 'data-values').map(Number), itemStyle: { color: '#0b5cad' } }] });
    follow(el, chart);
  }
  // A chart follows its panel's width (a window resize alone comes too late for a rotated phone).
  function follow(el, chart) {
    if (window.ResizeObserver) { new ResizeObserver(function () { chart.resize(); }).observe(el); }
    else { window.addEventListener('resize', function () { chart.resize(); }); }
  }
  var trend = document.getElementById('trend-chart');
  if (trend && window.echarts) {
    var chart = echarts.init(trend);
    chart.setOption({ tooltip: { trigger: 'axis', renderMode: 'richText' }, legend: { top: 0, data: ['工单', '签收及时率'] },
      grid: { left: 40, right: 50, top: 30, bottom: 30 },
      xAxis: { type: 'category', data: list(trend, 'data-days').map(function (d) { return d.substring(5); }) },
      yAxis: [{ type: 'value', minInterval: 1 }, { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } }],
      series: [{ name: '工单', type: 'bar', data: list(trend, 'data-tickets').map(Number), itemStyle: { color: '#9fb3c8' } },
               { name: '签收及时率', type: 'line', yAxisIndex: 1, connectNulls: true, itemStyle: { color: '#1b7f3b' },
                 data: list(trend, 'data-sign').map(function (v) { return v === '' ? null : Math.round(Number(v) * 1000) / 10; }) }] });
    follow(trend, chart);
  }
  bar('channel-chart');
  bar('category-chart');
  var mapEl = document.getElementById('band-map');
  if (!window.L || !mapEl) { return; }
  var fill = { green: '#1b7f3b', blue: '#1c6dd0', yellow: '#e0a800', orange: '#d9480f', red: '#c92a2a', none: '#9aa5b1' };
  var bands = {};
  document.querySelectorAll('#county-table tbody tr[data-code]').forEach(function (tr) { bands[tr.getAttribute('data-code')] = tr.getAttribute('data-band'); });
  var map = L.map(mapEl, { attributionControl: false });
  map.setView([30.75, 119.95], 8);
  fetch('/region/counties.geojson').then(function (r) { return r.json(); }).then(function (geo) {
    var layer = L.geoJSON(geo, { style: function (f) {
      var b = bands[f.properties.code] || 'none';
      return { fillColor: fill[b], fillOpacity: 0.6, color: '#334e68', weight: 1 };
    }, onEachFeature: function (f, l) { l.bindTooltip(f.properties.name); } }).addTo(map);
    map.fitBounds(layer.getBounds());
  });
})();
