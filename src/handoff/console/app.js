// The staff console: plain DOM, no framework. Everything a person typed is set with textContent,
// never as HTML, so a message like <img src=x onerror=alert(1)> shows as text.
(function () {
  'use strict';
  var token = sessionStorage.getItem('wegweiser-token');
  var me = JSON.parse(sessionStorage.getItem('wegweiser-staff') || 'null');
  var current = null;
  var $ = function (id) { return document.getElementById(id); };
  var SENDERS = { person: 'Person', bot: 'Assistant', staff: 'Advisor' };

  function api(path, options) {
    options = options || {};
    var headers = { authorization: 'Bearer ' + token };
    if (options.body) headers['content-type'] = 'application/json';
    return fetch(path, { method: options.method || 'GET', headers: headers, body: options.body ? JSON.stringify(options.body) : undefined })
      .then(function (res) {
        if (res.status === 401) { signOut(); throw new Error('signed out'); }
        return res.status === 204 ? {} : res.json().then(function (body) { body.httpStatus = res.status; return body; });
      });
  }

  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  function signOut() {
    sessionStorage.clear();
    token = null; me = null;
    $('app').hidden = true; $('login').hidden = false; $('logout').hidden = true; $('who').textContent = '';
  }

  function show() {
    $('login').hidden = true; $('app').hidden = false; $('logout').hidden = false;
    $('who').textContent = me.email + ' · ' + me.centreId + ' · ' + me.role;
    if (!$('day').value) $('day').value = new Date(Date.now() + 86400000 * 2).toISOString().slice(0, 10);
    loadQueue(); loadDay();
  }

  function loadQueue() {
    api('/api/handoffs').then(function (body) {
      var list = $('queue');
      list.replaceChildren();
      (body.handoffs || []).forEach(function (h) {
        var last = h.messages.length ? h.messages[h.messages.length - 1].text : '';
        var item = el('li', (h.urgent ? 'URGENT · ' : '') + h.lang + ' · ' + (h.centreId || 'no centre') + ' · ' + new Date(h.createdAt).toLocaleString() + ' · ' + last.slice(0, 80), h.urgent ? 'urgent' : '');
        item.tabIndex = 0;
        item.addEventListener('click', function () { openConversation(h); });
        list.appendChild(item);
      });
      if (!list.children.length) list.appendChild(el('li', 'Nobody is waiting.'));
    });
  }

  function openConversation(h) {
    current = h;
    $('conversation').hidden = false;
    $('conversation-meta').textContent = 'Language: ' + h.lang + (h.urgent ? ' · urgent' : '') + ' · opened ' + new Date(h.createdAt).toLocaleString();
    var transcript = $('transcript');
    transcript.replaceChildren();
    h.messages.forEach(function (m) {
      var item = el('li');
      item.appendChild(el('span', SENDERS[m.sender] || m.sender, 'sender'));
      item.appendChild(el('span', m.text, 'text'));
      if (m.media && window.WegweiserMedia) item.appendChild(window.WegweiserMedia.render(m.media, token));
      transcript.appendChild(item);
    });
    if ($('media-attach')) $('media-attach').remove();
    if (window.WegweiserMedia) { var attach = window.WegweiserMedia.attachControl(h.id, token, function () { loadQueue(); }); attach.id = 'media-attach'; $('reply').before(attach); }
  }

  function loadDay() {
    var day = $('day').value;
    api('/api/appointments?date=' + encodeURIComponent(day)).then(function (body) {
      var rows = $('appointments');
      rows.replaceChildren();
      (body.appointments || []).forEach(function (a) {
        var row = el('tr');
        [a.start.slice(11, 16), a.name || '', a.contact || '', a.reference, a.status].forEach(function (v) { row.appendChild(el('td', v)); });
        var cell = el('td');
        if (a.status === 'booked') {
          var cancel = el('button', 'Cancel');
          cancel.type = 'button';
          cancel.addEventListener('click', function () { api('/api/appointments/' + a.id, { method: 'DELETE' }).then(loadDay); });
          cell.appendChild(cancel);
        }
        row.appendChild(cell);
        rows.appendChild(row);
      });
    });
    fetch('/api/centres/' + encodeURIComponent(me.centreId) + '/slots?date=' + encodeURIComponent(day)).then(function (r) { return r.json(); }).then(function (body) {
      var select = $('slots');
      select.replaceChildren();
      (body.slots || []).forEach(function (s) { var o = el('option', s.local + ' (local)'); o.value = s.start; select.appendChild(o); });
    });
  }

  $('login').addEventListener('submit', function (e) {
    e.preventDefault();
    var form = e.target;
    fetch('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: form.email.value, password: form.password.value }) })
      .then(function (res) { return res.json().then(function (b) { return { ok: res.ok, body: b }; }); })
      .then(function (r) {
        if (!r.ok) { $('login-error').textContent = r.body.error || 'Sign-in failed'; return; }
        token = r.body.token; me = r.body.staff;
        sessionStorage.setItem('wegweiser-token', token);
        sessionStorage.setItem('wegweiser-staff', JSON.stringify(me));
        show();
      });
  });
  // Revokes the token on the server too, so a copy of it (another tab, a shared computer) stops working.
  $('logout').addEventListener('click', function () {
    var revoking = token ? fetch('/api/auth/logout', { method: 'POST', headers: { authorization: 'Bearer ' + token } }) : Promise.resolve();
    revoking.catch(function () {}).then(signOut);
  });
  $('refresh').addEventListener('click', loadQueue);
  $('day').addEventListener('change', loadDay);
  $('reply').addEventListener('submit', function (e) {
    e.preventDefault();
    var text = e.target.text.value.trim();
    if (!current || !text) return;
    api('/api/handoffs/' + current.id + '/messages', { method: 'POST', body: { text: text } }).then(function (r) {
      $('reply-status').textContent = r.httpStatus === 201 ? 'Sent.' : (r.error || 'Not sent.');
      if (r.httpStatus === 201) {
        e.target.text.value = '';
        current.messages.push({ sender: 'staff', text: text });
        openConversation(current);
      }
    });
  });
  $('close').addEventListener('click', function () {
    if (!current) return;
    api('/api/handoffs/' + current.id + '/close', { method: 'POST', body: {} }).then(function () {
      $('conversation').hidden = true; current = null; loadQueue();
    });
  });
  $('book').addEventListener('submit', function (e) {
    e.preventDefault();
    var f = e.target;
    api('/api/appointments', { method: 'POST', body: { centreId: me.centreId, start: f.start.value, name: f.name.value, contact: f.contact.value } }).then(function (r) {
      $('book-status').textContent = r.httpStatus === 201 ? 'Booked: ' + r.reference : (r.error || 'Not booked.');
      if (r.httpStatus === 201) { f.name.value = ''; f.contact.value = ''; }
      loadDay();
    });
  });

  if (token && me) show();
})();
