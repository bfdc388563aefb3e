/**
 * Voice notes, photos and documents on every channel, on the running server: Telegram updates with
 * `voice` and `photo` against the fake Bot API (getFile, then the file under /file/bot<token>/),
 * signed WhatsApp form posts whose MediaUrl0 is on a fake Twilio that requires basic auth and
 * redirects to where the file is kept, and files uploaded through Direct Line as Web Chat does.
 * Outside a handoff the person is told kindly in their language that the assistant reads text,
 * and is offered a person; during a handoff the advisor gets the file through the server only
 * (scoped like the transcript), and can send a photo or document back on the person's channel.
 */
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeTelegram, type FakeTelegram } from './support/fake-telegram.js';
import { pngFile, wavFile } from './support/media-files.js';
import { startTestServer, type RunningServer } from './support/server.js';
import { twilioSignature } from './support/twilio-signature.js';

const TOKEN = '7000000001:AAtest-token-for-the-fake-bot-api';
const SECRET = 'webhook-secret-0123456789';
const SID = 'AC' + 'a'.repeat(32);
const AUTH_TOKEN = 'twilio-auth-token-0123456789abcdef';
const BASIC = `Basic ${Buffer.from(`${SID}:${AUTH_TOKEN}`).toString('base64')}`;

let telegram: FakeTelegram;
let server: RunningServer;
let twilioFake: Server;
let twilioBase: string;
/** Where Twilio keeps files (another host): its redirect leads there. */
let storage: Server;
let storageBase: string;
/** Files on the fake Twilio, by media path; requests to it, with their Authorization header. */
const twilioFiles = new Map<string, { bytes: Buffer; type: string }>();
const twilioRequests: { method: string; path: string; auth: string | undefined; form?: URLSearchParams }[] = [];
let advisor: string;
let otherAdvisor: string;
let updateId = 5000;
/** The web chat conversation handed to an advisor, and its token. */
let webchat: { conversationId: string; token: string };
let sid = 0;

beforeAll(async () => {
  twilioFake = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (d: Buffer) => chunks.push(d));
    req.on('end', () => {
      const path = req.url ?? '';
      const body = Buffer.concat(chunks).toString();
      twilioRequests.push({ method: req.method ?? '', path, auth: req.headers.authorization, ...(req.method === 'POST' ? { form: new URLSearchParams(body) } : {}) });
      if (req.method === 'POST' && path === `/2010-04-01/Accounts/${SID}/Messages.json`) {
        res.statusCode = 201;
        res.setHeader('content-type', 'application/json');
        return res.end(JSON.stringify({ sid: `MM${String(twilioRequests.length).padStart(32, '0')}`, status: 'queued', account_sid: SID }));
      }
      // As Twilio does: the media URL needs the account's credentials and redirects to where the file is kept.
      const media = /^\/2010-04-01\/Accounts\/(AC\w+)\/Messages\/\w+\/Media\/(\w+)$/.exec(path);
      if (media) {
        if (req.headers.authorization !== BASIC) {
          res.statusCode = 401;
          return res.end('{"code":20003,"message":"Authenticate"}');
        }
        res.statusCode = 307;
        res.setHeader('location', `${storageBase}/kept/${media[2]}`);
        return res.end();
      }
      res.statusCode = 404;
      res.end('not found');
    });
  });
  storage = createServer((req, res) => {
    twilioRequests.push({ method: req.method ?? '', path: req.url ?? '', auth: req.headers.authorization });
    const kept = /^\/kept\/(\w+)$/.exec(req.url ?? '');
    const file = kept && twilioFiles.get(kept[1]!);
    if (!file) {
      res.statusCode = 404;
      return res.end('not found');
    }
    res.setHeader('content-type', file.type);
    res.end(file.bytes);
  });
  await new Promise<void>((r) => storage.listen(0, '127.0.0.1', r));
  storageBase = `http://127.0.0.1:${(storage.address() as { port: number }).port}`;
  await new Promise<void>((r) => twilioFake.listen(0, '127.0.0.1', r));
  twilioBase = `http://127.0.0.1:${(twilioFake.address() as { port: number }).port}`;
  telegram = await startFakeTelegram(TOKEN);
  server = await startTestServer({
    TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_WEBHOOK_SECRET: SECRET, TELEGRAM_API_ROOT: telegram.apiRoot,
    TWILIO_ACCOUNT_SID: SID, TWILIO_AUTH_TOKEN: AUTH_TOKEN, TWILIO_WHATSAPP_FROM: 'whatsapp:+14155238886', TWILIO_API_BASE: twilioBase,
    MEDIA_MAX_BYTES: String(64 * 1024),
  });
  await server.core.auth.create({ email: 'efua@accra.example', password: 'correct horse battery', centreId: 'gh-accra', role: 'advisor' });
  await server.core.auth.create({ email: 'sami@tunis.example', password: 'correct horse battery', centreId: 'tn-tunis', role: 'advisor' });
  advisor = await login('efua@accra.example');
  otherAdvisor = await login('sami@tunis.example');
});
afterAll(async () => {
  await server.close();
  await telegram.close();
  await new Promise((r) => twilioFake.close(r));
  await new Promise((r) => storage.close(r));
});

