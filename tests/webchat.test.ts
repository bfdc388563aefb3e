/**
 * Web chat over our own Direct Line endpoint, driven by Microsoft's own client library
 * (botframework-directlinejs, as Web Chat uses it) against the running server: tokens, the
 * WebSocket stream, suggested actions, a tapped option, a question, and the security rules.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import XMLHttpRequest from 'xhr2';
import { startTestServer, type RunningServer } from './support/server.js';

Object.assign(globalThis, { XMLHttpRequest, WebSocket });
const { DirectLine } = await import('botframework-directlinejs');

interface BotActivity {
  type: string;
  from: { id: string; role?: string };
  text?: string;
  suggestedActions?: { actions: { title: string; value?: { choice?: string } }[] };
}

let server: RunningServer;
beforeAll(async () => {
  server = await startTestServer({});
});
afterAll(async () => server.close());

async function token(): Promise<{ token: string; conversationId: string }> {
  const res = await fetch(`${server.base}/v3/directline/tokens/generate`, { method: 'POST' });
  expect(res.status).toBe(200);
  return (await res.json()) as { token: string; conversationId: string };
}

/** Waits until the bot has said something matching `test` since the last call. */
function collector(dl: InstanceType<typeof DirectLine>) {
  const seen: BotActivity[] = [];
  let waiting: { test: (a: BotActivity) => boolean; resolve: (a: BotActivity) => void } | undefined;
  dl.activity$.subscribe({
    next: (a) => {
      const activity = a as unknown as BotActivity;
      if (activity.from.role !== 'bot' && activity.from.id !== 'wegweiser') return;
      seen.push(activity);
      if (waiting?.test(activity)) waiting.resolve(activity);
    },
    error: () => undefined, // the stream ends with the test
  });
  return {
    seen,
    next: (test: (a: BotActivity) => boolean) =>
      new Promise<BotActivity>((resolve, reject) => {
        const found = seen.find(test);
        if (found) return resolve(found);
        const timer = setTimeout(() => reject(new Error(`no such bot activity; seen: ${seen.map((s) => s.text).join(' | ')}`)), 10_000);
        waiting = { test, resolve: (a) => (clearTimeout(timer), resolve(a)) };
      }),
  };
}

function post(dl: InstanceType<typeof DirectLine>, activity: Record<string, unknown>): Promise<string> {
  return new Promise((resolve, reject) => dl.postActivity({ from: { id: 'web-user' }, ...activity } as never).subscribe({ next: resolve, error: reject }));
}

