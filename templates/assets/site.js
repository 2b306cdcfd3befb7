// microversion-compiler docs: the version picker and the endpoint filter. No network access.
(function () {
  'use strict';
  document.querySelectorAll('select[data-version-picker]').forEach(function (select) {
    select.addEventListener('change', function () {
      if (select.value) window.location.href = select.value;
    });
  });
  // Keep the current version in view in the sidebar (which scrolls on its own), not the page.
  var sidebar = document.querySelector('.sidebar');
  var current = sidebar && sidebar.querySelector('li.current');
  if (current && current.offsetTop > sidebar.clientHeight - 40) sidebar.scrollTop = current.offsetTop - sidebar.clientHeight / 2;
  var filter = document.getElementById('endpoint-filter');
  if (filter) {
    var rows = Array.prototype.slice.call(document.querySelectorAll('tr.endpoint'));
    var count = document.getElementById('endpoint-count');
    var apply = function () {
      var words = filter.value.toLowerCase().split(/\s+/).filter(Boolean);
      var shown = 0;
      rows.forEach(function (row) {
        var text = (row.getAttribute('data-operation') + ' ' + row.textContent).toLowerCase();
        var ok = words.every(function (w) { return text.indexOf(w) >= 0; });
        row.hidden = !ok;
        if (ok) shown++;
      });
      document.querySelectorAll('section.tag-group').forEach(function (section) {
        section.hidden = section.querySelector('tr.endpoint:not([hidden])') === null;
      });
      if (count) count.textContent = shown + (shown === 1 ? ' operation' : ' operations');
    };
    filter.addEventListener('input', apply);
    if (filter.value) apply();
  }
})();
