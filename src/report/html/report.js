(function () {
  'use strict';
  var d = document;
  d.documentElement.classList.add('js');
  function all(sel, root) { return Array.prototype.slice.call((root || d).querySelectorAll(sel)); }
  var columns = all('.column');
  var box = d.querySelector('.columns');
  var items = all('.finding-list [data-item]');
  var active = null;

  function view(v) {
    d.body.setAttribute('data-view', v);
    all('[data-view-btn]').forEach(function (b) {
      b.setAttribute('aria-pressed', String(b.getAttribute('data-view-btn') === v));
    });
  }

  // Selecting a finding highlights its claims everywhere and scrolls every column that has
  // evidence of it (but the one clicked in) so the evidence sits in its upper third.
  function select(id, from) {
    active = id;
    all('.active').forEach(function (e) { e.classList.remove('active'); });
    all('[data-f~="' + id + '"]').forEach(function (e) { e.classList.add('active'); });
    var item = d.querySelector('.finding-list [data-item="' + id + '"]');
    if (item) { item.scrollIntoView({ block: 'nearest' }); }
    columns.forEach(function (c) {
      var text = c.querySelector('.text');
      var ev = text.querySelector('mark[data-f~="' + id + '"]') ||
        text.querySelector('[data-f~="' + id + '"]');
      c.classList.toggle('has-ev', !!ev);
      c.classList.toggle('no-ev', !ev);
      if (!ev) { return; }
      if (c !== from) {
        var top = ev.getBoundingClientRect().top - text.getBoundingClientRect().top;
        text.scrollTop += top - text.clientHeight / 3;
      }
    });
    // More reports than fit side by side: the columns with evidence move to the front, in
    // their order, so they are read together; the others follow, dimmed.
    if (box) {
      box.classList.toggle('crowded', box.scrollWidth > box.clientWidth + 1 || box.classList.contains('crowded'));
      if (box.classList.contains('crowded')) { box.scrollLeft = 0; }
    }
    if (window.history && history.replaceState) { history.replaceState(null, '', '#f' + id); }
  }

  d.addEventListener('click', function (e) {
    var t = e.target.closest('[data-f]');
    if (t && !t.classList.contains('off')) {
      e.preventDefault();
      var id = t.getAttribute('data-f').split(' ')[0];
      var inText = t.closest('.column');
      if (!inText) { view('reading'); }
      select(id, inText);
      return;
    }
    var v = e.target.closest('[data-view-btn]');
    if (v) { view(v.getAttribute('data-view-btn')); }
  });

  // Filters: kind and confidence hide findings everywhere and unmark their claims.
  var kinds = all('[data-filter-kind]');
  var conf = d.querySelector('[data-filter-conf]');
  var confOut = d.querySelector('[data-conf-out]');
  var shownCount = d.querySelector('[data-shown-count]');
  function filter() {
    var on = {};
    kinds.forEach(function (k) { on[k.getAttribute('data-filter-kind')] = k.checked; });
    var min = parseFloat(conf.value);
    confOut.textContent = min.toFixed(2);
    var visible = {};
    all('[data-item]').forEach(function (e) {
      var ok = on[e.getAttribute('data-kind')] && parseFloat(e.getAttribute('data-conf')) >= min;
      e.hidden = !ok;
      visible[e.getAttribute('data-item')] = ok;
    });
    all('.text [data-f]').forEach(function (m) {
      var ids = m.getAttribute('data-f').split(' ');
      m.classList.toggle('off', !ids.some(function (i) { return visible[i]; }));
    });
    var n = items.filter(function (e) { return !e.hidden; }).length;
    shownCount.textContent = n + ' of ' + items.length + ' findings';
  }
  kinds.forEach(function (k) { k.addEventListener('change', filter); });
  conf.addEventListener('input', filter);

  var only = d.querySelector('[data-only-ev]');
  if (only && box) {
    only.addEventListener('change', function () { box.classList.toggle('only-ev', only.checked); });
  }

  // n / p: the next or previous finding still shown.
  d.addEventListener('keydown', function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey || /input|textarea|select/i.test(e.target.tagName)) { return; }
    if (e.key !== 'n' && e.key !== 'p') { return; }
    var list = items.filter(function (i) { return !i.hidden; });
    if (!list.length) { return; }
    var at = list.findIndex(function (i) { return i.getAttribute('data-item') === active; });
    var next = e.key === 'n' ? at + 1 : (at < 0 ? list.length - 1 : at - 1);
    var item = list[(next + list.length) % list.length];
    view('reading');
    select(item.getAttribute('data-item'), null);
  });

  view(d.body.getAttribute('data-view') || 'reading');
  filter();
  var m = /^#f(\d+)$/.exec(location.hash);
  if (m) { select(m[1], null); } else if (items.length) { select(items[0].getAttribute('data-item'), null); }
})();
