/**
 * The web chat page: the official Bot Framework Web Chat, bundled from npm and served by this
 * server (no CDN, so the page works offline on a centre's network), talking to our own Direct
 * Line endpoint. One page per language (`?lang=xx`, else Accept-Language, else English): its
 * `<html lang dir>`, title and description, and Web Chat's own strings in that language (right to
 * left for Arabic and Urdu). The page keeps its conversation across a reload (session storage),
 * collapses long option lists on a phone, and offers "share location" through the browser.
 */
import { createHash } from 'node:crypto';
import { isRightToLeft, langFromLocale, type Lang } from '../../core/lang.js';

/** The locale Web Chat gets: it picks its built-in strings and date formats by it. */
const WEBCHAT_LOCALES: Record<Lang, string> = {
  en: 'en-US', fr: 'fr-FR', ar: 'ar-SA', de: 'de-DE', ur: 'ur-PK', id: 'id-ID', sq: 'sq-AL', sr: 'sr-Latn-RS', es: 'es-ES',
};

/** The languages Web Chat formats dates in (its bundled CLDR data); others get the browser's. */
const WEBCHAT_HAS_DATES = new Set<Lang>(['en', 'fr', 'ar', 'de', 'id', 'sr', 'es']);

/**
 * Web Chat's strings we give in every language (its own translations miss Urdu and Albanian, and
 * most of the keyboard help and screen-reader texts elsewhere): Web Chat's key -> our key, and the
 * variable that stands for Web Chat's `$1`.
 */
