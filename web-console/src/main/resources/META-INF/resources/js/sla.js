// Countdowns and SLA colours, computed in the browser from the deadlines so they stay right while a stream is down.
// An element with data-deadline (epoch ms), data-w50 and data-w80 (the warning instants) and optionally
// data-paused-at gets its text and one of the classes sla-green | sla-yellow | sla-orange | sla-red.
(function () {
  'use strict';
  var skew = 0; // server clock minus browser clock, from <body data-server-now>
  function readSkew() {
    var now = document.body && document.body.getAttribute('data-server-now');
    if (now) { skew = Number(now) - Date.now(); }
  }
  function colour(now, deadline, w50, w80) {
    if (now >= deadline) { return 'red'; }
    if (w80 && now >= w80) { return 'orange'; }
    if (w50 && now >= w50) { return 'yellow'; }
    return 'green';
  }
  function span(ms) {
    var s = Math.floor(Math.abs(ms) / 1000), d = Math.floor(s / 86400), h = Math.floor(s % 86400 / 3600),
        m = Math.floor(s % 3600 / 60), sec = s % 60;
    function two(n) { return (n < 10 ? '0' : '') + n; }
    if (d > 0) { return d + '天' + h + '时' + two(m) + '分'; }
    if (h > 0) { return h + ':' + two(m) + ':' + two(sec); }
    return m + ':' + two(sec);
  }
  function paint(el, now) {
    var deadline = Number(el.getAttribute('data-deadline'));
    var row = el.closest('tr, .card');
    var classes = ['sla-green', 'sla-yellow', 'sla-orange', 'sla-red', 'sla-none'];
    classes.forEach(function (c) { el.classList.remove(c); if (row) { row.classList.remove(c.replace('sla-', 'sla-row-')); } });
    if (!deadline) {
      el.classList.add('sla-none');
      el.setAttribute('data-sla', 'none');
      return;
    }
    var pausedAt = Number(el.getAttribute('data-paused-at')) || 0;
    var at = pausedAt || now;
    var c = colour(at, deadline, Number(el.getAttribute('data-w50')), Number(el.getAttribute('data-w80')));
    el.classList.add('sla-' + c);
    el.setAttribute('data-sla', c);
    if (row) { row.classList.add('sla-row-' + c); }
    var left = deadline - at;
    var text = left >= 0 ? '剩余 ' + span(left) : '超时 ' + span(left);
    el.textContent = pausedAt ? '已挂起 · ' + text : text;
  }
  function tick() {
    var now = Date.now() + skew;
    document.querySelectorAll('[data-deadline]').forEach(function (el) { paint(el, now); });
  }
  window.hotlineSla = { tick: tick, colour: colour, now: function () { return Date.now() + skew; } };
  document.addEventListener('DOMContentLoaded', function () { readSkew(); tick(); });
  document.addEventListener('htmx:afterSwap', tick);
  setInterval(tick, 1000);
})();
