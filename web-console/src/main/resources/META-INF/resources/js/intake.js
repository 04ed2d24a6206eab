// The operator's form: category search, shortcuts, the map, and a reload that keeps the form's Idempotency-Key.
(function () {
  'use strict';
  var form = document.getElementById('call-form');
  if (!form) { return; }
  var key = form.getAttribute('data-key');
  if (window.history && history.replaceState) { history.replaceState(null, '', '/intake?key=' + encodeURIComponent(key)); }

  // --- category picker: Chinese substring search over code, name and parent name; arrows + Enter choose.
  var search = document.getElementById('category-search');
  var list = document.getElementById('category-options');
  var hidden = document.getElementById('categoryCode');
  var chosen = document.getElementById('category-chosen');
  var options = Array.prototype.slice.call(list.querySelectorAll('li'));
  var names = {};
  options.forEach(function (o) { names[o.getAttribute('data-code')] = o.getAttribute('data-name'); });
  var active = -1;
  function visible() { return options.filter(function (o) { return !o.hidden; }); }
  function highlight(i) {
    var v = visible();
    v.forEach(function (o) { o.setAttribute('aria-selected', 'false'); });
    if (v.length === 0) { active = -1; return; }
    active = Math.max(0, Math.min(i, v.length - 1));
    v[active].setAttribute('aria-selected', 'true');
    search.setAttribute('aria-activedescendant', v[active].id);
    v[active].scrollIntoView({ block: 'nearest' });
  }
  function open(show) { list.hidden = !show; search.setAttribute('aria-expanded', show ? 'true' : 'false'); }
  function filter() {
    var q = search.value.trim();
    options.forEach(function (o) {
      var parent = names[o.getAttribute('data-parent')] || '';
      var text = o.getAttribute('data-code') + ' ' + o.getAttribute('data-name') + ' ' + parent;
      o.hidden = q !== '' && text.indexOf(q) < 0;
    });
    open(q !== '');
    highlight(0);
  }
  function choose(o) {
    if (!o) { return; }
    var code = o.getAttribute('data-code');
    var parent = names[o.getAttribute('data-parent')];
    hidden.value = code;
    search.value = o.getAttribute('data-name');
    chosen.textContent = '已选：' + code + ' ' + (parent ? parent + ' / ' : '') + o.getAttribute('data-name');
    open(false);
    document.body.dispatchEvent(new CustomEvent('category-chosen', { bubbles: true }));
  }
  search.addEventListener('input', function () { hidden.value = ''; chosen.textContent = ''; filter(); });
  search.addEventListener('keydown', function (e) {
    if (list.hidden) { return; }
    if (e.key === 'ArrowDown') { e.preventDefault(); highlight(active + 1); }
    else if (e.key === 'ArrowUp') { e.preventDefault(); highlight(active - 1); }
    else if (e.key === 'Enter') { e.preventDefault(); choose(visible()[active]); }
    else if (e.key === 'Escape') { open(false); }
  });
  search.addEventListener('blur', function () { setTimeout(function () { open(false); }, 150); });
  options.forEach(function (o) { o.addEventListener('mousedown', function (e) { e.preventDefault(); choose(o); }); });

  // --- shortcuts
  function click(selector) { var el = document.querySelector(selector); if (el) { el.click(); } }
  document.addEventListener('keydown', function (e) {
    if (e.ctrlKey && e.key === 'Enter') { e.preventDefault(); form.requestSubmit(); return; }
    if (!e.altKey) { return; }
    var k = e.key.toLowerCase();
    if (k === 'n') { e.preventDefault(); window.location.href = '/intake'; }
    else if (k === 'p') { e.preventDefault(); document.getElementById('phone').focus(); }
    else if (k === 'k') { e.preventDefault(); search.focus(); }
    else if (k === 'm') { e.preventDefault(); click('#created .merge-form button'); }
    else if (k === 't') { e.preventDefault(); click('#transfer-form button'); }
  });
  document.getElementById('new-call').addEventListener('click', function () { window.location.href = '/intake'; });
  document.body.addEventListener('htmx:afterSwap', function (e) {
    if (e.target.id === 'created') {
      var number = document.getElementById('ticket-number');
      if (number) { number.setAttribute('tabindex', '-1'); number.focus(); }
    }
    if (e.target.id === 'outlook') { highlightCounty(); }
  });

  // --- the map: the region's own county boundaries, no tile server; a click sets the point.
  var mapEl = document.getElementById('map');
  if (!window.L || !mapEl) { return; }
  var map = L.map(mapEl, { attributionControl: false, keyboard: false });
  map.setView([30.75, 119.95], 8);
  var counties = null, marker = null;
  fetch('/region/counties.geojson').then(function (r) { return r.json(); }).then(function (geo) {
    counties = L.geoJSON(geo, { style: { color: '#0b5cad', weight: 1, fillOpacity: 0.05 } }).addTo(map);
    map.fitBounds(counties.getBounds());
    highlightCounty();
  });
  map.on('click', function (e) {
    document.getElementById('lat').value = e.latlng.lat.toFixed(6);
    document.getElementById('lon').value = e.latlng.lng.toFixed(6);
    if (marker) { marker.setLatLng(e.latlng); } else { marker = L.marker(e.latlng).addTo(map); }
    document.body.dispatchEvent(new CustomEvent('map-clicked', { bubbles: true }));
  });
  function highlightCounty() {
    if (!counties) { return; }
    var dd = document.getElementById('outlook-territory');
    var code = dd ? dd.getAttribute('data-county') : '';
    counties.eachLayer(function (layer) {
      var props = layer.feature && layer.feature.properties || {};
      var match = code && String(props.adcode || props.code || '').indexOf(code) === 0;
      layer.setStyle({ fillOpacity: match ? 0.3 : 0.05, weight: match ? 2 : 1 });
    });
  }
})();
