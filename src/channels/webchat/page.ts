/**
 * The web chat page: the official Bot Framework Web Chat, bundled from npm and served by this
 * server (no CDN, so the page works offline on a centre's network), talking to our own Direct
 * Line endpoint. Right to left for Arabic and Urdu; the browser's language as the hint; a
 * "share location" button using the browser's geolocation.
 */
import { createHash } from 'node:crypto';
import { LANGS } from '../../core/lang.js';

/** Web Chat's own interface strings exist for these locales; others fall back to English there. */
const WEBCHAT_LOCALES: Record<string, string> = {
  en: 'en-US', fr: 'fr-FR', ar: 'ar-EG', de: 'de-DE', ur: 'ur-PK', id: 'id-ID', sq: 'sq', sr: 'sr-Latn', es: 'es-ES',
};

/** A CSP source that allows exactly this inline script. */
function scriptHash(inline: string): string {
  return `'sha256-${createHash('sha256').update(inline, 'utf8').digest('base64')}'`;
}

/**
 * The page's Content-Security-Policy: scripts only from this server plus the page's own inline
 * script (by hash), connections only to this server (and its WebSocket stream), embedding only by
 * `frameAncestors`. Styles may be inline: Web Chat writes its styles into the page at run time.
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

export function webChatPage(shareLocationLabels: Record<string, string>): string {
  const config = JSON.stringify({ langs: LANGS, locales: WEBCHAT_LOCALES, shareLocation: shareLocationLabels });
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Wegweiser</title>
<style>
  html, body { height: 100%; margin: 0; font-family: system-ui, sans-serif; }
  body { display: flex; flex-direction: column; }
  header { display: flex; align-items: center; justify-content: space-between; gap: .5rem; padding: .5rem .75rem; background: #0b4f6c; color: #fff; }
  header h1 { font-size: 1.1rem; margin: 0; }
  header button { font: inherit; padding: .35rem .7rem; border-radius: 1rem; border: 0; background: #fff; color: #0b4f6c; cursor: pointer; }
  #webchat { flex: 1; min-height: 0; }
</style>
</head>
<body>
<header><h1>Wegweiser</h1><button id="share-location" type="button"></button></header>
<main id="webchat" aria-live="polite"></main>
<script src="/webchat/webchat.js"></script>
<script>
(function () {
  var config = ${config};
  var asked = new URLSearchParams(location.search).get('lang') || navigator.language || 'en';
  var lang = asked.toLowerCase().split(/[-_]/)[0];
  if (config.langs.indexOf(lang) < 0) lang = 'en';
  var rtl = lang === 'ar' || lang === 'ur';
  document.documentElement.lang = lang;
  document.documentElement.dir = rtl ? 'rtl' : 'ltr';
  var locale = config.locales[lang];
  var button = document.getElementById('share-location');
  button.textContent = config.shareLocation[lang];
  var directLine;
  var userID = 'web-' + Math.random().toString(36).slice(2);

  function shareLocation() {
    if (!navigator.geolocation) return;
    navigator.geolocation.getCurrentPosition(function (pos) {
      directLine.postActivity({ type: 'message', from: { id: userID }, locale: locale, value: { location: { lat: pos.coords.latitude, lon: pos.coords.longitude } } }).subscribe();
    });
  }
  button.addEventListener('click', shareLocation);

  var store = window.WebChat.createStore({}, function (api) {
    return function (next) {
      return function (action) {
        if (action.type === 'DIRECT_LINE/CONNECT_FULFILLED') {
          api.dispatch({ type: 'WEB_CHAT/SEND_EVENT', payload: { name: 'webchat/join', value: { lang: lang } } });
        }
        var activity = action.type === 'DIRECT_LINE/POST_ACTIVITY' && action.payload && action.payload.activity;
        if (activity && activity.value && activity.value.requestLocation) { shareLocation(); return; }
        return next(action);
      };
    };
  });

  fetch('/v3/directline/tokens/generate', { method: 'POST' })
    .then(function (res) { return res.json(); })
    .then(function (body) {
      directLine = window.WebChat.createDirectLine({ token: body.token, domain: location.origin + '/v3/directline' });
      window.WebChat.renderWebChat({
        directLine: directLine, store: store, userID: userID, locale: locale,
        styleOptions: { hideUploadButton: true, suggestedActionLayout: 'flow', suggestedActionsStackedHeightContainerMaxHeight: 160, bubbleBorderRadius: 12, bubbleFromUserBorderRadius: 12, accent: '#0b4f6c' }
      }, document.getElementById('webchat'));
    });
})();
</script>
</body>
</html>`;
}
