// The board's live side: a change notice from the server re-fetches the rows (debounced); a dropped stream
// reconnects by itself (the server's retry:), and the rows are re-fetched on a timer anyway. The map colours
// each county by the worst SLA colour of its open dispatches (all the filter keeps), with the countdowns' colours.
(function () {
  'use strict';
  var board = document.getElementById('board');
  if (!board) { return; }
  var status = document.getElementById('live-status');
  var pending = null;
  function refresh() {
    if (pending) { return; }
    pending = setTimeout(function () { pending = null; htmx.trigger(document.body, 'board-refresh'); }, 150);
  }
  function up(live) {
    status.textContent = live ? '● 实时' : '○ 连接中断，正在重连；倒计时仍按截止时间计算';
    status.className = 'live-status' + (live ? '' : ' down');
    status.setAttribute('data-live', live ? 'up' : 'down');
  }
  if (window.EventSource) {
    var source = new EventSource(board.getAttribute('data-stream'));
    source.addEventListener('hello', function () { up(true); });
    source.addEventListener('change', function () { up(true); refresh(); });
    source.onerror = function () { up(false); };
  }
  // While the commander is filling in a form on the board, or just clicked a row's button (assign, accept a
  // return …), its refresh waits: the rows would be replaced under them. Decided at htmx:confirm, before htmx
  // lines the request up, so a refresh that waits never touches a request already under way.
  var holdUntil = 0;
  board.addEventListener('htmx:beforeRequest', function (e) {
    if (e.detail.elt !== board) { holdUntil = Date.now() + 3000; }
  });
  board.addEventListener('htmx:confirm', function (e) {
    if (e.detail.elt !== board) { return; }
    var active = document.activeElement;
    var editing = active && active !== document.body && board.contains(active) && active.closest('form');
    if (editing || Date.now() < holdUntil) {
      e.preventDefault();
      setTimeout(refresh, 2000);
    }
  });
  // Town choices follow the county chosen.
  var county = document.getElementById('f-county'), town = document.getElementById('f-town');
  function towns() {
    Array.prototype.forEach.call(town.options, function (o) {
      o.hidden = !!county.value && !!o.value && o.getAttribute('data-county') !== county.value;
    });
  }
  if (county && town) { county.addEventListener('change', towns); towns(); }

  var mapEl = document.getElementById('board-map');
  if (!window.L || !mapEl) { return; }
  var rank = { none: 0, green: 1, yellow: 2, orange: 3, red: 4 };
  var fill = { none: '#9aa5b1', green: '#1b7f3b', yellow: '#e0a800', orange: '#d9480f', red: '#c92a2a' };
  var map = L.map(mapEl, { attributionControl: false });
  map.setView([30.75, 119.95], 8);
  var layer = null;
  // Over every dispatch the filter keeps (the server's marks per county), not only the page shown.
  function worstByCounty() {
    var sla = window.hotlineSla, worst = {}, count = {}, now = sla ? sla.now() : Date.now();
    var colour = sla ? sla.colour : function () { return 'none'; };
    function worse(code, c) { if (!worst[code] || rank[c] > rank[worst[code]]) { worst[code] = c; } }
    function num(el, name) { return Number(el.getAttribute(name)) || 0; }
    document.querySelectorAll('#board-map-data .map-county').forEach(function (el) {
      var code = el.getAttribute('data-county'), due = num(el, 'data-due');
      count[code] = num(el, 'data-count');
      worse(code, due ? colour(now, due, num(el, 'data-warn50'), num(el, 'data-warn80')) : 'none');
    });
    document.querySelectorAll('#board-map-data .map-paused').forEach(function (el) {
      worse(el.getAttribute('data-county'),
          colour(num(el, 'data-paused'), num(el, 'data-due'), num(el, 'data-warn50'), num(el, 'data-warn80')));
    });
    return { worst: worst, count: count };
  }
  function paint() {
    if (!layer) { return; }
    var w = worstByCounty();
    layer.eachLayer(function (l) {
      var code = l.feature.properties.code, c = w.worst[code] || 'none';
      l.setStyle({ fillColor: fill[c], fillOpacity: w.count[code] ? 0.45 : 0.05, color: '#334e68', weight: 1 });
      if (l.getElement()) { l.getElement().setAttribute('data-sla', w.count[code] ? c : 'empty'); l.getElement().setAttribute('data-county', code); }
      l.bindTooltip(l.feature.properties.name + '：' + (w.count[code] || 0) + ' 条');
    });
  }
  fetch('/region/counties.geojson').then(function (r) { return r.json(); }).then(function (geo) {
    layer = L.geoJSON(geo).addTo(map);
    map.fitBounds(layer.getBounds());
    paint();
  });
  document.body.addEventListener('htmx:afterSwap', function () { setTimeout(paint, 50); });
  setInterval(paint, 5000);
})();
