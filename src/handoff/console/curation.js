// The curator's queue and the question simulator (/staff/curation). Signed in on the staff
// console: the token is in sessionStorage. Every text a person typed is set with textContent.
(function () {
  'use strict';
  var I = window.WegweiserI18n;
  var t = I.t;
  var token = sessionStorage.getItem('wegweiser-token');
  var me = JSON.parse(sessionStorage.getItem('wegweiser-staff') || 'null');
  var topics = [];
  var $ = function (id) { return document.getElementById(id); };

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function api(path, opts) {
    opts = opts || {};
    var headers = { authorization: 'Bearer ' + token };
    if (opts.body) headers['content-type'] = 'application/json';
    return fetch(path, { method: opts.method || 'GET', headers: headers, body: opts.body ? JSON.stringify(opts.body) : undefined }).then(function (res) {
      if (res.status === 401) { sessionStorage.removeItem('wegweiser-token'); show('signed-out'); throw new Error(t('signedOut')); }
      if (res.status === 403) { show('forbidden'); throw new Error(t('forbidden')); }
      if (opts.raw) return res;
      return res.json().then(function (body) {
        if (!res.ok) throw new Error(body.error || res.statusText);
        return body;
      });
    });
  }

  function show(id) {
    ['signed-out', 'forbidden', 'app'].forEach(function (s) { $(s).hidden = s !== id; });
  }

  function topicTitle(id) {
    for (var i = 0; i < topics.length; i++) if (topics[i].id === id) return topics[i].title;
    return id;
  }

  function langOptions(select) {
    I.LANGS.forEach(function (l) { select.appendChild(el('option', { value: l }, t('lang.' + l))); });
  }

  function topicOptions(select, selected) {
    topics.forEach(function (tp) {
      var o = el('option', { value: tp.id }, tp.title);
      if (tp.id === selected) o.selected = true;
      select.appendChild(o);
    });
  }

  // The simulator: the same answer as `npm run ask -- --json`, as the person would read it.
  function simulate(event) {
    if (event) event.preventDefault();
    var form = $('simulate');
    $('sim-error').textContent = '';
    var body = { q: form.q.value, lang: form.lang.value, country: form.country.value.trim() };
    return api('/api/curation/simulate', { method: 'POST', body: body }).then(function (r) {
      $('sim-topic').textContent = r.id ? topicTitle(r.id) + ' (' + r.id + ')' : t('sim.declined');
      $('sim-score').textContent = Number(r.score).toFixed(3);
      $('sim-choices').textContent = r.choices.length ? r.choices.map(topicTitle).join(' · ') : '–';
      $('sim-safety').textContent = r.safety ? t('safety.' + r.safety) : '–';
      $('sim-ranked').textContent = r.topics.map(function (x) { return topicTitle(x.id) + ' ' + Number(x.score).toFixed(2); }).join(' · ');
      var bubble = $('sim-answer');
      bubble.textContent = '';
      // As the chat shows it: the entry's title over its short answer.
      if (r.id) bubble.appendChild(el('strong', {}, topicTitle(r.id)));
      bubble.appendChild(document.createTextNode(r.answer));
      $('sim-answer').setAttribute('lang', r.lang);
      var sources = $('sim-sources');
      sources.textContent = '';
      r.sources.forEach(function (url) {
        var li = el('li');
        var safe = /^https:\/\//.test(url);
        li.appendChild(safe ? el('a', { href: url, rel: 'noopener noreferrer', target: '_blank' }, url) : el('span', {}, url));
        sources.appendChild(li);
      });
      $('sim-result').hidden = false;
    }).catch(function (err) { $('sim-error').textContent = err.message; });
  }

  function tryInSimulator(item) {
    var form = $('simulate');
    form.q.value = item.text;
    form.lang.value = item.lang;
    form.country.value = item.country || '';
    form.scrollIntoView();
    return simulate();
  }

  function decide(item, decision, box) {
    var status = box.querySelector('.outcome');
    status.textContent = '';
    api('/api/curation/' + encodeURIComponent(item.id) + '/assign', { method: 'POST', body: decision }).then(function (r) {
      var done = r.item.status === 'assigned' ? t('done.assigned', { topic: topicTitle(r.item.topic) }) : t('done.' + r.item.status);
      status.textContent = done;
      status.className = 'outcome done';
      box.querySelectorAll('button, select').forEach(function (b) { if (!b.classList.contains('try')) b.disabled = true; });
    }).catch(function (err) { status.textContent = err.message; status.className = 'outcome error'; });
  }

  function renderItem(item) {
    var box = el('article', { class: 'item' });
    box.appendChild(el('p', { class: 'text', dir: 'auto', lang: item.lang }, item.text));
    var meta = el('p', { class: 'meta' });
    meta.appendChild(el('span', { class: 'badge ' + item.reason }, t('reason.' + item.reason)));
    meta.appendChild(el('span', {}, new Date(item.at).toLocaleString(I.lang())));
    if (item.status !== 'open') meta.appendChild(el('span', { class: 'badge' }, t('status.' + item.status) + (item.topic ? ': ' + topicTitle(item.topic) : '')));
    box.appendChild(meta);
    box.appendChild(el('p', { class: 'meta' }, t('sim.ranked') + ': ' + item.topics.map(function (x) { return topicTitle(x.id) + ' ' + Number(x.score).toFixed(2); }).join(' · ')));
    var actions = el('div', { class: 'actions' });
    var select = el('select', { 'aria-label': t('item.topic') });
    topicOptions(select, item.topics[0] && item.topics[0].id);
    var assign = el('button', { type: 'button', class: 'primary' }, t('item.assign'));
    var outOfScope = el('button', { type: 'button' }, t('item.outOfScope'));
    var newEntry = el('button', { type: 'button' }, t('item.newEntry'));
    var tryIt = el('button', { type: 'button', class: 'try' }, t('item.try'));
    assign.addEventListener('click', function () { decide(item, { topic: select.value }, box); });
    outOfScope.addEventListener('click', function () { decide(item, { outOfScope: true }, box); });
    newEntry.addEventListener('click', function () { decide(item, { newEntry: true }, box); });
    tryIt.addEventListener('click', function () { tryInSimulator(item); });
    if (item.status === 'open') [select, assign, outOfScope, newEntry].forEach(function (n) { actions.appendChild(n); });
    actions.appendChild(tryIt);
    box.appendChild(actions);
    box.appendChild(el('p', { class: 'outcome', role: 'status' }));
    return box;
  }

  function loadQueue() {
    var q = '?status=' + encodeURIComponent($('filter-status').value) + ($('filter-lang').value ? '&lang=' + encodeURIComponent($('filter-lang').value) : '');
    $('queue-status').textContent = '';
    return api('/api/curation' + q).then(function (r) {
      var groups = $('groups');
      groups.textContent = '';
      var byId = {};
      r.items.forEach(function (i) { byId[i.id] = i; });
      if (!r.items.length) $('queue-status').textContent = t('queue.empty');
      r.groups.forEach(function (g) {
        var section = el('section', { class: 'group' });
        var where = [t('lang.' + g.lang), g.country || t('queue.noCountry'), g.topic ? topicTitle(g.topic) : t('queue.noTopic')].join(' · ');
        section.appendChild(el('h3', {}, where + ' (' + g.count + ')'));
        g.ids.forEach(function (id) { section.appendChild(renderItem(byId[id])); });
        groups.appendChild(section);
      });
    }).catch(function (err) { $('queue-status').textContent = err.message; });
  }

  function download(event) {
    event.preventDefault();
    var topic = $('export-topic').value;
    var lang = $('export-lang').value;
    $('export-status').textContent = '';
    api('/api/curation/export?topic=' + encodeURIComponent(topic) + '&lang=' + encodeURIComponent(lang), { raw: true }).then(function (res) {
      if (!res.ok) return res.json().then(function (b) { throw new Error(b.error); });
      return res.blob().then(function (blob) {
        var a = el('a', { href: URL.createObjectURL(blob), download: topic + '-' + lang + '.patch' });
        document.body.appendChild(a);
        a.click();
        a.remove();
        $('export-status').textContent = t('export.done');
      });
    }).catch(function (err) { $('export-status').textContent = err.message; });
  }

  function start() {
    var lang = (me && me.lang) || (navigator.language || 'en').slice(0, 2);
    var params = new URLSearchParams(location.search);
    if (params.get('lang')) lang = params.get('lang');
    I.load(lang, ['curation']).then(function () {
      I.apply(document);
      if (!token) return show('signed-out');
      if (me && me.role !== 'curator' && me.role !== 'admin') return show('forbidden');
      $('who').textContent = me ? me.email : '';
      langOptions($('simulate').lang);
      langOptions($('filter-lang'));
      langOptions($('export-lang'));
      $('export-lang').value = I.lang();
      return api('/api/curation/topics?lang=' + I.lang()).then(function (r) {
        topics = r.topics;
        topicOptions($('export-topic'));
        $('export-topic').appendChild(el('option', { value: '_out-of-scope' }, t('export.outOfScope')));
        show('app');
        $('simulate').addEventListener('submit', simulate);
        $('refresh').addEventListener('click', loadQueue);
        $('filter-lang').addEventListener('change', loadQueue);
        $('filter-status').addEventListener('change', loadQueue);
        $('export').addEventListener('submit', download);
        return loadQueue();
      });
    }).catch(function () { /* shown already */ });
  }

  start();
})();
