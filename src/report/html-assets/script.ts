// The script inlined into report.html: sorts the batch table, filters it by status
// and severity, and opens a file's section when its row or link is clicked.
// No data is ever embedded here — it reads the page's data-* attributes — so the
// page's Content-Security-Policy can pin this exact text by its hash.
export const REPORT_JS = `(function () {
  'use strict';
  var table = document.getElementById('batch');
  if (!table) return;
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.querySelectorAll('tr[data-target]'));
  var emptyRow = body.querySelector('tr.empty-row');
  var statusSelect = document.getElementById('filter-status');
  var severitySelect = document.getElementById('filter-severity');
  var shown = document.getElementById('shown');
  var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
  var collator = new Intl.Collator('zh-CN', { numeric: true });

  function hasToken(list, token) {
    return (' ' + (list || '') + ' ').indexOf(' ' + token + ' ') >= 0;
  }

  function applyFilters() {
    var status = statusSelect.value;
    var severities = severitySelect.value ? severitySelect.value.split(' ') : [];
    var count = 0;
    var files = {};
    rows.forEach(function (row) {
      var visible = (!status || row.getAttribute('data-status') === status) &&
        (severities.length === 0 || severities.some(function (s) { return hasToken(row.getAttribute('data-sevs'), s); }));
      row.hidden = !visible;
      // a file's section shows while any of its forms' rows does
      var target = row.getAttribute('data-target');
      files[target] = files[target] || visible;
      if (visible) count++;
    });
    Object.keys(files).forEach(function (target) {
      var section = document.getElementById(target);
      if (section) section.hidden = !files[target];
    });
    Array.prototype.forEach.call(document.querySelectorAll('.finding'), function (finding) {
      finding.hidden = severities.length > 0 && severities.indexOf(finding.getAttribute('data-sev')) < 0;
    });
    if (emptyRow) emptyRow.hidden = count > 0;
    shown.textContent = '显示 ' + count + ' / ' + rows.length + ' 行';
  }

  function sortBy(th) {
    var col = heads.indexOf(th);
    var direction = th.getAttribute('aria-sort') === 'ascending' ? 'descending' : 'ascending';
    heads.forEach(function (h) { h.removeAttribute('aria-sort'); });
    th.setAttribute('aria-sort', direction);
    var numeric = th.getAttribute('data-type') === 'num';
    var sign = direction === 'ascending' ? 1 : -1;
    rows.sort(function (a, b) {
      var x = a.cells[col].getAttribute('data-v') || '';
      var y = b.cells[col].getAttribute('data-v') || '';
      var c = numeric ? Number(x) - Number(y) : collator.compare(x, y);
      // ties keep the order of the inputs, whatever the direction
      return c * sign || Number(a.getAttribute('data-i')) - Number(b.getAttribute('data-i'));
    });
    rows.forEach(function (row) { body.appendChild(row); });
    if (emptyRow) body.appendChild(emptyRow);
  }

  function openSection(id, scroll) {
    var section = id ? document.getElementById(id) : null;
    if (!section || section.tagName !== 'DETAILS') return;
    section.open = true;
    Array.prototype.forEach.call(document.querySelectorAll('details.file.current'), function (d) { d.classList.remove('current'); });
    section.classList.add('current');
    if (scroll) section.scrollIntoView();
  }

  heads.forEach(function (th) {
    var button = th.querySelector('button');
    if (button) button.addEventListener('click', function () { sortBy(th); });
  });
  statusSelect.addEventListener('change', applyFilters);
  severitySelect.addEventListener('change', applyFilters);

  document.addEventListener('click', function (event) {
    var target = event.target;
    if (!target || typeof target.closest !== 'function') return;
    var link = target.closest('a[href^="#"]');
    if (link) { openSection(link.getAttribute('href').slice(1), false); return; }
    var row = target.closest('tr[data-target]');
    if (!row) return;
    var id = row.getAttribute('data-target');
    if (location.hash === '#' + id) openSection(id, true);
    else location.hash = id;
  });
  window.addEventListener('hashchange', function () { openSection(location.hash.slice(1), true); });

  function setAll(open) {
    Array.prototype.forEach.call(document.querySelectorAll('details.file'), function (d) { d.open = open; });
  }
  var expand = document.getElementById('expand-all');
  var collapse = document.getElementById('collapse-all');
  if (expand) expand.addEventListener('click', function () { setAll(true); });
  if (collapse) collapse.addEventListener('click', function () { setAll(false); });
  window.addEventListener('beforeprint', function () { setAll(true); });

  applyFilters();
  if (location.hash) openSection(location.hash.slice(1), true);
})();`;