describe('Direct Line for web chat', () => {
  it('holds a conversation over the WebSocket stream with suggested actions', async () => {
    const { token: t } = await token();
    const dl = new DirectLine({ token: t, domain: `${server.base}/v3/directline`, webSocket: true });
    const bot = collector(dl);
    await post(dl, { type: 'event', name: 'webchat/join', locale: 'fr-FR' });
    const menu = await bot.next((a) => Boolean(a.suggestedActions?.actions.length));
    expect(bot.seen.map((a) => a.text).join('\n')).toContain('Wegweiser');
    expect(menu.suggestedActions!.actions.map((a) => a.title)).toContain('Parler à une personne');

    const risks = menu.suggestedActions!.actions.find((a) => a.value?.choice === 'main.menu:risks')!;
    await post(dl, { type: 'message', text: undefined, value: risks.value, locale: 'fr-FR' });
    await bot.next((a) => a.text?.includes('Avant de décider') ?? false);

    await post(dl, { type: 'message', text: "c'est quoi la carte bleue européenne", locale: 'fr-FR' });
    const answer = await bot.next((a) => a.text?.includes('https://') ?? false);
    expect(answer.text).toMatch(/\*\*.+\*\*/);
    dl.end();
  });

  it('lets a client poll with a watermark instead of a socket', async () => {
    const { token: t, conversationId } = await token();
    const headers = { authorization: `Bearer ${t}`, 'content-type': 'application/json' };
    expect((await fetch(`${server.base}/v3/directline/conversations`, { method: 'POST', headers })).status).toBe(201);
    const res = await fetch(`${server.base}/v3/directline/conversations/${conversationId}/activities`, {
      method: 'POST', headers, body: JSON.stringify({ type: 'message', from: { id: 'u1' }, text: 'hello', locale: 'en-US' }),
    });
    expect(res.status).toBe(200);
    const all = (await (await fetch(`${server.base}/v3/directline/conversations/${conversationId}/activities?watermark=0`, { headers })).json()) as { activities: BotActivity[]; watermark: string };
    expect(all.activities[0]!.text).toBe('hello');
    expect(all.activities.some((a) => a.text?.includes('Wegweiser'))).toBe(true);
    const later = (await (await fetch(`${server.base}/v3/directline/conversations/${conversationId}/activities?watermark=${all.watermark}`, { headers })).json()) as { activities: unknown[] };
    expect(later.activities).toEqual([]);
  });

  it('greets once when the page posts its join again under the same id (the first was slow or lost)', async () => {
    const { token: t, conversationId } = await token();
    const headers = { authorization: `Bearer ${t}`, 'content-type': 'application/json' };
    expect((await fetch(`${server.base}/v3/directline/conversations`, { method: 'POST', headers })).status).toBe(201);
    const join = JSON.stringify({ type: 'event', name: 'webchat/join', from: { id: 'u1' }, locale: 'en-US', channelData: { clientActivityID: 'join' } });
    for (let i = 0; i < 3; i++) expect((await fetch(`${server.base}/v3/directline/conversations/${conversationId}/activities`, { method: 'POST', headers, body: join })).status).toBe(200);
    const all = (await (await fetch(`${server.base}/v3/directline/conversations/${conversationId}/activities?watermark=0`, { headers })).json()) as { activities: BotActivity[] };
    expect(all.activities.filter((a) => a.text?.includes('Hello, I am Wegweiser'))).toHaveLength(1);
  });

  it('opens only the token’s own conversation, refuses bad tokens, and expires tokens', async () => {
    const a = await token();
    const b = await token();
    const asA = { authorization: `Bearer ${a.token}` };
    expect((await fetch(`${server.base}/v3/directline/conversations/${b.conversationId}/activities`, { headers: asA })).status).toBe(403);
    expect((await fetch(`${server.base}/v3/directline/conversations/${a.conversationId}/activities`, { headers: { authorization: 'Bearer forged.token' } })).status).toBe(403);
    expect((await fetch(`${server.base}/v3/directline/conversations/${a.conversationId}/activities`)).status).toBe(403);
    server.core.clock.advance(2 * 3600_000);
    expect((await fetch(`${server.base}/v3/directline/conversations/${a.conversationId}/activities`, { headers: asA })).status).toBe(403);
  });

  it('rejects a body that is not an activity', async () => {
    const { token: t, conversationId } = await token();
    const res = await fetch(`${server.base}/v3/directline/conversations/${conversationId}/activities`, {
      method: 'POST', headers: { authorization: `Bearer ${t}`, 'content-type': 'application/json' }, body: JSON.stringify({ hello: 1 }),
    });
    expect(res.status).toBe(400);
  });

  it('refuses a token with anything after it', async () => {
    const { token: t, conversationId } = await token();
    const activities = (bearerToken: string) =>
      fetch(`${server.base}/v3/directline/conversations/${conversationId}/activities`, { headers: { authorization: `Bearer ${bearerToken}` } });
    expect((await activities(t)).status).toBe(200);
    for (const junk of [`${t}.xyz`, `${t}.`, `${t}xyz`, `${t}..`, `x${t}`]) expect((await activities(junk)).status, junk).toBe(403);
    const refreshed = await fetch(`${server.base}/v3/directline/tokens/refresh`, { method: 'POST', headers: { authorization: `Bearer ${t}.xyz` } });
    expect(refreshed.status).toBe(403);
  });

  it('refreshes a token, but never past 24 hours after the first one', async () => {
    let { token: t } = await token();
    const refresh = () => fetch(`${server.base}/v3/directline/tokens/refresh`, { method: 'POST', headers: { authorization: `Bearer ${t}` } });
    const every50Minutes = async () => {
      server.core.clock.advance(50 * 60_000);
      const res = await refresh();
      expect(res.status).toBe(200);
      return (await res.json()) as { token: string; expires_in: number };
    };
    for (let i = 1; i <= 27; i++) ({ token: t } = await every50Minutes());
    // 28 × 50 minutes = 23 h 20 min after the first token: this one may live only 40 minutes more.
    const last = await every50Minutes();
    expect(last.expires_in).toBe(24 * 3600 - 28 * 50 * 60);
    t = last.token;
    server.core.clock.advance(last.expires_in * 1000);
    expect((await refresh()).status).toBe(403);
  });

  it('reconnects to a conversation from a watermark (Direct Line’s GET conversations/{id}): what came meanwhile, nothing twice', async () => {
    const { token: t, conversationId } = await token();
    const headers = { authorization: `Bearer ${t}`, 'content-type': 'application/json' };
    const base = `${server.base}/v3/directline/conversations/${conversationId}`;
    // Not opened yet: nothing to reconnect to.
    expect((await fetch(`${base}?watermark=0`, { headers })).status).toBe(404);
    expect((await fetch(`${server.base}/v3/directline/conversations`, { method: 'POST', headers })).status).toBe(201);
    await fetch(`${base}/activities`, { method: 'POST', headers, body: JSON.stringify({ type: 'event', name: 'webchat/join', from: { id: 'u1' }, locale: 'en-US' }) });
    const first = (await (await fetch(`${base}/activities?watermark=0`, { headers })).json()) as { activities: BotActivity[]; watermark: string };
    expect(first.activities.length).toBeGreaterThan(0);
    // The page was away; the bot says more (a tapped option's answer), then the page reconnects from where it was.
    await fetch(`${base}/activities`, { method: 'POST', headers, body: JSON.stringify({ type: 'message', from: { id: 'u1' }, value: { choice: 'main.menu:risks' }, text: 'Risks of irregular migration', locale: 'en-US' }) });
    const res = await fetch(`${base}?watermark=${first.watermark}`, { headers });
    expect(res.status).toBe(200);
    const reconnect = (await res.json()) as { conversationId: string; streamUrl: string; expires_in: number };
    expect(reconnect.conversationId).toBe(conversationId);
    expect(reconnect.streamUrl).toContain(`&watermark=${first.watermark}`);
    expect(reconnect.expires_in).toBeGreaterThan(0);
    const frames: { activities: BotActivity[]; watermark: string }[] = [];
    const socket = new WebSocket(reconnect.streamUrl);
    await new Promise<void>((resolve, reject) => {
      socket.on('message', (data) => {
        frames.push(JSON.parse(String(data)) as { activities: BotActivity[]; watermark: string });
        resolve();
      });
      socket.on('error', reject);
    });
    socket.close();
    const replayed = frames.flatMap((f) => f.activities);
    expect(replayed[0]!.text).toBe('Risks of irregular migration'); // the person's tap, as text
    expect(replayed.some((a) => a.text?.includes('Before you decide'))).toBe(true);
    expect(replayed.some((a) => a.text?.includes('Hello, I am Wegweiser'))).toBe(false); // before the watermark
    // Bad watermark, another conversation's token: refused.
    expect((await fetch(`${base}?watermark=abc`, { headers })).status).toBe(400);
    const other = await token();
    expect((await fetch(`${base}?watermark=0`, { headers: { authorization: `Bearer ${other.token}` } })).status).toBe(403);
  });

  it('sends a tapped option with its label as text, which the transcript keeps, and reads it as the option', async () => {
    const { token: t, conversationId } = await token();
    const dl = new DirectLine({ token: t, domain: `${server.base}/v3/directline`, webSocket: true });
    const bot = collector(dl);
    await post(dl, { type: 'event', name: 'webchat/join', locale: 'en-US' });
    const menu = await bot.next((a) => Boolean(a.suggestedActions?.actions.length));
    const human = menu.suggestedActions!.actions.find((a) => a.value?.choice === 'main.menu:human')! as { type: string; title: string; text?: string; displayText?: string; value?: unknown };
    expect(human).toMatchObject({ type: 'messageBack', title: 'Talk to a person', text: 'Talk to a person', displayText: 'Talk to a person' });
    // As Web Chat sends a messageBack: text, value and the displayText in channelData.
    await post(dl, { type: 'message', text: human.text, value: human.value, channelData: { messageBack: { displayText: human.displayText } }, locale: 'en-US' });
    await bot.next((a) => a.text?.includes('Where are you?') ?? false);
    const all = (await (await fetch(`${server.base}/v3/directline/conversations/${conversationId}/activities?watermark=0`, { headers: { authorization: `Bearer ${t}` } })).json()) as { activities: (BotActivity & { value?: unknown })[] };
    expect(all.activities.filter((a) => a.from.role === 'user').map((a) => a.text)).toContain('Talk to a person');
    dl.end();
  });

  it('rate-limits token requests per address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 35; i++) statuses.push((await fetch(`${server.base}/v3/directline/tokens/generate`, { method: 'POST' })).status);
    expect(statuses).toContain(429);
  });

  it('serves the page and the Web Chat bundle from this server', async () => {
    const page = await (await fetch(`${server.base}/`)).text();
    expect(page).toContain('<script src="/webchat/webchat.js"></script>');
    const bundle = await fetch(`${server.base}/webchat/webchat.js`);
    expect(bundle.status).toBe(200);
    expect((await bundle.text()).length).toBeGreaterThan(1_000_000);
  });

  it('sends the page with a Content-Security-Policy, nosniff and no referrer', async () => {
    const res = await fetch(`${server.base}/`);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/]+=*'(;|$)/);
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain(`connect-src 'self' ${server.base} ${server.base.replace(/^http/, 'ws')}`);
    expect(csp).toContain("frame-ancestors 'self'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('serves the page in the language asked (?lang, else Accept-Language, else English) with its title, description and direction', async () => {
    const page = async (query: string, acceptLanguage?: string) => {
      const res = await fetch(`${server.base}/${query}`, { headers: acceptLanguage ? { 'accept-language': acceptLanguage } : {} });
      const html = await res.text();
      return { html, lang: /<html lang="([a-z]+)" dir="(ltr|rtl)">/.exec(html)?.slice(1), csp: res.headers.get('content-security-policy') ?? '', vary: res.headers.get('vary') };
    };
    const t = server.core.texts.t;
    expect((await page('?lang=fr')).lang).toEqual(['fr', 'ltr']);
    expect((await page('?lang=ar-MA')).lang).toEqual(['ar', 'rtl']);
    expect((await page('', 'en;q=0.3, ur-PK;q=0.9, de;q=0.5')).lang).toEqual(['ur', 'rtl']);
    expect((await page('', 'zh-CN, sq;q=0.8')).lang).toEqual(['sq', 'ltr']);
    expect((await page('?lang=xx', 'de-AT')).lang).toEqual(['de', 'ltr']);
    expect((await page('', 'zh-CN, ja')).lang).toEqual(['en', 'ltr']);
    expect((await page('')).vary).toContain('accept-language');
    const ur = await page('?lang=ur');
    expect(ur.html).toContain(`<title>${t('ur', 'webchat.page.title')}</title>`);
    expect(ur.html).toContain(`<meta name="description" content="${t('ur', 'webchat.page.description')}">`);
    expect(ur.html).toContain(JSON.stringify(t('ur', 'webchat.ui.placeholder')));
    expect((await page('?lang=en')).html).toContain('<title>Wegweiser — questions about migration and return · Centres for Migration and Development</title>');
    // The one inline script is the same in every language: one hash, and the page's data is not a script.
    const hashes = new Set([(await page('?lang=en')).csp, ur.csp, (await page('?lang=sr')).csp].map((c) => /script-src ([^;]+)/.exec(c)![1]));
    expect(hashes.size).toBe(1);
    expect([...hashes][0]!.match(/'sha256-/g)).toHaveLength(1);
  });

  it('lets WEBCHAT_FRAME_ANCESTORS name the sites that may embed the chat', async () => {
    const embedded = await startTestServer({ WEBCHAT_FRAME_ANCESTORS: "'self' https://centre.example.org" });
    try {
      const csp = (await fetch(`${embedded.base}/`)).headers.get('content-security-policy');
      expect(csp).toContain("frame-ancestors 'self' https://centre.example.org");
    } finally {
      await embedded.close();
    }
  });

});

/** Direct Line over plain HTTP, as a script (or an attacker) would use it. */
async function openConversation(base: string) {
  const { token: t, conversationId } = (await (await fetch(`${base}/v3/directline/tokens/generate`, { method: 'POST' })).json()) as { token: string; conversationId: string };
  const headers = { authorization: `Bearer ${t}`, 'content-type': 'application/json' };
  const url = `${base}/v3/directline/conversations/${conversationId}/activities`;
  expect((await fetch(`${base}/v3/directline/conversations`, { method: 'POST', headers })).status).toBe(201);
  return {
    post: async (activity: Record<string, unknown>) => (await fetch(url, { method: 'POST', headers, body: JSON.stringify(activity) })).status,
    transcript: async () => {
      const body = await (await fetch(`${url}?watermark=0`, { headers })).text();
      return { bytes: Buffer.byteLength(body), activities: (JSON.parse(body) as { activities: (BotActivity & Record<string, unknown>)[] }).activities };
    },
  };
}

describe('Direct Line keeps a visitor from filling the memory', () => {
  let big: RunningServer;
  beforeAll(async () => {
    big = await startTestServer({ MESSAGES_PER_MINUTE: '1000' });
  });
  afterAll(async () => big.close());

  it('keeps nothing of typing, only what the bot reads of a message, and at most 256 kB per conversation', async () => {
    const chat = await openConversation(big.base);
    const junk = 'x'.repeat(200_000);
    for (let i = 0; i < 30; i++) expect(await chat.post({ type: 'typing', from: { id: 'web-user' }, channelData: { junk } })).toBe(200);
    for (let i = 0; i < 80; i++) {
      expect(await chat.post({
        type: 'message', from: { id: 'web-user', name: 'n'.repeat(1000) }, text: `question ${i} ${'y'.repeat(10_000)}`, locale: 'en-US',
        channelData: { clientActivityID: `client-${i}`, junk }, attachments: [{ contentType: 'text/plain', content: 'z'.repeat(20_000) }], entities: [{ type: 'x', junk: 'e'.repeat(20_000) }],
      })).toBe(200);
    }
    const { bytes, activities } = await chat.transcript();
    expect(bytes).toBeLessThan(270_000);
    expect(activities.filter((a) => a.type === 'typing')).toEqual([]);
    const mine = activities.filter((a) => a.from.role === 'user');
    expect(mine.length).toBeGreaterThan(0);
    for (const a of mine) {
      expect(Object.keys(a).sort()).toEqual(['channelData', 'channelId', 'conversation', 'from', 'id', 'locale', 'text', 'timestamp', 'type']);
      expect(a.text!.length).toBeLessThanOrEqual(4000);
      expect(a.channelData).toEqual({ clientActivityID: expect.stringMatching(/^client-\d+$/) });
      expect(a.from).toEqual({ id: 'web-user', role: 'user' });
    }
    // the newest is kept, the oldest went
    expect(mine.at(-1)!.text).toMatch(/^question 79 /);
    expect(mine.some((a) => a.text!.startsWith('question 0 '))).toBe(false);
  });
});

describe('Direct Line and the message limit', () => {
  let limited: RunningServer;
  beforeAll(async () => {
    limited = await startTestServer({ MESSAGES_PER_MINUTE: '3' });
  });
  afterAll(async () => limited.close());

  it('asks once to slow down, then refuses with 429 and keeps nothing, until the minute is over', async () => {
    const chat = await openConversation(limited.base);
    for (const text of ['hello', 'menu', 'menu']) expect(await chat.post({ type: 'message', from: { id: 'web-user' }, text, locale: 'en-US' })).toBe(200);
    expect(await chat.post({ type: 'message', from: { id: 'web-user' }, text: 'one too many', locale: 'en-US' })).toBe(200);
    expect((await chat.transcript()).activities.at(-1)!.text).toBe(limited.core.texts.t('en', 'system.slowDown'));
    for (let i = 0; i < 5; i++) expect(await chat.post({ type: 'message', from: { id: 'web-user' }, text: `flood ${i}`, locale: 'en-US' })).toBe(429);
    expect(await chat.post({ type: 'typing', from: { id: 'web-user' } })).toBe(200);
    const { activities } = await chat.transcript();
    expect(activities.filter((a) => a.text?.startsWith('flood'))).toEqual([]);
    expect(activities.filter((a) => a.text === limited.core.texts.t('en', 'system.slowDown'))).toHaveLength(1);
    limited.core.clock.advance(61_000);
    expect(await chat.post({ type: 'message', from: { id: 'web-user' }, text: 'menu', locale: 'en-US' })).toBe(200);
  });
});

describe('Direct Line exactly once', () => {
  let own: RunningServer; // its own server: the token limit of the one above is used up
  beforeAll(async () => {
    own = await startTestServer({});
  });
  afterAll(async () => own.close());

  it('answers an activity posted twice (same clientActivityID) once: one turn, one set of replies', async () => {
    const chat = await openConversation(own.base);
    const hello = { type: 'message', from: { id: 'web-user' }, text: 'hello', locale: 'en-US', channelData: { clientActivityID: 'client-once-1' } };
    expect(await chat.post(hello)).toBe(200);
    const before = (await chat.transcript()).activities.length;
    expect(await chat.post(hello)).toBe(200);
    const { activities } = await chat.transcript();
    expect(activities.length).toBe(before);
    expect(activities.filter((a) => a.from.role === 'user')).toHaveLength(1);
  });
});