async function login(email: string): Promise<string> {
  const res = await fetch(`${server.base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: 'correct horse battery' }) });
  return ((await res.json()) as { token: string }).token;
}

// --- Telegram ---------------------------------------------------------------------------------

const chat = (id: number) => ({ id, type: 'private', first_name: 'Test' });
const from = (id: number, lang: string) => ({ id, is_bot: false, first_name: 'Test', language_code: lang });

async function telegramUpdate(chatId: number, lang: string, message: Record<string, unknown>): Promise<void> {
  const res = await fetch(`${server.base}/webhooks/telegram`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
    body: JSON.stringify({ update_id: ++updateId, message: { message_id: updateId, date: 1763900000, chat: chat(chatId), from: from(chatId, lang), ...message } }),
  });
  expect(res.status).toBe(200);
}

const telegramText = (chatId: number, lang: string, text: string) => telegramUpdate(chatId, lang, { text });
const voice = (fileId: string, size: number) => ({ voice: { file_id: fileId, file_unique_id: `u${fileId}`, duration: 1, mime_type: 'audio/ogg', file_size: size } });
const photo = (fileId: string, size: number) => ({
  photo: [
    { file_id: `${fileId}-small`, file_unique_id: 's', width: 90, height: 90, file_size: 900 },
    { file_id: fileId, file_unique_id: `u${fileId}`, width: 1280, height: 960, file_size: size },
  ],
});

/** Texts sent to the chat since `from`. */
const sentSince = (chatId: number, start: number) => telegram.sent(chatId).slice(start).map((m) => m.text);

// --- WhatsApp ---------------------------------------------------------------------------------

async function whatsapp(phone: string, fields: Record<string, string>): Promise<string> {
  sid += 1;
  const params = { MessageSid: `MM${sid.toString(16).padStart(32, '0')}`, AccountSid: SID, From: `whatsapp:+${phone}`, To: 'whatsapp:+14155238886', WaId: phone, NumMedia: '0', Body: '', ...fields };
  const url = `${server.base}/webhooks/whatsapp`;
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': twilioSignature(AUTH_TOKEN, url, params) }, body: new URLSearchParams(params).toString() });
  expect(res.status).toBe(200);
  return res.text();
}

/** A file on the fake Twilio, as its MediaUrl. */
function twilioMedia(id: string, bytes: Buffer, type: string): string {
  twilioFiles.set(id, { bytes, type });
  return `${twilioBase}/2010-04-01/Accounts/${SID}/Messages/MM${'1'.repeat(32)}/Media/${id}`;
}

// --- staff ------------------------------------------------------------------------------------

interface StaffMessage {
  sender: string;
  text: string;
  media?: { id: string; kind: string; contentType: string; size: number; name?: string };
}
interface StaffHandoff {
  id: string;
  lang: string;
  messages: StaffMessage[];
}

async function handoffs(token = advisor): Promise<StaffHandoff[]> {
  const res = await fetch(`${server.base}/api/handoffs`, { headers: { authorization: `Bearer ${token}` } });
  return ((await res.json()) as { handoffs: StaffHandoff[] }).handoffs;
}

async function handoffOf(conversationId: string): Promise<StaffHandoff> {
  const state = await server.core.storage.conversations.load(conversationId);
  expect(state?.handoff, `${conversationId} is with an advisor`).toBeDefined();
  return (await handoffs()).find((h) => h.id === state!.handoff!.id)!;
}

const getMedia = (id: string, token?: string) => fetch(`${server.base}/api/media/${id}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

describe('files outside a handoff', () => {
  it('Telegram: a voice note gets the kind reply in French, a photo in Arabic, each offering a person', async () => {
    const t = (lang: 'fr' | 'ar', key: string) => server.core.texts.t(lang, key);
    await telegramText(4101, 'fr', 'bonjour');
    const before = telegram.sent(4101).length;
    await telegramUpdate(4101, 'fr', voice('voice-fr', 3000));
    const replies = telegram.sent(4101).slice(before);
    expect(replies.map((m) => m.text)).toEqual([t('fr', 'media.received.audio'), t('fr', 'media.offer')]);
    const buttons = ((replies[1]!.reply_markup as { inline_keyboard: { text: string }[][] }).inline_keyboard).flat().map((b) => b.text);
    expect(buttons).toEqual([t('fr', 'main.menu.human'), t('fr', 'common.mainMenu')]);
    expect(telegram.calls.some((c) => c.method === 'getFile')).toBe(false); // nothing is fetched outside a handoff

    await telegramText(4102, 'ar', 'مرحبا');
    const start = telegram.sent(4102).length;
    await telegramUpdate(4102, 'ar', photo('photo-ar', 5000));
    expect(sentSince(4102, start)).toEqual([t('ar', 'media.received.image'), t('ar', 'media.offer')]);
    expect(t('ar', 'media.offer')).not.toBe(server.core.texts.t('en', 'media.offer'));

    // The offer leads to the existing handoff: the person is asked where they are, then to confirm the centre.
    const keyboard = ((telegram.sent(4102).at(-1)!.reply_markup as { inline_keyboard: { text: string; callback_data: string }[][] }).inline_keyboard).flat();
    const res = await fetch(`${server.base}/webhooks/telegram`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
      body: JSON.stringify({ update_id: ++updateId, callback_query: { id: 'cb1', from: from(4102, 'ar'), data: keyboard[0]!.callback_data, message: { message_id: 1, date: 1, chat: chat(4102) } } }),
    });
    expect(res.status).toBe(200);
    expect(telegram.sent(4102).at(-1)!.text).toBe(t('ar', 'centres.where'));
  });

  it('Telegram: a caption is read as the question', async () => {
    await telegramText(4103, 'en', 'hello');
    const start = telegram.sent(4103).length;
    await telegramUpdate(4103, 'en', { ...photo('photo-caption', 4000), caption: 'What is the Western Balkans regulation?' });
    const replies = sentSince(4103, start);
    expect(replies[0]).toBe(server.core.texts.t('en', 'media.received.image'));
    expect(replies.slice(1).join('\n')).toMatch(/Western Balkans/i); // answered from the knowledge base
    expect(replies).not.toContain(server.core.texts.t('en', 'media.offer'));
  });

  it('WhatsApp: a photo (NumMedia, MediaUrl0) in a French conversation gets the French reply in the TwiML', async () => {
    await whatsapp('212600000101', { Body: 'bonjour' });
    const twiml = await whatsapp('212600000101', { NumMedia: '1', MediaUrl0: twilioMedia('ME0fr', pngFile(), 'image/png'), MediaContentType0: 'image/png' });
    expect(twiml).toContain(server.core.texts.t('fr', 'media.received.image').replace(/’/g, '’'));
    expect(twiml).toContain('Parler à une personne');
    expect(twilioRequests.some((r) => r.path.includes('ME0fr'))).toBe(false); // not fetched outside a handoff
  });

  it('WhatsApp: a malformed media field is refused with 400 and changes nothing', async () => {
    const url = `${server.base}/webhooks/whatsapp`;
    const params = { MessageSid: `MM${'f'.repeat(32)}`, AccountSid: SID, From: 'whatsapp:+212600000199', WaId: '212600000199', NumMedia: '1', Body: '' };
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': twilioSignature(AUTH_TOKEN, url, params) }, body: new URLSearchParams(params).toString() });
    expect(res.status).toBe(400);
    expect(await server.core.storage.conversations.load('whatsapp:212600000199')).toBeNull();
  });
});

describe('files during a handoff', () => {
  it('Telegram: a voice note and a photo (its largest size) reach the advisor through getFile; only staff of that centre can open them', async () => {
    const chatId = 4201;
    for (const text of ['hello', 'talk to a person', 'Accra', 'yes']) await telegramText(chatId, 'en', text);
    const voiceBytes = wavFile(0.5);
    const photoBytes = pngFile(64);
    telegram.addFile('voice-handoff', voiceBytes);
    telegram.addFile('photo-handoff', photoBytes);
    const start = telegram.sent(chatId).length;
    await telegramUpdate(chatId, 'en', voice('voice-handoff', voiceBytes.length));
    await telegramUpdate(chatId, 'en', { ...photo('photo-handoff', photoBytes.length), caption: 'my contract' });
    expect(sentSince(chatId, start)).toEqual([]); // the assistant stays quiet while the advisor holds the conversation
    expect(telegram.calls.filter((c) => c.method === 'getFile').map((c) => c.payload.file_id)).toEqual(['voice-handoff', 'photo-handoff']);

    const h = await handoffOf(`telegram:${chatId}`);
    const [voiceMessage, photoMessage] = h.messages.filter((m) => m.media);
    expect(voiceMessage).toMatchObject({ sender: 'person', text: '[voice note]', media: { kind: 'audio', contentType: 'audio/ogg', size: voiceBytes.length } });
    expect(photoMessage).toMatchObject({ sender: 'person', text: '[photo] my contract', media: { kind: 'image', contentType: 'image/jpeg', size: photoBytes.length } });

    const res = await getMedia(voiceMessage!.media!.id, advisor);
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).equals(voiceBytes)).toBe(true);
    expect(res.headers.get('content-type')).toBe('audio/ogg');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain('sandbox');
    expect(res.headers.get('content-disposition')).toBeNull();
    expect((await getMedia(voiceMessage!.media!.id, otherAdvisor)).status).toBe(403);
    expect((await getMedia(voiceMessage!.media!.id)).status).toBe(401);
    expect((await getMedia('no-such-file', advisor)).status).toBe(404);
    expect(JSON.stringify(await handoffs(otherAdvisor))).not.toContain(voiceMessage!.media!.id);
  });

  it('WhatsApp: MediaUrl0 is fetched with the account’s basic auth, following the redirect without the credentials', async () => {
    const phone = '233241110202';
    for (const text of ['hello', 'talk to a person', 'Accra', 'yes']) await whatsapp(phone, { Body: text });
    const bytes = wavFile(0.4);
    const url = twilioMedia('ME1voice', bytes, 'audio/ogg');
    const twiml = await whatsapp(phone, { NumMedia: '1', MediaUrl0: url, MediaContentType0: 'audio/ogg' });
    expect(twiml).not.toContain('<Message>'); // nothing from the assistant
    const fetched = twilioRequests.filter((r) => r.path.includes('ME1voice'));
    expect(fetched.map((r) => [r.path.startsWith('/kept/') ? 'storage' : 'twilio', r.auth])).toEqual([['twilio', BASIC], ['storage', undefined]]); // the credentials stay with Twilio

    const h = await handoffOf(`whatsapp:${phone}`);
    const message = h.messages.find((m) => m.media)!;
    expect(message).toMatchObject({ sender: 'person', text: '[voice note]', media: { kind: 'audio', contentType: 'audio/ogg', size: bytes.length } });
    const res = await getMedia(message.media!.id, advisor);
    expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBe(true);
    expect(JSON.stringify(h)).not.toContain(twilioBase); // staff never get the channel's address of the file

    // A file over MEDIA_MAX_BYTES: the advisor sees that it is too large, the person is told.
    const big = await whatsapp(phone, { NumMedia: '1', MediaUrl0: twilioMedia('ME2big', Buffer.alloc(100 * 1024, 1), 'video/mp4'), MediaContentType0: 'video/mp4' });
    expect(big).toContain(server.core.texts.t('en', 'media.tooLarge', { limit: 0 }).slice(0, 40));
    const after = await handoffOf(`whatsapp:${phone}`);
    expect(after.messages.at(-1)).toMatchObject({ sender: 'person', text: expect.stringContaining('[video] too large') });
    expect(after.messages.at(-1)!.media).toBeUndefined();

    // A MediaUrl that is not Twilio's never gets the credentials.
    const elsewhere = 'https://files.example.org/2010-04-01/Accounts/' + SID + '/Messages/MM1/Media/ME3';
    const failed = await whatsapp(phone, { NumMedia: '1', MediaUrl0: elsewhere, MediaContentType0: 'image/jpeg' });
    expect(failed).toContain(server.core.texts.t('en', 'media.failed').slice(0, 30));
  });

  it('web chat: a file uploaded through Direct Line is answered kindly outside a handoff and reaches the advisor during one', async () => {
    const { token, conversationId } = (await (await fetch(`${server.base}/v3/directline/tokens/generate`, { method: 'POST' })).json()) as { token: string; conversationId: string };
    webchat = { token, conversationId };
    const headers = { authorization: `Bearer ${token}` };
    const base = `${server.base}/v3/directline/conversations/${conversationId}`;
    expect((await fetch(`${server.base}/v3/directline/conversations`, { method: 'POST', headers })).status).toBe(201);
    const say = (text: string) =>
      fetch(`${base}/activities`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify({ type: 'message', from: { id: 'web-user' }, text, locale: 'es-ES' }) });
    const upload = (bytes: Buffer, type: string, name: string, auth = headers) => {
      const form = new FormData();
      form.append('activity', new Blob([JSON.stringify({ type: 'message', from: { id: 'web-user' }, locale: 'es-ES', attachments: [{ contentType: type, name }], channelData: { clientActivityID: `c-${name}-${Math.random()}` } })], { type: 'application/vnd.microsoft.activity' }));
      form.append('file', new Blob([new Uint8Array(bytes)], { type }), name);
      return fetch(`${base}/upload?userId=web-user`, { method: 'POST', headers: auth, body: form });
    };
    const transcript = async () => ((await (await fetch(`${base}/activities?watermark=0`, { headers })).json()) as { activities: { from: { role?: string }; text?: string; attachments?: { contentType: string; name?: string }[] }[] }).activities;

    expect((await say('hola')).status).toBe(200);
    const res = await upload(pngFile(), 'image/png', 'pasaporte.png');
    expect(res.status).toBe(200);
    const texts = (await transcript()).map((a) => a.text);
    expect(texts).toContain(server.core.texts.t('es', 'media.received.image').replace(/([.])/g, '$1'));
    // The transcript keeps the file's name only, never its bytes or an address to them.
    const mine = (await transcript()).find((a) => a.attachments?.length)!;
    expect(mine.attachments).toEqual([{ contentType: 'application/octet-stream', name: 'pasaporte.png' }]);
    expect((await upload(pngFile(), 'image/png', 'x.png', { authorization: 'Bearer wrong' })).status).toBe(403);

    for (const text of ['hablar con una persona', 'Accra', 'sí']) expect((await say(text)).status).toBe(200);
    const pdf = Buffer.from('%PDF-1.4\n% a tiny document\n');
    expect((await upload(pdf, 'application/pdf', 'contrato.pdf')).status).toBe(200);
    const h = await handoffOf(`webchat:${conversationId}`);
    const message = h.messages.find((m) => m.media)!;
    expect(message).toMatchObject({ sender: 'person', text: '[document: contrato.pdf]', media: { kind: 'document', contentType: 'application/pdf', name: 'contrato.pdf', size: pdf.length } });
    const file = await getMedia(message.media!.id, advisor);
    expect(file.headers.get('content-disposition')).toContain('attachment; filename="contrato.pdf"');
    expect(Buffer.from(await file.arrayBuffer()).equals(pdf)).toBe(true);
  });
});

