// The printable report's print button (a listener here: the console's CSP allows no inline handlers).
(function () {
  'use strict';
  var button = document.getElementById('print-report');
  if (button) { button.addEventListener('click', function () { window.print(); }); }
})();