const WEBCHAT_STRINGS: Record<string, [key: string, placeholder?: string]> = {
  TEXT_INPUT_PLACEHOLDER: ['webchat.ui.placeholder'],
  TEXT_INPUT_ALT: ['webchat.ui.inputLabel'],
  TEXT_INPUT_SEND_BUTTON_ALT: ['webchat.ui.send'],
  SEND_BOX_IS_EMPTY_TOOLTIP_ALT: ['webchat.ui.emptyMessage'],
  ACTIVITY_STATUS_TIMESTAMP_JUST_NOW: ['webchat.ui.justNow'],
  ACTIVITY_STATUS_TIMESTAMP_ONE_MINUTE_AGO: ['webchat.ui.oneMinuteAgo'],
  ACTIVITY_STATUS_TIMESTAMP_ONE_HOUR_AGO: ['webchat.ui.oneHourAgo'],
  ACTIVITY_STATUS_TIMESTAMP_TODAY: ['webchat.ui.today'],
  ACTIVITY_STATUS_TIMESTAMP_YESTERDAY: ['webchat.ui.yesterday'],
  ACTIVITY_STATUS_SEND_STATUS_ALT_SENDING: ['webchat.ui.sending'],
  ACTIVITY_STATUS_SEND_STATUS_ALT_SENT_AT: ['webchat.ui.sentAt', 'time'],
  ACTIVITY_STATUS_SEND_FAILED_RETRY: ['webchat.ui.sendFailed'],
  ACTIVITY_BOT_SAID_ALT: ['webchat.ui.botSaid'],
  ACTIVITY_YOU_SAID_ALT: ['webchat.ui.youSaid'],
  CONNECTIVITY_STATUS_ALT_CONNECTED: ['webchat.ui.connected'],
  CONNECTIVITY_STATUS_ALT_CONNECTING: ['webchat.ui.connecting'],
  CONNECTIVITY_STATUS_ALT_FATAL: ['webchat.ui.unableToConnect'],
  CONNECTIVITY_STATUS_ALT_RECONNECTING: ['webchat.ui.reconnecting'],
  CONNECTIVITY_STATUS_ALT_SLOW_CONNECTION: ['webchat.ui.slowConnection'],
  CONNECTIVITY_STATUS_ALT_RENDER_ERROR: ['webchat.ui.renderError'],
  CONNECTIVITY_STATUS_ALT: ['webchat.ui.connectivityStatus', 'status'],
  SUGGESTED_ACTIONS_LABEL_ALT: ['webchat.ui.suggestedActions'],
  SUGGESTED_ACTIONS_FLIPPER_NEXT_ALT: ['webchat.ui.next'],
  SUGGESTED_ACTIONS_FLIPPER_PREVIOUS_ALT: ['webchat.ui.previous'],
  CAROUSEL_FLIPPER_NEXT_ALT: ['webchat.ui.next'],
  CAROUSEL_FLIPPER_PREVIOUS_ALT: ['webchat.ui.previous'],
  TRANSCRIPT_ARIA_LABEL_ALT: ['webchat.ui.transcriptLabel'],
  TRANSCRIPT_ARIA_ROLE_ALT: ['webchat.ui.transcriptRole'],
  TRANSCRIPT_MORE_MESSAGES: ['webchat.ui.moreMessages'],
  TRANSCRIPT_NEW_MESSAGES: ['webchat.ui.newMessages'],
  TRANSCRIPT_TERMINATOR_TEXT: ['webchat.ui.endOfHistory'],
  TRANSCRIPT_LIVE_REGION_SUGGESTED_ACTIONS_LABEL_ALT: ['webchat.ui.hasSuggestedActions'],
  TRANSCRIPT_LIVE_REGION_INTERACTIVE_WITH_LINKS_LABEL_ALT: ['webchat.ui.hasLinks'],
  TRANSCRIPT_LIVE_REGION_INTERACTIVE_LABEL_ALT: ['webchat.ui.isInteractive'],
  TRANSCRIPT_LIVE_REGION_SEND_FAILED_ALT: ['webchat.ui.failedToSend'],
  ACTIVITY_INTERACTIVE_FOOTNOTE_ALT: ['webchat.ui.clickToInteract'],
  ACTIVITY_INTERACTIVE_REASON_LINK_ALT: ['webchat.ui.linksInMessage'],
  MARKDOWN_EXTERNAL_LINK_ALT: ['webchat.ui.externalLink'],
  TYPING_INDICATOR_ALT: ['webchat.ui.typing'],
  KEYBOARD_HELP_HEADER: ['webchat.ui.keyboard.title'],
  KEYBOARD_HELP_CLOSE_BUTTON_ALT: ['webchat.ui.keyboard.close'],
  KEYBOARD_HELP_CHAT_HISTORY_HEADER: ['webchat.ui.keyboard.history'],
  KEYBOARD_HELP_CHAT_HISTORY_ACCESS_ITEMS_IN_MESSAGE_HEADER: ['webchat.ui.keyboard.accessItems'],
  KEYBOARD_HELP_CHAT_HISTORY_ACCESS_ITEMS_IN_MESSAGE_BODY: ['webchat.ui.keyboard.enterKey'],
  KEYBOARD_HELP_CHAT_HISTORY_LEAVE_MESSAGE_HEADER: ['webchat.ui.keyboard.exitMessage'],
  KEYBOARD_HELP_CHAT_HISTORY_LEAVE_MESSAGE_BODY: ['webchat.ui.keyboard.escapeKey'],
  KEYBOARD_HELP_CHAT_HISTORY_MOVE_BETWEEN_ITEMS_HEADER: ['webchat.ui.keyboard.moveInMessage'],
  KEYBOARD_HELP_CHAT_HISTORY_MOVE_BETWEEN_ITEMS_BODY: ['webchat.ui.keyboard.tabKeys'],
  KEYBOARD_HELP_CHAT_HISTORY_MOVE_BETWEEN_MESSAGES_HEADER: ['webchat.ui.keyboard.moveBetweenMessages'],
  KEYBOARD_HELP_CHAT_HISTORY_MOVE_BETWEEN_MESSAGES_BODY: ['webchat.ui.keyboard.arrowKeys'],
  KEYBOARD_HELP_CHAT_WINDOW_HEADER: ['webchat.ui.keyboard.chatWindow'],
  KEYBOARD_HELP_CHAT_WINDOW_BODY_DO_ACTION_HEADER: ['webchat.ui.keyboard.doAction'],
  KEYBOARD_HELP_CHAT_WINDOW_BODY_DO_ACTION_BODY: ['webchat.ui.keyboard.enterKey'],
  KEYBOARD_HELP_CHAT_WINDOW_BODY_MOVE_BETWEEN_ITEMS_HEADER: ['webchat.ui.keyboard.moveInWindow'],
  KEYBOARD_HELP_CHAT_WINDOW_BODY_MOVE_BETWEEN_ITEMS_BODY: ['webchat.ui.keyboard.tabKeys'],
};

/** A text of ours in one language. */
type Text = (lang: Lang, key: string) => string;

/** Our `{{name}}` as Web Chat's `$1`. */
const asDollarOne = (text: string, name: string) => text.split(`{{${name}}}`).join('$1');

