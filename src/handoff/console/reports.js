// The centres' reports: counts from GET /api/reports, drawn with Chart.js (served by this server),
// with the numbers beside each chart and a CSV export of the same numbers. Counts only: the API
// holds no message text, and everything shown is set with textContent.
(function () {
  'use strict';
  var I18n = window.WegweiserI18n;
  var t = I18n.t;
  var token = sessionStorage.getItem('wegweiser-token');
  var me = JSON.parse(sessionStorage.getItem('wegweiser-staff') || 'null');
  var $ = function (id) { return document.getElementById(id); };
  var charts = [];
  var COLOURS = ['#0b4f6c', '#e07a1f', '#2a9d8f', '#c0392b', '#6c5b7b', '#8ab17d', '#e9c46a', '#264653', '#b5838d', '#577590'];

  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  function lang() { return I18n.lang(); }
  function number(n) { return new Intl.NumberFormat(lang()).format(n); }
  function percent(part, whole) {
    return whole ? new Intl.NumberFormat(lang(), { style: 'percent', maximumFractionDigits: 1 }).format(part / whole) : t('noValue');
  }
  function duration(seconds) {
    if (seconds === null || seconds === undefined) return t('noValue');
    if (seconds < 3600) return t('minutes', { n: number(Math.round(seconds / 6) / 10) });
    return t('hours', { n: number(Math.round(seconds / 360) / 10) });
  }
  function dayLabel(day) {
    return new Intl.DateTimeFormat(lang(), { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(day + 'T00:00:00Z'));
  }
  function displayName(type, code) {
    try { return new Intl.DisplayNames([lang()], { type: type }).of(code) || code; } catch { return code; }
  }
  function channelName(c) { var k = 'channel.' + c; var s = t(k); return s === k ? c : s; }
  function languageName(l) { return displayName('language', l); }
  function countryName(c) { return c === 'unknown' ? t('unknown') : displayName('region', c); }
  function dangerName(c) { var k = 'danger.' + c; var s = t(k); return s === k ? c : s; }

  function api(path) {
    return fetch(path, { headers: { authorization: 'Bearer ' + token } }).then(function (res) {
      if (res.status === 401) { sessionStorage.removeItem('wegweiser-token'); showSignedOut(); throw new Error('signed out'); }
      return res;
    });
  }

  function iso(date) { return date.toISOString().slice(0, 10); }
  function setRange(days) {
    var to = new Date();
    $('to').value = iso(to);
    $('from').value = iso(new Date(to.getTime() - (days - 1) * 86400000));
  }

  function query(format) {
    var q = 'from=' + encodeURIComponent($('from').value) + '&to=' + encodeURIComponent($('to').value);
    if ($('centre').value) q += '&centreId=' + encodeURIComponent($('centre').value);
    return format ? q + '&format=' + format : q;
  }

  function status(text, isError) {
    $('status').textContent = text;
    $('status').className = isError ? 'error' : '';
  }

  function load() {
    if ($('from').value > $('to').value) { status(t('badRange'), true); return; }
    status(t('loading'));
    history.replaceState(null, '', '?' + query());
    api('/api/reports?' + query()).then(function (res) {
      return res.json().then(function (body) {
        if (!res.ok) throw new Error(body.error || res.status);
        status('');
        draw(body);
      });
    }).catch(function (err) { if (err.message !== 'signed out') status(t('error', { error: err.message }), true); });
  }

  function downloadCsv() {
    api('/api/reports?' + query('csv')).then(function (res) {
      if (!res.ok) return res.json().then(function (b) { throw new Error(b.error || res.status); });
      return res.blob().then(function (blob) {
        var link = el('a');
        link.href = URL.createObjectURL(blob);
        link.download = 'wegweiser-report-' + ($('centre').value || (me.role === 'admin' ? 'all' : me.centreId)) + '-' + $('from').value + '-' + $('to').value + '.csv';
        document.body.appendChild(link);
        link.click();
        link.remove();
        setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
      });
    }).catch(function (err) { if (err.message !== 'signed out') status(t('error', { error: err.message }), true); });
  }

  function tile(label, value, hint) {
    var box = el('div', undefined, 'tile');
    box.appendChild(el('span', value, 'value'));
    box.appendChild(el('span', label, 'label'));
    if (hint) box.appendChild(el('span', hint, 'hint'));
    return box;
  }

  function table(headers, rows) {
    var wrap = el('div', undefined, 'table-wrap');
    var tbl = wrap.appendChild(el('table'));
    var head = el('tr');
    headers.forEach(function (h, i) { head.appendChild(el('th', h, i ? 'num' : '')); });
    tbl.appendChild(el('thead')).appendChild(head);
    var body = tbl.appendChild(el('tbody'));
    rows.forEach(function (r) {
      var tr = el('tr');
      r.forEach(function (cell, i) { tr.appendChild(el('td', cell, i ? 'num' : '')); });
      body.appendChild(tr);
    });
    return wrap;
  }

  /** A card with a chart and its numbers; `config` is Chart.js's, `numbers` a table. */
  function chartCard(id, title, config, numbers, openNumbers) {
    var card = el('section', undefined, 'card chart-card');
    card.id = id;
    card.appendChild(el('h2', title));
    if (!window.Chart) { // the chart library did not load: the numbers alone
      card.appendChild(numbers);
      $('charts').appendChild(card);
      return;
    }
    var box = el('div', undefined, 'chart-box');
    var canvas = el('canvas');
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', title);
    box.appendChild(canvas);
    card.appendChild(box);
    if (numbers) {
      var details = el('details');
      details.open = !!openNumbers;
      details.appendChild(el('summary', t('numbers')));
      details.appendChild(numbers);
      card.appendChild(details);
    }
    $('charts').appendChild(card);
    charts.push(new window.Chart(canvas, config));
  }

  function emptyCard(id, title) {
    var card = el('section', undefined, 'card chart-card');
    card.id = id;
    card.appendChild(el('h2', title));
    card.appendChild(el('p', t('none'), 'note'));
    $('charts').appendChild(card);
  }

  function options(extra) {
    var rtl = I18n.isRtl();
    var base = {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      locale: lang(),
      layout: { padding: { left: 12, right: 12 } }, // the first and last day's labels stay whole
      plugins: { legend: { rtl: rtl, textDirection: rtl ? 'rtl' : 'ltr', labels: { boxWidth: 12 } }, tooltip: { rtl: rtl, textDirection: rtl ? 'rtl' : 'ltr' } },
      scales: { x: { reverse: rtl, ticks: { autoSkip: true, maxRotation: 0 } }, y: { beginAtZero: true, position: rtl ? 'right' : 'left', ticks: { precision: 0 } } },
    };
    return Object.assign(base, extra || {});
  }

  /** For charts over days: the first and last day's labels stay inside the chart. */
  function dayOptions() {
    var o = options();
    o.scales.x.ticks.align = 'inner';
    return o;
  }

  function series(label, data, i, extra) {
    return Object.assign({ label: label, data: data, borderColor: COLOURS[i % COLOURS.length], backgroundColor: COLOURS[i % COLOURS.length], borderWidth: 2, pointRadius: 2, maxBarThickness: 40 }, extra || {});
  }

  /** A bar chart of usage (turns, conversations, people) by channel, language or country, with its table. */
  function usageCard(id, title, rows, key, name) {
    if (!rows.length) return emptyCard(id, title);
    var labels = rows.map(function (r) { return name(r[key]); });
    chartCard(id, title, {
      type: 'bar',
      data: { labels: labels, datasets: [series(t('series.conversations'), rows.map(function (r) { return r.conversations; }), 0), series(t('series.people'), rows.map(function (r) { return r.people; }), 1)] },
      options: options(),
    }, table([t('col.' + (key === 'lang' ? 'language' : key)), t('series.turns'), t('series.conversations'), t('series.people')], rows.map(function (r, i) { return [labels[i], number(r.turns), number(r.conversations), number(r.people)]; })), true);
  }

  function draw(r) {
    charts.forEach(function (c) { c.destroy(); });
    charts = [];
    $('charts').replaceChildren();
    var tot = r.totals;
    var tiles = $('tiles');
    tiles.replaceChildren(
      tile(t('tiles.conversations'), number(tot.conversations)),
      tile(t('tiles.people'), number(tot.people)),
      tile(t('tiles.turns'), number(tot.turns)),
      tile(t('tiles.questions'), number(tot.questions)),
      tile(t('tiles.declinedRate'), percent(tot.declined, tot.questions), t('ofQuestions', { n: number(tot.declined), total: number(tot.questions) })),
      tile(t('tiles.choicesRate'), percent(tot.choices, tot.questions), t('ofQuestions', { n: number(tot.choices), total: number(tot.questions) })),
      tile(t('tiles.danger'), number(tot.danger)),
      tile(t('tiles.handoffsOpened'), number(tot.handoffsOpened)),
      tile(t('tiles.firstReply'), duration(tot.firstReplyMedianSeconds)),
      tile(t('tiles.handoffsClosed'), number(tot.handoffsClosed)),
      tile(t('tiles.bookingsMade'), number(tot.bookingsMade)),
      tile(t('tiles.bookingsCancelled'), number(tot.bookingsCancelled)),
      tile(t('tiles.remindersSent'), number(tot.remindersSent))
    );
    var days = r.days.map(function (d) { return dayLabel(d.day); });
    var pick = function (field) { return r.days.map(function (d) { return d[field]; }); };
    chartCard('chart-usage', t('charts.usage'), {
      type: 'line',
      data: { labels: days, datasets: [series(t('series.conversations'), pick('conversations'), 0), series(t('series.people'), pick('people'), 1), series(t('series.turns'), pick('turns'), 2, { borderDash: [4, 4], borderWidth: 1 })] },
      options: dayOptions(),
    }, table([t('col.day'), t('series.turns'), t('series.conversations'), t('series.people')], r.days.map(function (d, i) { return [days[i], number(d.turns), number(d.conversations), number(d.people)]; })));
    var rate = function (field) { return r.days.map(function (d) { return d.questions ? Math.round((d[field] / d.questions) * 1000) / 10 : null; }); };
    chartCard('chart-rates', t('charts.rates'), {
      type: 'line',
      data: { labels: days, datasets: [series(t('series.declined'), rate('declined'), 3, { spanGaps: true }), series(t('series.choices'), rate('choices'), 4, { spanGaps: true })] },
      options: options({ scales: { x: { reverse: I18n.isRtl(), ticks: { autoSkip: true, maxRotation: 0, align: 'inner' } }, y: { beginAtZero: true, max: 100, position: I18n.isRtl() ? 'right' : 'left', ticks: { callback: function (v) { return v + ' %'; } } } } }),
    }, table([t('col.day'), t('tiles.questions'), t('series.declined'), t('series.choices')], r.days.map(function (d, i) { return [days[i], number(d.questions), number(d.declined) + ' (' + percent(d.declined, d.questions) + ')', number(d.choices) + ' (' + percent(d.choices, d.questions) + ')']; })));
    usageCard('chart-channels', t('charts.channels'), r.byChannel, 'channel', channelName);
    usageCard('chart-languages', t('charts.languages'), r.byLanguage, 'lang', languageName);
    usageCard('chart-countries', t('charts.countries'), r.byCountry, 'country', countryName);
    if (r.topics.length) {
      chartCard('chart-topics', t('charts.topics'), {
        type: 'bar',
        data: { labels: r.topics.map(function (x) { return x.topic; }), datasets: [series(t('series.count'), r.topics.map(function (x) { return x.count; }), 0)] },
        options: options({ indexAxis: 'y', plugins: { legend: { display: false } }, scales: { x: { beginAtZero: true, reverse: I18n.isRtl(), ticks: { precision: 0 } }, y: { position: I18n.isRtl() ? 'right' : 'left' } } }),
      }, table([t('col.topic'), t('series.count')], r.topics.map(function (x) { return [x.topic, number(x.count)]; })), true);
    } else emptyCard('chart-topics', t('charts.topics'));
    if (r.danger.length) {
      chartCard('chart-danger', t('charts.danger'), {
        type: 'bar',
        data: { labels: r.danger.map(function (x) { return dangerName(x.category); }), datasets: [series(t('series.count'), r.danger.map(function (x) { return x.count; }), 3)] },
        options: options({ plugins: { legend: { display: false } } }),
      }, table([t('col.category'), t('series.count')], r.danger.map(function (x) { return [dangerName(x.category), number(x.count)]; })), true);
    } else emptyCard('chart-danger', t('charts.danger'));
    chartCard('chart-handoffs', t('charts.handoffs'), {
      type: 'bar',
      data: { labels: days, datasets: [series(t('series.opened'), pick('handoffsOpened'), 0), series(t('series.replied'), pick('handoffsReplied'), 2), series(t('series.closed'), pick('handoffsClosed'), 5)] },
      options: dayOptions(),
    }, table([t('col.day'), t('series.opened'), t('series.replied'), t('series.closed')], r.days.map(function (d, i) { return [days[i], number(d.handoffsOpened), number(d.handoffsReplied), number(d.handoffsClosed)]; })));
    chartCard('chart-bookings', t('charts.bookings'), {
      type: 'bar',
      data: { labels: days, datasets: [series(t('series.made'), pick('bookingsMade'), 0), series(t('series.cancelled'), pick('bookingsCancelled'), 3), series(t('series.reminded'), pick('remindersSent'), 6)] },
      options: dayOptions(),
    }, table([t('col.day'), t('series.made'), t('series.cancelled'), t('series.reminded')], r.days.map(function (d, i) { return [days[i], number(d.bookingsMade), number(d.bookingsCancelled), number(d.remindersSent)]; })));
    var weeks = el('section', undefined, 'card chart-card');
    weeks.id = 'weeks';
    weeks.appendChild(el('h2', t('charts.weeks')));
    weeks.appendChild(table([t('col.week'), t('series.turns'), t('series.conversations'), t('series.people')], r.weeks.map(function (w) { return ['\u2066' + w.week + '\u2069 (' + dayLabel(w.from) + '–' + dayLabel(w.to) + ')', number(w.turns), number(w.conversations), number(w.people)]; })));
    $('charts').appendChild(weeks);
  }

  function showSignedOut() {
    $('app').hidden = true;
    $('signed-out').hidden = false;
  }

  function start() {
    if (!token || !me) { showSignedOut(); return; }
    $('app').hidden = false;
    var role = t('role.' + me.role);
    $('who').textContent = me.email + ' · ' + (me.centreId || '') + ' · ' + (role === 'role.' + me.role ? me.role : role);
    var params = new URLSearchParams(location.search);
    if (params.get('from') && params.get('to')) { $('from').value = params.get('from'); $('to').value = params.get('to'); } else setRange(7);
    if (me.role === 'admin') {
      $('centre-field').hidden = false;
      fetch('/api/centres').then(function (res) { return res.json(); }).then(function (body) {
        (body.centres || body).forEach(function (c) {
          var name = (c.names && (c.names[lang()] || c.names.en)) || c.id;
          var option = el('option', name + ' (' + c.id + ')');
          option.value = c.id;
          $('centre').appendChild(option);
        });
        $('centre').value = params.get('centreId') || '';
      }).catch(function () { /* the select keeps "All centres" */ }).then(load);
    } else load();
    $('range').addEventListener('submit', function (e) { e.preventDefault(); load(); });
    $('last7').addEventListener('click', function () { setRange(7); load(); });
    $('last30').addEventListener('click', function () { setRange(30); load(); });
    $('csv').addEventListener('click', downloadCsv);
    $('centre').addEventListener('change', load);
  }

  var wanted = (me && me.lang) || (navigator.language || 'en').slice(0, 2);
  I18n.load(wanted, ['reports']).then(function () {
    I18n.apply(document);
    document.title = 'Wegweiser · ' + t('title');
    start();
  });
})();
