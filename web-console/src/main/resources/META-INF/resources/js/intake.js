// The operator's form: category search, shortcuts, the map, and a reload that keeps the form's Idempotency-Key.
(function () {
  'use strict';
  var form = document.getElementById('call-form');
  if (!form) { return; }
  var key = form.getAttribute('data-key');
  if (window.history && history.replaceState) { history.replaceState(null, '', '/intake?key=' + encodeURIComponent(key)); }

  // --- the draft survives a reload (same key, same body: a re-submit returns the same ticket, never a second one).
  var draftKey = 'hotline-draft:' + key;
  function saveDraft() {
    var draft = {};
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.id || el.type === 'submit' || el.type === 'button') { return; }
      draft[el.id] = el.type === 'checkbox' ? el.checked : el.value;
    });
    try { sessionStorage.setItem(draftKey, JSON.stringify(draft)); } catch (e) { /* private mode: no draft */ }
  }
  function restoreDraft() {
    var raw = null;
    try { raw = sessionStorage.getItem(draftKey); } catch (e) { return false; }
    if (!raw) { return false; }
    var draft = JSON.parse(raw);
    Object.keys(draft).forEach(function (id) {
      var el = document.getElementById(id);
      if (!el || id === 'key') { return; }
      if (el.type === 'checkbox') { el.checked = !!draft[id]; } else { el.value = draft[id]; }
    });
    return true;
  }
  form.addEventListener('input', saveDraft);
  form.addEventListener('change', saveDraft);
  function newCall() {
    try { sessionStorage.removeItem(draftKey); } catch (e) { /* nothing kept */ }
    window.location.href = '/intake';
  }

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
    if (v.length === 0 || i < 0) { active = -1; search.removeAttribute('aria-activedescendant'); return; }
    active = Math.min(i, v.length - 1);
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
    highlight(-1);
  }
  function choose(o) {
    if (!o) { return; }
    var code = o.getAttribute('data-code');
    var parent = names[o.getAttribute('data-parent')];
    hidden.value = code;
    search.value = o.getAttribute('data-name');
    chosen.textContent = '已选：' + code + ' ' + (parent ? parent + ' / ' : '') + o.getAttribute('data-name');
    open(false);
    saveDraft();
    document.body.dispatchEvent(new CustomEvent('category-chosen', { bubbles: true }));
  }
  search.addEventListener('input', function () { hidden.value = ''; chosen.textContent = ''; filter(); });
  search.addEventListener('keydown', function (e) {
    if (list.hidden) { return; }
    if (e.key === 'ArrowDown') { e.preventDefault(); highlight(active + 1); }
    else if (e.key === 'ArrowUp') { e.preventDefault(); highlight(active - 1); }
    else if (e.key === 'Enter') { e.preventDefault(); choose(visible()[Math.max(active, 0)]); }
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
    if (k === 'n') { e.preventDefault(); newCall(); }
    else if (k === 'p') { e.preventDefault(); document.getElementById('phone').focus(); }
    else if (k === 'k') { e.preventDefault(); search.focus(); }
    else if (k === 'm') { e.preventDefault(); click('#created .merge-form button'); }
    else if (k === 't') { e.preventDefault(); click('#transfer-form button'); }
  });
  document.getElementById('new-call').addEventListener('click', newCall);
  if (restoreDraft()) {
    if (hidden.value) { chosen.textContent = '已选：' + hidden.value + ' ' + (names[hidden.value] || ''); }
    document.addEventListener('DOMContentLoaded', function () {
      setTimeout(function () { document.getElementById('phone').dispatchEvent(new Event('change', { bubbles: true })); }, 0);
    });
  }
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
