// microversion-compiler docs: the compare page. Lists every change between two versions from
// window.MVC_CHANGES (changes.js, loaded with <script src> so it works from file://).
// Spec text is set with textContent; `html` and `noteHtml` were rendered by the docs' templates
// from escaped text.
(function () {
  'use strict';
  var data = window.MVC_CHANGES;
  var from = document.getElementById('compare-from');
  var to = document.getElementById('compare-to');
  var result = document.getElementById('compare-result');
  var summary = document.getElementById('compare-summary');
  if (!data || !from || !to || !result || !summary) return;
  var index = {};
  data.versions.forEach(function (v, i) { index[v.version] = i; });

  var el = function (name, cls, text) {
    var e = document.createElement(name);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  };
  var checked = function (name) {
    return Array.prototype.slice.call(document.querySelectorAll('input[name="' + name + '"]:checked')).map(function (i) { return i.value; });
  };
  var changeItem = function (c, version) {
    var li = el('li', 'change sev-' + c.severity);
    li.setAttribute('data-kind', c.kind);
    li.appendChild(el('span', 'sev', c.severity));
    li.appendChild(document.createTextNode(' '));
    if (version) { var a = el('a', 'ver', version.version); a.href = version.href; li.appendChild(a); li.appendChild(document.createTextNode(' ')); }
    if (c.side !== 'operation') li.appendChild(el('span', 'side', c.side));
    var what = el('span', 'what');
    what.innerHTML = c.html;
    li.appendChild(what);
    if (c.noteHtml) { var note = el('div', 'note'); note.innerHTML = c.noteHtml; li.appendChild(note); }
    return li;
  };
  var group = function (titleNode, id) {
    var section = el('section', 'op-group');
    if (id) section.id = id;
    var h = el('h3');
    h.appendChild(titleNode);
    section.appendChild(h);
    var ul = el('ul', 'change-list');
    section.appendChild(ul);
    result.appendChild(section);
    return ul;
  };

  var render = function () {
    var a = index[from.value], b = index[to.value];
    result.textContent = '';
    if (a === undefined || b === undefined) { summary.textContent = 'Pick two versions.'; return; }
    if (a === b) { summary.textContent = 'Pick two different versions: ' + from.value + ' is the same version.'; return; }
    var up = a < b;
    var picked = data.versions.slice(Math.min(a, b) + 1, Math.max(a, b) + 1);
    if (!up) picked.reverse();
    var sev = checked('severity');
    var byOperation = checked('group')[0] === 'operation';
    var counts = { breaking: 0, warning: 0, info: 0 };
    var total = 0;
    var ops = {};
    var opOrder = [];
    picked.forEach(function (v) {
      var changes = v.changes.filter(function (c) { return sev.indexOf(c.severity) >= 0; });
      changes.forEach(function (c) { counts[c.severity] = (counts[c.severity] || 0) + 1; total++; });
      if (byOperation) {
        changes.forEach(function (c) {
          var key = c.operation || (c.pointer.indexOf('/components/schemas/') === 0 ? 'Shared schemas' : 'API-wide');
          if (!ops[key]) { ops[key] = []; opOrder.push(key); }
          ops[key].push({ c: c, v: v });
        });
        return;
      }
      if (!changes.length) return;
      var title = document.createDocumentFragment();
      var link = el('a', 'vnum', v.version);
      link.href = v.href;
      title.appendChild(link);
      title.appendChild(document.createTextNode(' ' + v.summary));
      var ul = group(title, 'v-' + v.version);
      changes.forEach(function (c) { ul.appendChild(changeItem(c)); });
    });
    if (byOperation) {
      var rank = function (k) { return k === 'API-wide' ? 0 : k === 'Shared schemas' ? 1 : 2; };
      opOrder.sort(function (x, y) {
        if (rank(x) !== rank(y)) return rank(x) - rank(y);
        var px = x.split(' '), py = y.split(' ');
        return px[1] < py[1] ? -1 : px[1] > py[1] ? 1 : x < y ? -1 : x > y ? 1 : 0;
      });
      opOrder.forEach(function (key) {
        var ul = group(el('code', 'path', key));
        ops[key].forEach(function (x) { ul.appendChild(changeItem(x.c, x.v)); });
      });
    }
    var range = picked.length + (picked.length === 1 ? ' version' : ' versions');
    var parts = ['breaking', 'warning', 'info'].filter(function (s) { return counts[s]; }).map(function (s) { return counts[s] + ' ' + s; });
    summary.textContent = (up ? 'From ' + from.value + ' up to ' + to.value + ': ' : 'From ' + from.value + ' down to ' + to.value + ', undoing: ') +
      total + (total === 1 ? ' change' : ' changes') + ' in ' + range + (parts.length ? ' (' + parts.join(', ') + ')' : '') + '.';
    if (!total) result.appendChild(el('p', 'none', 'No changes of the chosen severities between these versions.'));
    try { history.replaceState(null, '', '#' + from.value + '..' + to.value); } catch (e) { /* some file:// contexts refuse it */ }
  };

  var m = /^#(\d+\.\d+)\.\.(\d+\.\d+)$/.exec(window.location.hash);
  if (m && index[m[1]] !== undefined && index[m[2]] !== undefined) { from.value = m[1]; to.value = m[2]; }
  from.addEventListener('change', render);
  to.addEventListener('change', render);
  document.getElementById('compare-swap').addEventListener('click', function () { var t = from.value; from.value = to.value; to.value = t; render(); });
  document.querySelectorAll('.compare-form input').forEach(function (i) { i.addEventListener('change', render); });
  render();
})();