/** Web Chat's strings in one language, for its `overrideLocalizedStrings`. */
export function webChatStrings(t: Text, lang: Lang): Record<string, string> {
  return Object.fromEntries(
    Object.entries(WEBCHAT_STRINGS).map(([name, [key, placeholder]]) => [name, placeholder ? asDollarOne(t(lang, key), placeholder) : t(lang, key)]),
  );
}

/** The languages of an Accept-Language header, most wanted first (q=0 means "not this one"). */
function acceptedLanguages(header: string): string[] {
  return header
    .split(',')
    .map((part, i) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q), i };
    })
    .filter((l) => l.tag && l.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i)
    .map((l) => l.tag);
}

/** The page's language: `?lang=xx` (or xx-YY), else the first of Accept-Language we speak, else English. */
export function pageLanguage(asked: unknown, acceptLanguage: string | undefined): Lang {
  const fromQuery = typeof asked === 'string' ? langFromLocale(asked.slice(0, 35)) : undefined;
  if (fromQuery) return fromQuery;
  for (const tag of acceptedLanguages((acceptLanguage ?? '').slice(0, 500))) {
    const lang = langFromLocale(tag);
    if (lang) return lang;
  }
  return 'en';
}

/** A CSP source that allows exactly this inline script. */
function scriptHash(inline: string): string {
  return `'sha256-${createHash('sha256').update(inline, 'utf8').digest('base64')}'`;
}

/**
 * The page's Content-Security-Policy: scripts only from this server plus the page's own inline
 * script (by hash; the page's data is a JSON block, which is not run), connections only to this
 * server (and its WebSocket stream), embedding only by `frameAncestors`. Styles may be inline:
 * Web Chat writes its styles into the page at run time.
 */
