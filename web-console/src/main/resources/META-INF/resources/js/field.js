// The field page: photos resized in the browser to at most 1,600 px (JPEG), the position on "arrive", the county map.
(function () {
  'use strict';
  var input = document.getElementById('photo');
  var status = document.getElementById('photo-status');
  var MAX = 1600;
  function upload(blob) {
    status.textContent = '上传中…';
    fetch(input.getAttribute('data-upload'), { method: 'POST', headers: { 'Content-Type': 'application/octet-stream' }, body: blob })
      .then(function (r) { return r.json().then(function (body) { return { ok: r.ok, body: body }; }); })
      .then(function (r) {
        status.textContent = r.ok ? '已上传照片（' + r.body.width + '×' + r.body.height + '）' : '上传失败：' + (r.body.detail || r.body.title);
        status.setAttribute('data-uploaded', r.ok ? 'yes' : 'no');
      })
      .catch(function () { status.textContent = '上传失败：网络中断，请重试'; });
  }
  function resize(file) {
    var img = new Image();
    img.onload = function () {
      var scale = Math.min(1, MAX / Math.max(img.naturalWidth, img.naturalHeight));
      var canvas = document.createElement('canvas');
      canvas.width = Math.round(img.naturalWidth * scale);
      canvas.height = Math.round(img.naturalHeight * scale);
      canvas.getContext('2d').drawImage(img, 0, 0, canvas.width, canvas.height);
      canvas.toBlob(function (blob) { upload(blob); }, 'image/jpeg', 0.85);
      URL.revokeObjectURL(img.src);
    };
    img.onerror = function () { status.textContent = '不是可识别的图片（仅支持 JPEG/PNG）'; };
    img.src = URL.createObjectURL(file);
  }
  if (input) {
    input.addEventListener('change', function () { if (input.files && input.files[0]) { resize(input.files[0]); } });
  }
  document.querySelectorAll('form.locate').forEach(function (form) {
    form.addEventListener('submit', function (e) {
      if (!navigator.geolocation || form.getAttribute('data-located')) { return; }
      e.preventDefault();
      var done = function () { form.setAttribute('data-located', '1'); form.submit(); };
      navigator.geolocation.getCurrentPosition(function (p) {
        form.elements.lat.value = p.coords.latitude.toFixed(6);
        form.elements.lon.value = p.coords.longitude.toFixed(6);
        done();
      }, done, { timeout: 5000 });
    });
  });
  var mapEl = document.getElementById('field-map');
  if (window.L && mapEl) {
    var code = mapEl.getAttribute('data-county');
    var map = L.map(mapEl, { attributionControl: false, zoomControl: false });
    map.setView([30.75, 119.95], 8);
    fetch('/region/counties.geojson').then(function (r) { return r.json(); }).then(function (geo) {
      var layer = L.geoJSON(geo, { style: function (f) {
        var match = f.properties.code === code;
        return { color: '#0b5cad', weight: match ? 2 : 1, fillOpacity: match ? 0.35 : 0.03 };
      } }).addTo(map);
      var target = null;
      layer.eachLayer(function (l) { if (l.feature.properties.code === code) { target = l; } });
      map.fitBounds((target || layer).getBounds());
    });
  }
})();
