// The console's texts in the advisor's language: flat keys from /staff/locales/<lang>/<ns>.json,
// with English as the fallback for a key a language lacks. Pages call
//   WegweiserI18n.load(lang, ['console']).then(function () { WegweiserI18n.apply(document); })
// and t('queue.title', { count: 3 }) for texts they build; {{name}} in a text is replaced.
// Elements carry data-i18n (text), data-i18n-placeholder, data-i18n-title or data-i18n-aria-label.
(function () {
  'use strict';
  var LANGS = ['en', 'fr', 'ar', 'de', 'ur', 'id', 'sq', 'sr', 'es'];
  var RTL = { ar: true, ur: true };
  var current = 'en';
  var strings = {};
  var fallback = {};

  function fetchTexts(lang, ns) {
    return fetch('/staff/locales/' + lang + '/' + ns + '.json')
      .then(function (res) { return res.ok ? res.json() : {}; })
      .catch(function () { return {}; });
  }

  function merge(target, texts) {
    Object.keys(texts).forEach(function (k) { target[k] = texts[k]; });
  }

  function load(lang, namespaces) {
    current = LANGS.indexOf(lang) >= 0 ? lang : 'en';
    document.documentElement.lang = current;
    document.documentElement.dir = RTL[current] ? 'rtl' : 'ltr';
    return Promise.all(namespaces.map(function (ns) {
      return Promise.all([fetchTexts('en', ns), current === 'en' ? {} : fetchTexts(current, ns)]);
    })).then(function (pairs) {
      strings = {}; fallback = {};
      pairs.forEach(function (pair) { merge(fallback, pair[0]); merge(strings, pair[1]); });
    });
  }

  function t(key, vars) {
    var text = Object.prototype.hasOwnProperty.call(strings, key) ? strings[key]
      : Object.prototype.hasOwnProperty.call(fallback, key) ? fallback[key] : key;
    return String(text).replace(/\{\{\s*(\w+)\s*\}\}/g, function (_m, name) {
      return vars && vars[name] !== undefined ? String(vars[name]) : '';
    });
  }

  function apply(root) {
    var attrs = { 'data-i18n-placeholder': 'placeholder', 'data-i18n-title': 'title', 'data-i18n-aria-label': 'aria-label' };
    root.querySelectorAll('[data-i18n]').forEach(function (node) { node.textContent = t(node.getAttribute('data-i18n')); });
    Object.keys(attrs).forEach(function (attr) {
      root.querySelectorAll('[' + attr + ']').forEach(function (node) { node.setAttribute(attrs[attr], t(node.getAttribute(attr))); });
    });
  }

  window.WegweiserI18n = {
    LANGS: LANGS,
    load: load,
    t: t,
    apply: apply,
    lang: function () { return current; },
    isRtl: function () { return !!RTL[current]; },
  };
})();
