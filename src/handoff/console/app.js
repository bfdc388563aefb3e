// The staff console: plain DOM, no framework. Everything a person typed is set with textContent,
// never as HTML, so a message like <img src=x onerror=alert(1)> shows as text.
// Live: the console reads /api/staff/events with fetch() (EventSource cannot send the bearer
// token); each event says what changed, and the console fetches the handoffs again.
(function () {
  'use strict';
  var I = window.WegweiserI18n;
  var t = I.t;
  var token = sessionStorage.getItem('wegweiser-token');
  var me = JSON.parse(sessionStorage.getItem('wegweiser-staff') || 'null');
  var centres = {};      // id -> public centre (names, timezone)
  var handoffs = [];     // the open handoffs, as last fetched
  var currentId = null;  // the open conversation's handoff id
  var canned = [];
  var colleagues = [];
  var known = null;      // handoff id -> number of person messages seen, for "new message" alerts
  var stream = null;     // the live stream's AbortController
  var $ = function (id) { return document.getElementById(id); };
  var LANG_NAMES = { en: 'English', fr: 'Français', ar: 'العربية', de: 'Deutsch', ur: 'اردو', id: 'Bahasa Indonesia', sq: 'Shqip', sr: 'Srpski', es: 'Español' };

  // --- small helpers -------------------------------------------------------------------------

  // After confirming or cancelling an appointment: what happened (the API's reason when it refused), and the day again.
  function dayActionDone(r, done) {
    $('book-status').textContent = r.httpStatus < 300 ? done : (r.error || String(r.httpStatus));
    loadDay();
  }

  function api(path, options) {
    options = options || {};
    var headers = { authorization: 'Bearer ' + token };
    if (options.body) headers['content-type'] = 'application/json';
    return fetch(path, { method: options.method || 'GET', headers: headers, body: options.body ? JSON.stringify(options.body) : undefined })
      .then(function (res) {
        if (res.status === 401) { signOut(); throw new Error('signed out'); }
        if (res.status === 204) return { httpStatus: 204 };
        return res.json().then(function (body) { body.httpStatus = res.status; return body; });
      });
  }

  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  // What people and the assistant wrote keeps its own direction (English in an Arabic console, and back).
  function said(tag, text, className) {
    var node = el(tag, text, className);
    node.dir = 'auto';
    return node;
  }

  function option(value, label, selected) {
    var o = el('option', label);
    o.value = value;
    if (selected) o.selected = true;
    return o;
  }

  function centreName(id) {
    if (!id) return t('centre.none');
    var c = centres[id];
    if (!c) return id;
    return (c.names && (c.names[I.lang()] || c.names.en)) || c.city || id;
  }

  function zoneOf(centreId) {
    var c = centres[centreId];
    return (c && c.timezone) || Intl.DateTimeFormat().resolvedOptions().timeZone;
  }

  // A time in the centre's zone, in the advisor's language; the zone is named beside each list.
  function formatTime(iso, zone, withDate) {
    var opts = { timeZone: zone, hour: '2-digit', minute: '2-digit' };
    if (withDate) { opts.day = 'numeric'; opts.month = 'short'; }
    try { return new Intl.DateTimeFormat(I.lang(), opts).format(new Date(iso)); } catch { return iso; }
  }

  // Today's date (YYYY-MM-DD) in a time zone.
  function todayIn(zone) {
    var parts = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date());
    var get = function (type) { return parts.filter(function (p) { return p.type === type; })[0].value; };
    return get('year') + '-' + get('month') + '-' + get('day');
  }

  function zoneLabel(zone) { return t('time.zone', { zone: zone.replace(/_/g, ' ') }); }

  // A confirmation in the page (no native dialog): resolves true when the advisor confirms.
  function confirmAction(text, yesLabel, extra) {
    var dialog = $('confirm');
    $('confirm-text').textContent = text;
    $('confirm-yes').textContent = yesLabel;
    $('confirm-extra').replaceChildren();
    if (extra) $('confirm-extra').appendChild(extra);
    return new Promise(function (resolve) {
      dialog.addEventListener('close', function onClose() {
        dialog.removeEventListener('close', onClose);
        resolve(dialog.returnValue === 'ok');
      });
      dialog.returnValue = '';
      dialog.showModal();
    });
  }

  // --- signing in and out ----------------------------------------------------------------------

  function signOut() {
    if (stream) stream.abort();
    stream = null;
    sessionStorage.removeItem('wegweiser-token');
    sessionStorage.removeItem('wegweiser-staff');
    token = null; me = null; known = null;
    $('app').hidden = true; $('login').hidden = false; $('nav').hidden = true; $('account').hidden = true; $('live').hidden = true;
    document.title = t('app.title');
  }

  function applyTexts() {
    I.apply(document);
    document.title = t('app.title');
    $('sound').textContent = soundOn() ? t('header.soundOn') : t('header.soundOff');
    $('sound').setAttribute('aria-pressed', String(soundOn()));
    $('queue-zone').textContent = '';
    // The example hours stay left to right inside a right-to-left sentence.
    var hint = document.querySelector('[data-i18n="settings.hoursHint"]');
    var example = '09:00-12:00, 13:00-16:00';
    var parts = hint.textContent.split(example);
    if (parts.length === 2) {
      var bdi = el('bdi', example);
      bdi.dir = 'ltr';
      hint.replaceChildren(parts[0], bdi, parts[1]);
    }
  }

  function loadTexts(lang) {
    return I.load(lang || 'en', ['console']).then(applyTexts);
  }

  function show() {
    $('login').hidden = true; $('app').hidden = false; $('nav').hidden = false; $('account').hidden = false;
    var isAdmin = me.role === 'admin';
    document.querySelectorAll('[data-role=admin]').forEach(function (n) { n.hidden = !isAdmin; });
    $('nav-curation').hidden = !(me.role === 'curator' || isAdmin);
    $('nav-reports').hidden = !(me.role === 'advisor' || isAdmin);
    $('who').textContent = me.email + ' · ' + (me.centreId ? centreName(me.centreId) : t('centre.all')) + ' · ' + t('role.' + me.role);
    var langSelect = $('lang');
    langSelect.replaceChildren();
    I.LANGS.forEach(function (l) { langSelect.appendChild(option(l, LANG_NAMES[l], l === I.lang())); });
    $('notify').hidden = !('Notification' in window) || Notification.permission !== 'default';
    fillCentreSelects();
    showView(location.hash.replace('#', '') || 'conversations');
    loadQueue();
    loadCanned();
    api('/api/staff').then(function (b) { colleagues = b.staff || []; });
    connect();
  }

  function start() {
    // Before sign-in, the browser's language; after it, the account's.
    var browserLang = (navigator.language || 'en').slice(0, 2).toLowerCase();
    loadTexts((me && me.lang) || browserLang).then(function () {
      return fetch('/api/centres').then(function (r) { return r.json(); }).then(function (b) {
        (b.centres || []).forEach(function (c) { centres[c.id] = c; });
      });
    }).then(function () { if (token && me) show(); });
  }

  $('login').addEventListener('submit', function (e) {
    e.preventDefault();
    var form = e.target;
    fetch('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: form.email.value, password: form.password.value }) })
      .then(function (res) { return res.json().then(function (b) { return { ok: res.ok, body: b }; }); })
      .then(function (r) {
        if (!r.ok) { $('login-error').textContent = r.body.error || t('login.failed'); return; }
        token = r.body.token;
        me = { email: r.body.staff.email, role: r.body.staff.role, centreId: r.body.staff.centreId, lang: r.body.staff.lang || 'en' };
        sessionStorage.setItem('wegweiser-token', token);
        sessionStorage.setItem('wegweiser-staff', JSON.stringify(me));
        form.password.value = '';
        $('login-error').textContent = '';
        loadTexts(me.lang).then(show);
      });
  });

  // Revokes the token on the server too, so a copy of it (another tab, a shared computer) stops working.
  $('logout').addEventListener('click', function () {
    var revoking = token ? fetch('/api/auth/logout', { method: 'POST', headers: { authorization: 'Bearer ' + token } }) : Promise.resolve();
    revoking.catch(function () {}).then(signOut);
  });

  $('lang').addEventListener('change', function (e) {
    var lang = e.target.value;
    api('/api/me', { method: 'PATCH', body: { lang: lang } }).then(function () {
      me.lang = lang;
      sessionStorage.setItem('wegweiser-staff', JSON.stringify(me));
      loadTexts(lang).then(function () { show(); });
    });
  });

  // --- views -----------------------------------------------------------------------------------

  function showView(name) {
    if (['conversations', 'appointments', 'accounts', 'settings'].indexOf(name) < 0 || ((name === 'accounts' || name === 'settings') && me.role !== 'admin')) name = 'conversations';
    document.querySelectorAll('.view').forEach(function (v) { v.hidden = v.id !== 'view-' + name; });
    document.querySelectorAll('#nav [data-view]').forEach(function (b) { b.setAttribute('aria-current', String(b.getAttribute('data-view') === name)); });
    if (location.hash !== '#' + name) history.replaceState(null, '', '#' + name);
    if (name === 'appointments') openDay();
    if (name === 'accounts') { loadAccounts(); loadCanned(); }
    if (name === 'settings') loadSettings();
  }
  document.querySelectorAll('#nav [data-view]').forEach(function (b) {
    b.addEventListener('click', function () { showView(b.getAttribute('data-view')); });
  });

  function fillCentreSelects() {
    var ids = Object.keys(centres).filter(function (id) { return centres[id].status === 'active'; }).sort();
    var mine = me.centreId ? [me.centreId] : ids;
    $('centre').replaceChildren();
    mine.forEach(function (id) { $('centre').appendChild(option(id, centreName(id))); });
    $('centre-pick').hidden = mine.length < 2;
    document.querySelectorAll('.centre-options').forEach(function (select) {
      select.replaceChildren();
      if (!select.classList.contains('own')) select.appendChild(option('', t('centre.all')));
      (select.classList.contains('own') ? mine : ids).forEach(function (id) { select.appendChild(option(id, centreName(id), id === me.centreId)); });
    });
    document.querySelectorAll('.lang-options').forEach(function (select) {
      select.replaceChildren();
      I.LANGS.forEach(function (l) { select.appendChild(option(l, LANG_NAMES[l], l === I.lang())); });
    });
  }

  // --- live: events, title count, sound, notifications -------------------------------------------

  function soundOn() { return localStorage.getItem('wegweiser-sound') !== 'off'; }
  $('sound').addEventListener('click', function () {
    localStorage.setItem('wegweiser-sound', soundOn() ? 'off' : 'on');
    applyTexts();
  });
  $('notify').addEventListener('click', function () {
    Notification.requestPermission().then(function () { $('notify').hidden = Notification.permission !== 'default'; });
  });

  var audio = null;
  function beep(urgent) {
    if (!soundOn()) return;
    try {
      audio = audio || new (window.AudioContext || window.webkitAudioContext)();
      [0, urgent ? 0.25 : null].forEach(function (delay) {
        if (delay === null) return;
        var osc = audio.createOscillator();
        var gain = audio.createGain();
        osc.frequency.value = urgent ? 880 : 660;
        gain.gain.setValueAtTime(0.15, audio.currentTime + delay);
        gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + delay + 0.2);
        osc.connect(gain); gain.connect(audio.destination);
        osc.start(audio.currentTime + delay); osc.stop(audio.currentTime + delay + 0.2);
      });
    } catch { /* no sound on this browser */ }
  }

  function alertAdvisor(h) {
    beep(h.urgent);
    if ('Notification' in window && Notification.permission === 'granted' && document.hidden) {
      try { new Notification(t(h.urgent ? 'notify.urgent' : 'notify.waiting'), { body: centreName(h.centreId), tag: h.id }); } catch { /* ignore */ }
    }
  }

  function setLive(state) {
    var node = $('live');
    node.hidden = state === 'on';
    node.textContent = state === 'on' ? '' : t('live.reconnecting');
    document.body.setAttribute('data-live', state);
  }

  function connect(delay) {
    if (stream) stream.abort();
    var controller = new AbortController();
    stream = controller;
    var refresh = debounce(function () { loadQueue(); }, 150);
    fetch('/api/staff/events', { headers: { authorization: 'Bearer ' + token }, signal: controller.signal }).then(function (res) {
      if (res.status === 401) { signOut(); return; }
      if (!res.ok || !res.body) throw new Error('no stream');
      var reader = res.body.getReader();
      var decoder = new TextDecoder();
      var buffer = '';
      function read() {
        return reader.read().then(function (chunk) {
          if (chunk.done) throw new Error('stream ended');
          buffer += decoder.decode(chunk.value, { stream: true });
          var parts = buffer.split('\n\n');
          buffer = parts.pop();
          parts.forEach(function (block) {
            var type = (/^event: (.*)$/m.exec(block) || [])[1];
            if (type === 'ready') { setLive('on'); refresh(); }
            else if (type && type !== 'settings') refresh();
          });
          return read();
        });
      }
      return read();
    }).catch(function () {
      if (controller.signal.aborted || !token) return;
      setLive('off');
      var wait = Math.min((delay || 1000) * 2, 30000);
      setTimeout(function () { if (stream === controller) connect(wait); }, wait);
    });
  }

  function debounce(fn, ms) {
    var timer = null;
    return function () { clearTimeout(timer); timer = setTimeout(fn, ms); };
  }

  // --- the queue -------------------------------------------------------------------------------

  function personCount(h) { return h.messages.filter(function (m) { return m.sender === 'person'; }).length; }

  function loadQueue() {
    if (!token) return Promise.resolve();
    return api('/api/handoffs').then(function (body) {
      handoffs = body.handoffs || [];
      var first = known === null;
      var seen = known || {};
      known = {};
      handoffs.forEach(function (h) {
        known[h.id] = personCount(h);
        // A new handoff, or a new message from the person in one nobody or I have.
        if (!first && (seen[h.id] === undefined || known[h.id] > seen[h.id]) && (!h.claimedBy || h.claimedByEmail === me.email)) alertAdvisor(h);
      });
      renderQueue();
      if (currentId) {
        var open = handoffs.filter(function (h) { return h.id === currentId; })[0];
        if (open) renderConversation(open);
        else { $('reply-status').textContent = t('conversation.gone'); closeConversation(); }
      }
    });
  }

  function renderQueue() {
    var list = $('queue');
    list.replaceChildren();
    var waiting = handoffs.filter(function (h) { return !h.claimedBy; }).length;
    document.title = (waiting ? '(' + waiting + ') ' : '') + t('app.title');
    handoffs.forEach(function (h) {
      var item = el('li', null, 'queue-item' + (h.urgent ? ' urgent' : '') + (h.id === currentId ? ' current' : ''));
      item.setAttribute('data-id', h.id);
      var button = el('button', null, 'queue-open');
      button.type = 'button';
      var head = el('span', null, 'queue-head');
      if (h.urgent) head.appendChild(el('strong', t('queue.urgent'), 'badge urgent'));
      head.appendChild(el('span', (LANG_NAMES[h.lang] || h.lang) + (h.country ? ' · ' + h.country : ''), 'queue-lang'));
      head.appendChild(el('span', formatTime(h.createdAt, zoneOf(h.centreId), true), 'queue-time'));
      button.appendChild(head);
      // What the person last told in their own words, not the option tapped or the "yes" that agreed to the handoff.
      var fromPerson = h.messages.filter(function (m) { return m.sender === 'person' && !/^\/\w+$/.test(m.text); });
      var told = fromPerson.filter(function (m) { return readable(m.text).kind === 'text' && m.text.trim().split(/\s+/).length >= 3; });
      var lastPerson = told.pop() || fromPerson.pop();
      button.appendChild(said('span', lastPerson ? shortText(readable(lastPerson.text).text, 90) : '', 'queue-last'));
      var foot = el('span', null, 'queue-foot');
      if (me.role === 'admin') foot.appendChild(el('span', centreName(h.centreId)));
      foot.appendChild(el('span', h.claimedBy ? t('queue.claimedBy', { name: h.claimedByEmail || '?' }) : t('queue.unclaimed'), h.claimedBy ? 'claimed' : 'unclaimed'));
      button.appendChild(foot);
      button.addEventListener('click', function () { openConversation(h.id); });
      item.appendChild(button);
      list.appendChild(item);
    });
    if (!handoffs.length) list.appendChild(el('li', t('queue.empty'), 'empty'));
    var zones = {};
    handoffs.forEach(function (h) { zones[zoneOf(h.centreId)] = true; });
    if (me.centreId) { zones = {}; zones[zoneOf(me.centreId)] = true; }
    $('queue-zone').textContent = Object.keys(zones).map(zoneLabel).join(' · ');
  }

  function shortText(text, n) { return text.length > n ? text.slice(0, n - 1) + '…' : text; }

  // --- a conversation ------------------------------------------------------------------------------

  // What the person did, as they saw it: a tapped option shows its label, a command what it did.
  function readable(text) {
    var tap = /^\[([^\]]+)\]$/.exec(text);
    if (tap) return /^[\w-]+\.[\w-]+:[\w-]+$/.test(tap[1]) ? { kind: 'tap', text: t('transcript.tappedOption') } : { kind: 'tap', text: tap[1] };
    var command = /^\/(\w+)$/.exec(text);
    if (command) return { kind: 'system', text: t('transcript.command.' + command[1]) === 'transcript.command.' + command[1] ? text : t('transcript.command.' + command[1]) };
    if (/^\[location -?\d/.test(text)) return { kind: 'tap', text: t('transcript.location') };
    if (text === '[attachment]') return { kind: 'tap', text: t('transcript.attachment') };
    return { kind: 'text', text: text };
  }

  // A bot message with options "text [A] [B]": the text, and the options as chips.
  function botParts(text) {
    var m = /^([\s\S]*?)((?: \[[^\]]+\])+)$/.exec(text);
    if (!m) return { text: text, options: [] };
    return { text: m[1], options: m[2].trim().slice(1, -1).split('] [') };
  }

  function openConversation(id) {
    currentId = id;
    $('reply-status').textContent = '';
    document.body.classList.add('reading');
    var h = handoffs.filter(function (x) { return x.id === id; })[0];
    if (h) renderConversation(h);
    renderQueue();
    $('conversation').scrollIntoView({ block: 'start' });
  }

  function closeConversation() {
    currentId = null;
    $('conversation').hidden = true;
    document.body.classList.remove('reading');
    renderQueue();
  }
  $('back').addEventListener('click', closeConversation);

  function metaRow(list, label, value) {
    list.appendChild(el('dt', label));
    list.appendChild(el('dd', value));
  }

  function renderConversation(h) {
    $('conversation').hidden = false;
    var zone = zoneOf(h.centreId);
    var meta = $('conversation-meta');
    meta.replaceChildren();
    metaRow(meta, t('meta.language'), LANG_NAMES[h.lang] || h.lang);
    metaRow(meta, t('meta.country'), h.country || '—');
    metaRow(meta, t('meta.topic'), h.topic ? h.topic.replace(/[-_]/g, ' ') : '—');
    metaRow(meta, t('meta.centre'), centreName(h.centreId));
    metaRow(meta, t('meta.opened'), formatTime(h.createdAt, zone, true) + ' (' + zone.replace(/_/g, ' ') + ')');
    if (h.urgent) metaRow(meta, t('meta.urgency'), t('queue.urgent'));
    var mine = h.claimedByEmail === me.email;
    $('claim-status').textContent = h.claimedBy ? (mine ? t('conversation.yours') : t('queue.claimedBy', { name: h.claimedByEmail || '?' })) : t('queue.unclaimed');
    $('claim-status').className = h.claimedBy ? (mine ? 'mine' : 'claimed') : 'unclaimed';
    $('claim').hidden = mine;
    $('claim').textContent = h.claimedBy && !mine ? t('conversation.takeOver') : t('conversation.claim');
    $('reply').querySelector('[type=submit]').disabled = Boolean(h.claimedBy) && !mine;

    var transcript = $('transcript');
    var atBottom = transcript.scrollTop + transcript.clientHeight >= transcript.scrollHeight - 20;
    transcript.replaceChildren();
    // The assistant's last words (its handoff notice) mark where the advisor's part begins: it is quiet after them.
    var firstStaff = h.messages.findIndex(function (m) { return m.sender === 'staff'; });
    var before = firstStaff < 0 ? h.messages : h.messages.slice(0, firstStaff);
    var markAfter = -1;
    // Its notices while the person waits ("passed on") come later: the last bot message up to a few seconds after the handoff opened.
    var opened = Date.parse(h.createdAt);
    before.forEach(function (m, i) { if (m.sender === 'bot' && !(Date.parse(m.at) > opened + 5000)) markAfter = i; });
    var lastBot = null;
    h.messages.forEach(function (m, i) {
      if (m.sender === 'bot' && m.text === lastBot) return; // the same text twice (the welcome) once
      lastBot = m.sender === 'bot' ? m.text : null;
      var item = el('li', null, 'msg ' + m.sender + (m.internal ? ' internal' : ''));
      var who = m.sender === 'person' ? t('sender.person') : m.sender === 'bot' ? t('sender.bot') : m.internal ? t('sender.note', { name: m.author || '' }) : (m.author || t('sender.staff'));
      var head = el('div', null, 'msg-head');
      head.appendChild(el('span', who, 'sender'));
      head.appendChild(el('time', formatTime(m.at, zone, false)));
      if (m.sender === 'staff' && !m.internal && m.delivery) {
        var mark = el('span', t('delivery.' + m.delivery), 'delivery ' + m.delivery);
        if (m.delivery === 'failed' || m.delivery === 'undelivered') mark.title = t('delivery.failedHint');
        head.appendChild(mark);
      }
      item.appendChild(head);
      if (m.sender === 'person') {
        var r = readable(m.text);
        item.appendChild(said('div', r.text, 'text ' + r.kind));
      } else if (m.sender === 'bot') {
        var parts = botParts(m.text);
        item.appendChild(said('div', parts.text, 'text'));
        if (parts.options.length) {
          var chips = el('div', null, 'chips');
          parts.options.forEach(function (o) { chips.appendChild(said('span', o, 'chip')); });
          item.appendChild(chips);
        }
      } else item.appendChild(said('div', m.text, 'text'));
      if (m.sender === 'staff' && !m.internal && (m.delivery === 'failed' || m.delivery === 'undelivered')) item.appendChild(el('div', t('delivery.failedHint'), 'error small'));
      if (m.media && window.WegweiserMedia) item.appendChild(window.WegweiserMedia.render(m.media, token));
      transcript.appendChild(item);
      if (i === markAfter) transcript.appendChild(el('li', t('transcript.handoffBegan'), 'marker'));
    });
    if (markAfter < 0) transcript.insertBefore(el('li', t('transcript.handoffBegan'), 'marker'), transcript.firstChild);
    if (atBottom || transcript.getAttribute('data-id') !== h.id) transcript.scrollTop = transcript.scrollHeight;
    transcript.setAttribute('data-id', h.id);

    var reach = $('reach');
    reach.hidden = !h.canReply || h.canReply === 'now';
    reach.className = 'notice' + (h.canReply === 'no-template' ? ' blocked' : '');
    reach.textContent = h.canReply === 'no-template' ? t('reach.noTemplate') : h.canReply === 'template' ? t('reach.template') : '';

    renderCanned(h.lang);
    var attach = $('media-attach');
    if (window.WegweiserMedia && window.WegweiserMedia.attachControl && (!attach || attach.getAttribute('data-id') !== h.id)) {
      if (attach) attach.remove();
      attach = window.WegweiserMedia.attachControl(h.id, token, function () { loadQueue(); });
      attach.id = 'media-attach';
      attach.setAttribute('data-id', h.id);
      $('reply-actions').after(attach);
    }
  }

  function current() { return handoffs.filter(function (h) { return h.id === currentId; })[0]; }

  function claim(steal) {
    var h = current();
    if (!h) return Promise.resolve();
    return api('/api/handoffs/' + h.id + '/claim', { method: 'POST', body: steal ? { steal: true } : {} }).then(function (r) {
      $('reply-status').textContent = r.httpStatus === 200 ? t('conversation.claimed') : (r.httpStatus === 409 && r.claimedBy ? t('queue.claimedBy', { name: r.claimedBy }) : r.error);
      return loadQueue();
    });
  }

  $('claim').addEventListener('click', function () {
    var h = current();
    if (!h) return;
    if (h.claimedBy && h.claimedByEmail !== me.email) {
      confirmAction(t('confirm.takeOver', { name: h.claimedByEmail || '?' }), t('conversation.takeOver')).then(function (ok) { if (ok) claim(true); });
    } else claim(false);
  });

  $('handover').addEventListener('click', function () {
    var h = current();
    if (!h) return;
    var box = el('div');
    var whoLabel = el('label', t('handover.to'));
    var select = el('select');
    select.id = 'handover-to';
    select.appendChild(option('', t('handover.choose')));
    colleagues.filter(function (c) { return c.email !== me.email && !c.disabled && (c.role === 'admin' || c.centreId === h.centreId); }).forEach(function (c) {
      select.appendChild(option('staff:' + c.id, c.email));
    });
    Object.keys(centres).filter(function (id) { return centres[id].status === 'active' && id !== h.centreId; }).sort().forEach(function (id) {
      select.appendChild(option('centre:' + id, t('handover.centre', { centre: centreName(id) })));
    });
    whoLabel.appendChild(select);
    var noteLabel = el('label', t('handover.note'));
    var note = el('textarea');
    note.id = 'handover-note';
    note.rows = 3;
    note.maxLength = 4000;
    noteLabel.appendChild(note);
    box.appendChild(whoLabel);
    box.appendChild(noteLabel);
    confirmAction(t('confirm.handOver'), t('handover.submit'), box).then(function (ok) {
      if (!ok) return;
      var to = select.value;
      if (!to || !note.value.trim()) { $('reply-status').textContent = t('handover.missing'); return; }
      var body = { note: note.value.trim() };
      if (to.indexOf('staff:') === 0) body.toStaffId = to.slice(6); else body.toCentreId = to.slice(7);
      api('/api/handoffs/' + h.id + '/handover', { method: 'POST', body: body }).then(function (r) {
        $('reply-status').textContent = r.httpStatus === 200 ? t('handover.done') : r.error;
        loadQueue();
      });
    });
  });

  $('reply').addEventListener('submit', function (e) {
    e.preventDefault();
    var text = e.target.text.value.trim();
    var h = current();
    if (!h || !text) return;
    api('/api/handoffs/' + h.id + '/messages', { method: 'POST', body: { text: text } }).then(function (r) {
      $('reply-status').textContent = r.httpStatus === 201 ? t('reply.sent') : r.httpStatus === 202 ? t('reply.queued') : (r.httpStatus === 409 && r.claimedBy ? t('queue.claimedBy', { name: r.claimedBy }) : (r.error || t('reply.notSent')));
      if (r.httpStatus === 201 || r.httpStatus === 202) e.target.text.value = '';
      loadQueue();
    });
  });

  $('note').addEventListener('click', function () {
    var form = $('reply');
    var text = form.text.value.trim();
    var h = current();
    if (!h || !text) { form.text.focus(); return; }
    api('/api/handoffs/' + h.id + '/notes', { method: 'POST', body: { text: text } }).then(function (r) {
      $('reply-status').textContent = r.httpStatus === 201 ? t('reply.noted') : r.error;
      if (r.httpStatus === 201) form.text.value = '';
      loadQueue();
    });
  });

  $('close').addEventListener('click', function () {
    var h = current();
    if (!h) return;
    confirmAction(t('confirm.close'), t('reply.closeShort')).then(function (ok) {
      if (!ok) return;
      api('/api/handoffs/' + h.id + '/close', { method: 'POST', body: {} }).then(function (r) {
        $('reply-status').textContent = r.httpStatus === 200 ? t('reply.closed') : r.error;
        closeConversation();
        loadQueue();
      });
    });
  });

  // --- canned replies ----------------------------------------------------------------------------

  function loadCanned() {
    return api('/api/canned-replies').then(function (b) {
      canned = b.replies || [];
      var h = current();
      renderCanned(h ? h.lang : I.lang());
      renderCannedList();
    });
  }

  function renderCanned(lang) {
    var select = $('canned');
    select.replaceChildren();
    select.appendChild(option('', t('reply.cannedPick')));
    canned.filter(function (c) { return c.lang === lang; }).forEach(function (c) { select.appendChild(option(c.id, c.title)); });
    select.disabled = select.options.length < 2;
  }

  $('canned').addEventListener('change', function (e) {
    var c = canned.filter(function (x) { return x.id === e.target.value; })[0];
    if (c) { $('reply').text.value = c.text; $('reply').text.focus(); }
    e.target.value = '';
  });

  function renderCannedList() {
    var list = $('canned-list');
    list.replaceChildren();
    canned.forEach(function (c) {
      var item = el('li', null, 'row spread');
      item.appendChild(el('span', '[' + c.lang + '] ' + c.title + ' — ' + shortText(c.text, 60)));
      if (me.role === 'admin') {
        var remove = el('button', t('canned.remove'), 'danger');
        remove.type = 'button';
        remove.addEventListener('click', function () {
          confirmAction(t('confirm.removeCanned', { title: c.title }), t('canned.remove')).then(function (ok) {
            if (ok) api('/api/canned-replies/' + c.id, { method: 'DELETE' }).then(loadCanned);
          });
        });
        item.appendChild(remove);
      }
      list.appendChild(item);
    });
    if (!canned.length) list.appendChild(el('li', t('canned.none'), 'hint'));
  }

  $('canned-form').addEventListener('submit', function (e) {
    e.preventDefault();
    var f = e.target;
    api('/api/canned-replies', { method: 'POST', body: { centreId: f.centreId.value, lang: f.lang.value, title: f.title.value, text: f.text.value } }).then(function (r) {
      $('canned-status').textContent = r.httpStatus === 201 ? t('canned.saved') : r.error;
      if (r.httpStatus === 201) { f.title.value = ''; f.text.value = ''; }
      loadCanned();
    });
  });

  // --- appointments --------------------------------------------------------------------------------

  function dayCentre() { return me.centreId || $('centre').value; }

  function openDay() {
    var zone = zoneOf(dayCentre());
    if (!$('day').value) $('day').value = todayIn(zone);
    loadDay();
  }

  function loadDay() {
    var centreId = dayCentre();
    var zone = zoneOf(centreId);
    var day = $('day').value;
    $('day-zone').textContent = zoneLabel(zone);
    $('time-head').textContent = t('day.time', { zone: zone.replace(/_/g, ' ') });
    $('slot-label').textContent = t('book.time', { zone: zone.replace(/_/g, ' ') });
    api('/api/appointments?date=' + encodeURIComponent(day) + '&centreId=' + encodeURIComponent(centreId)).then(function (body) {
      var rows = $('appointments');
      rows.replaceChildren();
      var list = body.appointments || [];
      list.forEach(function (a) {
        var row = el('tr');
        row.appendChild(el('td', formatTime(a.start, zone, false)));
        [a.name || '', a.contact || '', a.reference].forEach(function (v) { row.appendChild(said('td', v)); });
        row.appendChild(el('td', t('status.' + (a.status === 'booked' && a.requested ? 'requested' : a.status))));
        var cell = el('td');
        // A time asked for at a centre whose hours are not confirmed: staff agree it with the person, then confirm it here.
        if (a.status === 'booked' && a.requested) {
          var confirm = el('button', t('day.confirmRequest'));
          confirm.type = 'button';
          confirm.addEventListener('click', function () {
            api('/api/appointments/' + a.id + '/confirm', { method: 'POST' }).then(function (r) { dayActionDone(r, t('day.requestConfirmed', { reference: a.reference })); });
          });
          cell.appendChild(confirm);
        }
        if (a.status === 'booked') {
          var cancel = el('button', t('day.cancel'), 'danger');
          cancel.type = 'button';
          cancel.addEventListener('click', function () {
            confirmAction(t('confirm.cancel', { reference: a.reference, time: formatTime(a.start, zone, true) }), t('day.cancelShort')).then(function (ok) {
              if (ok) api('/api/appointments/' + a.id, { method: 'DELETE' }).then(function (r) { dayActionDone(r, t('day.cancelled', { reference: a.reference })); });
            });
          });
          cell.appendChild(cancel);
        }
        row.appendChild(cell);
        rows.appendChild(row);
      });
      $('day-empty').hidden = list.length > 0;
    });
    fetch('/api/centres/' + encodeURIComponent(centreId) + '/slots?date=' + encodeURIComponent(day)).then(function (r) { return r.json(); }).then(function (body) {
      var select = $('slots');
      select.replaceChildren();
      (body.slots || []).forEach(function (s) { select.appendChild(option(s.start, s.local + ' · ' + t('book.free', { count: s.free }))); });
      if (!select.options.length) select.appendChild(option('', t('book.noSlots')));
    });
  }
  $('day').addEventListener('change', loadDay);
  $('centre').addEventListener('change', function () { $('day').value = todayIn(zoneOf(dayCentre())); loadDay(); });

  $('book').addEventListener('submit', function (e) {
    e.preventDefault();
    var f = e.target;
    if (!f.start.value) return;
    api('/api/appointments', { method: 'POST', body: { centreId: dayCentre(), start: f.start.value, name: f.name.value, contact: f.contact.value } }).then(function (r) {
      $('book-status').textContent = r.httpStatus === 201 ? t('book.booked', { reference: r.reference }) : (r.httpStatus === 409 ? t('book.taken') : (r.error || t('book.notBooked')));
      if (r.httpStatus === 201) { f.name.value = ''; f.contact.value = ''; }
      loadDay();
    });
  });

  // --- accounts (admins) ---------------------------------------------------------------------------

  function loadAccounts() {
    api('/api/staff').then(function (b) {
      colleagues = b.staff || [];
      var rows = $('accounts');
      rows.replaceChildren();
      colleagues.forEach(function (m) {
        var row = el('tr');
        row.appendChild(el('td', m.email));
        var role = el('select');
        ['advisor', 'admin'].forEach(function (r) { role.appendChild(option(r, t('role.' + r), r === m.role)); });
        var centre = el('select');
        centre.appendChild(option('', t('centre.all'), !m.centreId));
        Object.keys(centres).sort().forEach(function (id) { centre.appendChild(option(id, centreName(id), id === m.centreId)); });
        var lang = el('select');
        I.LANGS.forEach(function (l) { lang.appendChild(option(l, LANG_NAMES[l], l === m.lang)); });
        role.setAttribute('aria-label', t('accounts.role'));
        centre.setAttribute('aria-label', t('accounts.centre'));
        lang.setAttribute('aria-label', t('accounts.language'));
        var active = el('input');
        active.type = 'checkbox';
        active.checked = !m.disabled;
        active.setAttribute('aria-label', t('accounts.active'));
        [role, centre, lang].forEach(function (s) { var td = el('td'); td.appendChild(s); row.appendChild(td); });
        var activeCell = el('td'); activeCell.appendChild(active); row.appendChild(activeCell);
        var save = function (change) {
          api('/api/staff/' + m.id, { method: 'PATCH', body: change }).then(function (r) {
            $('invite-status').textContent = r.httpStatus === 200 ? t('accounts.saved', { email: m.email }) : r.error;
            loadAccounts();
          });
        };
        role.addEventListener('change', function () { save({ role: role.value }); });
        centre.addEventListener('change', function () { save({ centreId: centre.value }); });
        lang.addEventListener('change', function () { save({ lang: lang.value }); });
        active.addEventListener('change', function () {
          if (active.checked) return save({ disabled: false });
          confirmAction(t('confirm.disable', { email: m.email }), t('accounts.disable')).then(function (ok) { if (ok) save({ disabled: true }); else active.checked = true; });
        });
        var reset = el('button', t('accounts.reset'));
        reset.type = 'button';
        reset.addEventListener('click', function () {
          confirmAction(t('confirm.reset', { email: m.email }), t('accounts.reset')).then(function (ok) {
            if (!ok) return;
            api('/api/staff/' + m.id + '/reset', { method: 'POST', body: {} }).then(function (r) {
              $('invite-status').textContent = r.temporaryPassword ? t('accounts.password', { email: m.email, password: r.temporaryPassword }) : r.error;
            });
          });
        });
        var resetCell = el('td'); resetCell.appendChild(reset); row.appendChild(resetCell);
        rows.appendChild(row);
      });
    });
  }

  $('invite').addEventListener('submit', function (e) {
    e.preventDefault();
    var f = e.target;
    api('/api/staff', { method: 'POST', body: { email: f.email.value, role: f.role.value, centreId: f.centreId.value, lang: f.lang.value } }).then(function (r) {
      $('invite-status').textContent = r.httpStatus === 201 ? t('accounts.password', { email: r.email, password: r.temporaryPassword }) : r.error;
      if (r.httpStatus === 201) f.email.value = '';
      loadAccounts();
    });
  });

  // --- centre settings (admins) --------------------------------------------------------------------

  var DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

  function loadSettings() {
    var centreId = $('settings-centre').value;
    if (!centreId) return;
    api('/api/centres/' + encodeURIComponent(centreId) + '/settings').then(function (s) {
      var box = $('hours');
      box.replaceChildren();
      DAYS.forEach(function (d) {
        var label = el('label', null, 'day-hours');
        label.appendChild(el('span', t('weekday.' + d)));
        var input = el('input');
        input.name = 'hours-' + d;
        input.value = ((s.hours || {})[d] || []).join(', ');
        input.placeholder = '09:00-12:00, 13:00-16:00';
        input.dir = 'ltr';
        label.appendChild(input);
        box.appendChild(label);
      });
      var f = $('settings');
      f.holidays.value = (s.holidays || []).join('\n');
      f.capacity.value = s.capacity || 1;
    });
  }
  $('settings-centre').addEventListener('change', loadSettings);

  $('settings').addEventListener('submit', function (e) {
    e.preventDefault();
    var f = e.target;
    var hours = {};
    DAYS.forEach(function (d) {
      var ranges = f['hours-' + d].value.split(/[,;\s]+/).map(function (x) { return x.trim(); }).filter(Boolean);
      if (ranges.length) hours[d] = ranges;
    });
    var holidays = f.holidays.value.split(/\s+/).filter(Boolean);
    api('/api/centres/' + encodeURIComponent(f.centreId.value) + '/settings', { method: 'PUT', body: { hours: hours, holidays: holidays, capacity: Number(f.capacity.value) } }).then(function (r) {
      $('settings-status').textContent = r.httpStatus === 200 ? t('settings.saved') : r.error;
    });
  });

  // The media engineer's media.js, when it is there: loaded after the page so a missing file changes nothing.
  var media = document.createElement('script');
  media.src = '/staff/media.js';
  media.onload = function () { if (currentId) loadQueue(); };
  media.onerror = function () { media.remove(); };
  document.body.appendChild(media);

  start();
})();