export function webChatContentSecurityPolicy(page: string, opts: { frameAncestors: string; publicBaseUrl: string }): string {
  const inlineScripts = [...page.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => scriptHash(m[1]!));
  const origin = new URL(opts.publicBaseUrl).origin;
  return [
    "default-src 'self'",
    `script-src 'self' ${inlineScripts.join(' ')}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "media-src 'self' data: blob:",
    `connect-src 'self' ${origin} ${origin.replace(/^http/, 'ws')}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    `frame-ancestors ${opts.frameAncestors}`,
  ].join('; ');
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** JSON that may stand inside a <script> element: no "</script>" or "<!--" can end it early. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/**
 * The page's script, the same in every language (so one hash allows it): it reads its language's
 * texts from the JSON block, keeps the conversation in session storage and resumes it after a
 * reload, and collapses long option lists on a narrow screen.
 */
const PAGE_SCRIPT = `
(function () {
  var config = JSON.parse(document.getElementById('wegweiser-config').textContent);
  var KEY = 'wegweiser.webchat';
  var DL = location.origin + '/v3/directline';
  /** Options shown on a phone before "more": the rest wait behind it. */
  var FIRST = 3;
  var phone = window.matchMedia('(max-width: 480px)');
  var button = document.getElementById('share-location');
  var directLine, saved, hidden = null;

  function load() {
    try {
      var s = JSON.parse(sessionStorage.getItem(KEY) || 'null');
      return s && typeof s.conversationId === 'string' && typeof s.token === 'string' && s.expiresAt > Date.now() + 30000 ? s : null;
    } catch (e) { return null; }
  }
  function save() {
    try { sessionStorage.setItem(KEY, JSON.stringify(saved)); } catch (e) { /* storage off: the chat works, a reload starts again */ }
  }
  function forget() {
    try { sessionStorage.removeItem(KEY); } catch (e) { /* nothing kept */ }
  }
  function call(method, path, token) {
    return fetch(DL + path, { method: method, headers: token ? { authorization: 'Bearer ' + token } : {} }).then(function (res) {
      if (!res.ok) throw new Error(String(res.status));
      return res.json();
    });
  }
  /** A fresh token for the same conversation, well before the old one expires (the server caps the total lifetime). */
  function refresh() {
    if (!saved || saved.expiresAt - Date.now() > 10 * 60000) return;
    call('POST', '/tokens/refresh', saved.token).then(function (body) {
      saved.token = body.token;
      saved.expiresAt = Date.now() + body.expires_in * 1000;
      save();
    }, function () { /* expired for good: the next reload starts a new conversation */ });
  }

  function shareLocation() {
    if (!navigator.geolocation || !directLine) return;
    navigator.geolocation.getCurrentPosition(function (pos) {
      directLine.postActivity({ type: 'message', from: { id: saved.userID }, locale: config.locale, value: { location: { lat: pos.coords.latitude, lon: pos.coords.longitude } } }).subscribe();
    });
  }
  button.textContent = config.shareLocation;
  button.addEventListener('click', shareLocation);

  /** On a phone a long list shows its first options and "more", which reveals the rest. */
  function collapse(actions) {
    hidden = null;
    if (!phone.matches || !actions || actions.length <= FIRST + 1) return actions;
    hidden = actions.slice(FIRST);
    var more = config.moreOptions.replace('$1', hidden.length.toLocaleString(config.locale));
    return actions.slice(0, FIRST).concat([{ type: 'messageBack', title: more, value: { wegweiserMore: true } }]);
  }

  /**
   * Where Web Chat has no date formats for the language (it writes "November 23 at 10:00 AM" in
   * Urdu), the time a message was sent is written by the browser in the page's language.
   */
  var timeFormat = config.ownTimes && new Intl.DateTimeFormat(config.locale, { month: 'long', day: 'numeric', hour: 'numeric', minute: '2-digit' });
  /** A React element of one span (the bundle keeps React to itself; this is an element's whole shape). */
  function span(value, style) {
    return { $$typeof: Symbol.for('react.element'), type: 'span', key: null, ref: null, props: { children: value, style: style, dir: config.dir }, _owner: null, _store: {} };
  }
  var SUBTLE = { color: '#767676', fontSize: '80%' };
  var SCREEN_READER_ONLY = { position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' };
  function timesInOurLanguage() {
    return function (next) {
      return function (args) {
        var activity = args.activity;
        if (!activity.timestamp || (activity.from.role !== 'bot' && args.sendState !== 'sent')) return next(args);
        var time = timeFormat.format(new Date(activity.timestamp));
        // In a group only the last message shows its time; the others tell it to a screen reader.
        return args.hideTimestamp ? span(config.strings.ACTIVITY_STATUS_SEND_STATUS_ALT_SENT_AT.replace('$1', time), SCREEN_READER_ONLY) : span(time, SUBTLE);
      };
    };
  }

  var joining = false, greeted = false;
  /**
   * Joining starts the conversation (the greeting). A join lost on the way (a dropped request, a
   * busy server) is posted again, under the same id, so the server answers it once. After two posts
   * with no word back, the join may have been answered and its greeting lost: a join under a new id
   * asks for the greeting again rather than leave the page empty.
   */
  function join(attempt) {
    joining = true;
    var id = attempt <= 2 ? 'join' : 'join-' + attempt;
    directLine.postActivity({ type: 'event', name: 'webchat/join', value: { lang: config.lang }, from: { id: saved.userID, role: 'user' }, locale: config.locale, channelData: { clientActivityID: id } })
      .subscribe(function () {}, function () {});
    setTimeout(function () { if (!greeted && attempt < 4) join(attempt + 1); }, 6000);
  }

  function start(resumed) {
    var store = window.WebChat.createStore({}, function (api) {
      return function (next) {
        return function (action) {
          if (action.type === 'DIRECT_LINE/CONNECT_FULFILLED' && !resumed && !joining) join(1);
          if (action.type === 'DIRECT_LINE/INCOMING_ACTIVITY' && action.payload.activity.from && action.payload.activity.from.role === 'bot') greeted = true;
          if (action.type === 'WEB_CHAT/SET_SUGGESTED_ACTIONS') {
            action = { type: action.type, payload: Object.assign({}, action.payload, { suggestedActions: collapse(action.payload.suggestedActions) }) };
          }
          if (action.type === 'WEB_CHAT/SEND_MESSAGE_BACK' && action.payload && action.payload.value && action.payload.value.wegweiserMore) {
            var all = api.getState().suggestedActions.slice(0, FIRST).concat(hidden || []);
            next({ type: 'WEB_CHAT/SET_SUGGESTED_ACTIONS', payload: { suggestedActions: all } });
            // Keyboard and screen reader: on to the first option that was hidden, once it is there.
            var tries = 0;
            (function focusRevealed() {
              var buttons = document.querySelectorAll('.webchat__suggested-actions button');
              if (buttons.length === all.length && buttons[FIRST]) return buttons[FIRST].focus();
              if (++tries < 40) setTimeout(focusRevealed, 25);
            })();
            return;
          }
          var activity = action.type === 'DIRECT_LINE/POST_ACTIVITY' && action.payload && action.payload.activity;
          if (activity && activity.value && activity.value.requestLocation) { shareLocation(); return; }
          return next(action);
        };
      };
    });
    directLine = window.WebChat.createDirectLine(
      // Resumed: Direct Line's reconnect (GET conversations/{id}) from the start of what the server
      // keeps, so the transcript comes back with what was said while the page was away.
      resumed ? { token: saved.token, conversationId: saved.conversationId, watermark: '0', domain: DL } : { token: saved.token, domain: DL }
    );
    window.WebChat.renderWebChat({
      directLine: directLine, store: store, userID: saved.userID, locale: config.locale, dir: config.dir,
      overrideLocalizedStrings: config.strings,
      activityStatusMiddleware: config.ownTimes ? timesInOurLanguage : undefined,
      styleOptions: {
        hideUploadButton: true, suggestedActionLayout: 'flow', bubbleBorderRadius: 12, bubbleFromUserBorderRadius: 12, accent: '#0b4f6c',
        suggestedActionHeight: 36, suggestedActionBorderRadius: 18
      }
    }, document.getElementById('webchat'));
    setInterval(refresh, 60000);
  }

  function fresh() {
    forget();
    call('POST', '/tokens/generate').then(function (body) {
      saved = { conversationId: body.conversationId, token: body.token, expiresAt: Date.now() + body.expires_in * 1000, userID: 'web-' + Math.random().toString(36).slice(2) };
      save();
      start(false);
    });
  }

  var kept = load();
  if (!kept) return fresh();
  // Still kept on the server? Else (expired, forgotten) a new conversation.
  call('GET', '/conversations/' + encodeURIComponent(kept.conversationId) + '?watermark=0', kept.token).then(function () {
    saved = kept;
    refresh();
    start(true);
  }, fresh);
})();
`;

export interface WebChatPageTexts {
  title: string;
  description: string;
  chatLabel: string;
  shareLocation: string;
  /** "More options ($1)": $1 is the number of hidden options. */
  moreOptions: string;
  /** Web Chat's own strings (see webChatStrings). */
  strings: Record<string, string>;
}

/** The page's texts in one language. */
export function webChatPageTexts(t: Text, lang: Lang): WebChatPageTexts {
  return {
    title: t(lang, 'webchat.page.title'),
    description: t(lang, 'webchat.page.description'),
    chatLabel: t(lang, 'webchat.page.chatLabel'),
    shareLocation: t(lang, 'system.shareLocation'),
    moreOptions: asDollarOne(t(lang, 'webchat.moreOptions'), 'n'),
    strings: webChatStrings(t, lang),
  };
}

export function webChatPage(lang: Lang, texts: WebChatPageTexts): string {
  const dir = isRightToLeft(lang) ? 'rtl' : 'ltr';
  const config = { lang, locale: WEBCHAT_LOCALES[lang], dir, ownTimes: !WEBCHAT_HAS_DATES.has(lang), shareLocation: texts.shareLocation, moreOptions: texts.moreOptions, strings: texts.strings };
  return `<!doctype html>
<html lang="${lang}" dir="${dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(texts.title)}</title>
<meta name="description" content="${escapeHtml(texts.description)}">
<style>
  html, body { height: 100%; margin: 0; font-family: system-ui, sans-serif; }
  body { display: flex; flex-direction: column; }
  header { display: flex; align-items: center; justify-content: space-between; gap: .5rem; padding: .5rem .75rem; background: #0b4f6c; color: #fff; }
  header { padding-inline: max(.75rem, calc((100% - 48rem) / 2 + .75rem)); }
  header h1 { font-size: 1.1rem; margin: 0; }
  header button { font: inherit; padding: .35rem .7rem; border-radius: 1rem; border: 0; background: #fff; color: #0b4f6c; cursor: pointer; }
  #webchat { flex: 1; min-height: 0; width: 100%; max-width: 48rem; margin: 0 auto; box-sizing: border-box; }
  @media (min-width: 50rem) { #webchat { border-inline: 1px solid #e3e3e3; } }
</style>
</head>
<body>
<header><h1>Wegweiser</h1><button id="share-location" type="button"></button></header>
<main id="webchat" aria-label="${escapeHtml(texts.chatLabel)}"></main>
<script type="application/json" id="wegweiser-config">${scriptJson(config)}</script>
<script src="/webchat/webchat.js"></script>
<script>${PAGE_SCRIPT}</script>
</body>
</html>`;
}