describe('an advisor sends a photo or document back', () => {
  const post = (handoffId: string, bytes: Buffer, type: string, name: string, token = advisor) =>
    fetch(`${server.base}/api/handoffs/${handoffId}/media`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': type, 'x-filename': encodeURIComponent(name) }, body: new Uint8Array(bytes) });

  it('Telegram: uploaded with sendPhoto (multipart), kept in the transcript', async () => {
    const h = await handoffOf('telegram:4201');
    const bytes = pngFile(32);
    const res = await post(h.id, bytes, 'image/png', 'map to the centre.png');
    expect(res.status).toBe(201);
    const upload = telegram.uploads.at(-1)!;
    expect(upload).toMatchObject({ method: 'sendPhoto', chatId: '4201', name: 'map to the centre.png' });
    expect(telegram.calls.at(-1)).toMatchObject({ method: 'sendPhoto', payload: { chat_id: 4201 } });
    expect(upload.bytes.equals(bytes)).toBe(true);
    const after = await handoffOf('telegram:4201');
    expect(after.messages.at(-1)).toMatchObject({ sender: 'staff', text: '[photo]', media: { kind: 'image', contentType: 'image/png', name: 'map to the centre.png' } });
    expect((await post(h.id, bytes, 'image/png', 'x.png', otherAdvisor)).status).toBe(403);
    expect((await fetch(`${server.base}/api/handoffs/${h.id}/media`, { method: 'POST', headers: { authorization: `Bearer ${advisor}`, 'content-type': 'image/png' } })).status).toBe(400);
    expect((await post(h.id, Buffer.alloc(65 * 1024), 'application/pdf', 'big.pdf')).status).toBe(413);
  });

  it('WhatsApp: sent with a signed link Twilio fetches; the link expires and cannot be forged', async () => {
    const h = await handoffOf('whatsapp:233241110202');
    const pdf = Buffer.from('%PDF-1.4\n% the documents to bring\n');
    expect((await post(h.id, pdf, 'application/pdf', 'checklist.pdf')).status).toBe(201);
    const sent = twilioRequests.filter((r) => r.method === 'POST').at(-1)!;
    expect(sent.form!.get('To')).toBe('whatsapp:+233241110202');
    const link = sent.form!.get('MediaUrl')!;
    expect(link).toMatch(new RegExp(`^${server.base}/media/out/[\\w-]+\\?exp=\\d+&sig=[\\w-]+$`));
    const served = await fetch(link);
    expect(served.status).toBe(200);
    expect(Buffer.from(await served.arrayBuffer()).equals(pdf)).toBe(true);
    expect(served.headers.get('content-type')).toBe('application/pdf');
    // Forge by changing the signature's first character (to another one: the real one may be 'A').
    const forged = link.replace(/sig=(.)/, (_m, first: string) => `sig=${first === 'A' ? 'B' : 'A'}`);
    expect(forged).not.toBe(link);
    expect((await fetch(forged)).status).toBe(404);
    // A person's own file never gets a public link, whatever the signature.
    const personFile = (await handoffOf('whatsapp:233241110202')).messages.find((m) => m.sender === 'person' && m.media)!.media!.id;
    expect((await fetch(link.replace(/\/media\/out\/[\w-]+/, `/media/out/${personFile}`))).status).toBe(404);
    server.core.clock.advance(25 * 3600_000);
    expect((await fetch(link)).status).toBe(404);
    server.core.clock.advance(-25 * 3600_000);
  });

  it('web chat: an attachment activity whose link the page can open', async () => {
    const h = await handoffOf(`webchat:${webchat.conversationId}`);
    const bytes = pngFile(24);
    expect((await post(h.id, bytes, 'image/png', 'horaires.png')).status).toBe(201);
    const res = await fetch(`${server.base}/v3/directline/conversations/${webchat.conversationId}/activities?watermark=0`, { headers: { authorization: `Bearer ${webchat.token}` } });
    const { activities } = (await res.json()) as { activities: { from: { role?: string }; attachments?: { contentType: string; contentUrl?: string; name?: string }[] }[] };
    const sent = activities.at(-1)!;
    expect(sent.from.role).toBe('bot');
    expect(sent.attachments).toEqual([{ contentType: 'image/png', name: 'horaires.png', contentUrl: expect.stringMatching(/\/media\/out\/[\w-]+\?exp=\d+&sig=/) }]);
    const image = await fetch(sent.attachments![0]!.contentUrl!);
    expect(image.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await image.arrayBuffer()).equals(bytes)).toBe(true);
  });

  it('refuses a file for a closed handoff (409) or an unknown one (404)', async () => {
    const h = await handoffOf('telegram:4201');
    const admin = await server.core.auth.create({ email: 'admin@media.example', password: 'correct horse battery', centreId: 'gh-accra', role: 'admin' });
    expect((await server.core.handoffs.close(admin, h.id)).status).toBe('ok');
    expect((await post(h.id, pngFile(8), 'image/png', 'late.png')).status).toBe(409);
    expect((await post('no-such-handoff', pngFile(8), 'image/png', 'x.png')).status).toBe(404);
  });
});
