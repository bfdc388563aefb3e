/**
 * The channel contract, the same checks against every adapter: each part is fed the captured
 * real payloads in its `fixtures/` folder (a Twilio WhatsApp form post, Telegram updates, Direct
 * Line and Bot Framework activities, terminal lines), `parse` gives the expected inbound message,
 * person and delivery id, and `render` gives what the channel accepts without dropping anything.
 */
import { readFileSync } from 'node:fs';
import twilio from 'twilio';
import { describe, expect, it } from 'vitest';
import type { Inbound, Outbound } from '../src/core/messages.js';
import type { Parsed } from '../src/channels/webhook.js';
import { parseTelegramRequest } from '../src/channels/telegram/parse.js';
import { CALLBACK_DATA_MAX_BYTES, renderTelegram, TELEGRAM_MAX_CHARS } from '../src/channels/telegram/render.js';
import { parseTerminalLine } from '../src/channels/terminal/parse.js';
import { renderForTerminal } from '../src/channels/terminal/render.js';
import { keptFromUser, parseBotFrameworkActivity, parseDirectLineActivity, type Activity } from '../src/channels/webchat/parse.js';
import { outboxToActivities } from '../src/channels/webchat/render.js';
import { parseWhatsAppRequest } from '../src/channels/whatsapp/parse.js';
import { renderWhatsApp, toTwiml, WHATSAPP_MAX_CHARS } from '../src/channels/whatsapp/render.js';

const fixture = (channel: string, file: string) => readFileSync(new URL(`../src/channels/${channel}/fixtures/${file}`, import.meta.url), 'utf8');
const json = (channel: string, file: string) => JSON.parse(fixture(channel, file)) as Record<string, unknown>;
const form = (file: string) => Object.fromEntries(new URLSearchParams(fixture('whatsapp', file)));

/** What the pipeline needs of a parsed payload. */
interface Expected {
  inbound: Inbound;
  user: string;
  /** The delivery id, or a pattern of it. */
  id: string | RegExp;
  hints?: object;
}

/** Every shape of message the flows produce. */
const OUTBOX: Outbound[] = [
  { kind: 'text', text: 'Welcome to Wegweiser <3 & more' },
  { kind: 'options', text: 'What can I do for you?', options: [{ id: 'main.menu:work', label: 'Work in Germany' }, { id: 'main.menu:risks', label: 'Risks of irregular migration' }] },
  { kind: 'link', text: 'Our privacy notice', url: 'https://example.org/privacy' },
  { kind: 'locationRequest', text: 'Where are you?', buttonLabel: 'Share my location' },
  { kind: 'card', title: 'Working in Germany', text: 'You need a visa.\n\nSee the sources.', links: [{ label: 'Make it in Germany', url: 'https://www.make-it-in-germany.com' }], linksHeading: 'Sources', footer: 'General information' },
  { kind: 'text', text: 'x'.repeat(5000) },
];

interface Adapter {
  name: string;
  cases: { payload: string; parse: () => Parsed<unknown> | { status: 'turn'; delivery: { inbound: Inbound } }; expected: Expected }[];
  /** The rendered outbox as the texts a person sees, and a check that the channel accepts it. */
  render(outbox: Outbound[]): { texts: string[]; accepted(): void };
}

const ACCOUNT = 'AC0123456789abcdef0123456789abcdef';

const ADAPTERS: Adapter[] = [
  {
    name: 'whatsapp',
    cases: [
      { payload: 'text.form', parse: () => parseWhatsAppRequest(form('text.form'), 'sig', ACCOUNT), expected: { inbound: { kind: 'text', text: 'Hello, I need help' }, user: '233241234567', id: 'SM1f0e3a1b2c3d4e5f60718293a4b5c6d7', hints: { country: 'GH' } } },
      { payload: 'location.form', parse: () => parseWhatsAppRequest(form('location.form'), 'sig', ACCOUNT), expected: { inbound: { kind: 'location', lat: 5.6037168, lon: -0.1869644, label: 'Independence Avenue, Accra' }, user: '233241234567', id: 'SM2a0e3a1b2c3d4e5f60718293a4b5c6d7' } },
      { payload: 'media.form', parse: () => parseWhatsAppRequest(form('media.form'), 'sig', ACCOUNT), expected: { inbound: { kind: 'media', media: [{ kind: 'image', contentType: 'image/jpeg', ref: 'https://api.twilio.com/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/Messages/MM3b0e3a1b2c3d4e5f60718293a4b5c6d7/Media/ME3b0e3a1b2c3d4e5f60718293a4b5c6d7' }] }, user: '233241234567', id: 'MM3b0e3a1b2c3d4e5f60718293a4b5c6d7' } },
    ],
    render(outbox) {
      const bodies = renderWhatsApp(outbox);
      const twiml = toTwiml(bodies);
      return {
        texts: bodies,
        accepted: () => {
          expect(twiml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?><Response>(<Message>[^<]*<\/Message>)+<\/Response>$/);
          for (const b of bodies) expect(b.length).toBeLessThanOrEqual(WHATSAPP_MAX_CHARS);
        },
      };
    },
  },
  {
    name: 'telegram',
    cases: [
      { payload: 'message.json', parse: () => parseTelegramRequest(json('telegram', 'message.json')), expected: { inbound: { kind: 'text', text: 'Bonjour' }, user: '5123456789', id: '912345001', hints: { locale: 'fr' } } },
      { payload: 'callback_query.json', parse: () => parseTelegramRequest(json('telegram', 'callback_query.json')), expected: { inbound: { kind: 'choice', id: 'main.menu:work' }, user: '5123456789', id: '912345002' } },
      { payload: 'location.json', parse: () => parseTelegramRequest(json('telegram', 'location.json')), expected: { inbound: { kind: 'location', lat: 33.573109, lon: -7.589843 }, user: '5123456789', id: '912345003' } },
      { payload: 'voice.json', parse: () => parseTelegramRequest(json('telegram', 'voice.json')), expected: { inbound: { kind: 'media', media: [{ kind: 'audio', ref: 'AwACAgQAAxkBAAIBNmd4voiceFileId0123456789', contentType: 'audio/ogg', size: 14523 }] }, user: '5123456789', id: '912345004' } },
      { payload: 'photo.json', parse: () => parseTelegramRequest(json('telegram', 'photo.json')), expected: { inbound: { kind: 'media', media: [{ kind: 'image', ref: 'AgACAgQAAxkBAAIBN2d4photoLarge', contentType: 'image/jpeg', size: 61847 }], text: 'Mon contrat de travail' }, user: '5123456789', id: '912345005' } },
    ],
    render(outbox) {
      const sends = renderTelegram(outbox);
      return {
        texts: sends.flatMap((s) => [s.text, ...(s.reply_markup && 'inline_keyboard' in s.reply_markup ? s.reply_markup.inline_keyboard.flat().map((b) => b.text) : [])]).map((t) => t.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')),
        accepted: () => {
          for (const s of sends) {
            expect(s.text.length).toBeGreaterThan(0);
            expect(s.text.length).toBeLessThanOrEqual(TELEGRAM_MAX_CHARS);
            // Telegram's HTML parse mode takes only its own tags; everything else must be escaped.
            expect(s.text.replace(/<\/?(b|i)>/g, '')).not.toMatch(/[<>]/);
            if (s.reply_markup && 'inline_keyboard' in s.reply_markup) for (const b of s.reply_markup.inline_keyboard.flat()) expect(Buffer.byteLength(b.callback_data)).toBeLessThanOrEqual(CALLBACK_DATA_MAX_BYTES);
          }
        },
      };
    },
  },
  {
    name: 'webchat',
    cases: [
      { payload: 'directline-message.json', parse: () => parseDirectLineActivity('conv-1', keptFromUser(json('webchat', 'directline-message.json') as unknown as Activity)!), expected: { inbound: { kind: 'text', text: 'Hallo' }, user: 'conv-1', id: 'conv-1|1735725600123k3r9xq2v1p', hints: { locale: 'de-DE' } } },
      { payload: 'directline-join.json', parse: () => parseDirectLineActivity('conv-1', keptFromUser(json('webchat', 'directline-join.json') as unknown as Activity)!), expected: { inbound: { kind: 'command', name: 'start' }, user: 'conv-1', id: 'conv-1|1735725599001a8b7c6d5e4', hints: { locale: 'de-DE' } } },
      { payload: 'botframework-message.json', parse: () => parseBotFrameworkActivity(json('webchat', 'botframework-message.json') as unknown as Activity), expected: { inbound: { kind: 'text', text: '¿Dónde está el centro más cercano?' }, user: 'b7f1e2d0-5a4c-11ef-9d1e-3b2f8c0a7e61|livechat', id: /\|c4a8e9f0-5a4c-11ef-a1b2-6f5e4d3c2b1a$/ } },
      { payload: 'botframework-conversation-update.json', parse: () => parseBotFrameworkActivity(json('webchat', 'botframework-conversation-update.json') as unknown as Activity), expected: { inbound: { kind: 'command', name: 'start' }, user: 'b7f1e2d0-5a4c-11ef-9d1e-3b2f8c0a7e61|livechat', id: /\|b9d2c0a0-5a4c-11ef-a1b2-6f5e4d3c2b1a$/ } },
    ],
    render(outbox) {
      const activities = outboxToActivities(outbox, 'web-user', 'en');
      return {
        texts: activities.flatMap((a) => [a.text ?? '', ...(a.suggestedActions?.actions.map((x) => x.title) ?? [])]).map((t) => t.replace(/\\([\\`*_[\]<>])/g, '$1')),
        accepted: () => {
          for (const a of activities) {
            expect(a).toMatchObject({ type: 'message', textFormat: 'markdown', from: { role: 'bot' } });
            for (const action of a.suggestedActions?.actions ?? []) expect(action.type).toBe('messageBack');
          }
        },
      };
    },
  },
  {
    name: 'terminal',
    cases: fixture('terminal', 'lines.txt').trim().split('\n').map((line, i) => ({
      payload: `lines.txt:${i + 1}`,
      parse: () => ({ status: 'turn' as const, delivery: { inbound: parseTerminalLine(line) } }),
      expected: [
        { inbound: { kind: 'command', name: 'menu' }, user: '', id: '' },
        { inbound: { kind: 'location', lat: 52.52, lon: 13.405 }, user: '', id: '' },
        { inbound: { kind: 'text', text: 'Wie kann ich in Deutschland arbeiten?' }, user: '', id: '' },
      ][i] as Expected,
    })),
    render(outbox) {
      const lines = renderForTerminal(outbox);
      return { texts: lines, accepted: () => expect(lines.every((l) => l.length > 0)).toBe(true) };
    },
  },
];

describe.each(ADAPTERS)('the $name adapter', (adapter) => {
  it.each(adapter.cases)('parses $payload into the expected inbound message, person and delivery id', ({ parse, expected }) => {
    const parsed = parse();
    expect(parsed.status).toBe('turn');
    if (parsed.status !== 'turn') return;
    expect(parsed.delivery.inbound).toEqual(expected.inbound);
    if (adapter.name === 'terminal') return; // no person or delivery id: one conversation per process
    const delivery = parsed.delivery as { ref: { user: string }; id?: string; hints: object };
    expect(delivery.ref.user).toBe(expected.user);
    if (typeof expected.id === 'string') expect(delivery.id).toBe(expected.id);
    else expect(delivery.id).toMatch(expected.id);
    if (expected.hints) expect(delivery.hints).toMatchObject(expected.hints);
  });

  it('renders every kind of outbound message as something the channel accepts, dropping nothing', () => {
    const rendered = adapter.render(OUTBOX);
    rendered.accepted();
    const all = rendered.texts.join('\n');
    for (const m of OUTBOX) {
      const words = m.kind === 'card' ? [m.title, m.links[0]!.url] : m.kind === 'link' ? [m.text, m.url] : m.kind === 'options' ? [m.text, ...m.options.map((o) => o.label)] : [m.text.slice(0, 40)];
      for (const w of words) expect(all, `${m.kind}: ${w}`).toContain(w);
    }
  });
});

describe('TwiML', () => {
  // what twilio's own MessagingResponse writes, for texts as people and the assistant write them
  const twilioTwiml = (messages: readonly string[]) => {
    const response = new twilio.twiml.MessagingResponse();
    for (const m of messages) response.message(m);
    return response.toString();
  };

  it.each([
    [[]],
    [['']],
    [['Hello, I am Wegweiser.', '1. Work in Germany\n2. Risks <read this> & more\r\n"quoted" \'single\'']],
    [['مرحبا، كيف يمكنني مساعدتك؟ 👍', 'آپ کی ملاقات کا حوالہ: Y7QBSY', 'Ćao — šta treba? 🇷🇸']],
  ])('is written as twilio writes it: %j', (messages) => {
    expect(toTwiml(messages)).toBe(twilioTwiml(messages));
  });

  it('leaves out characters XML cannot carry, where twilio would throw', () => {
    expect(toTwiml(['a\u0000b\u0008c\uFFFEd'])).toBe(twilioTwiml(['abcd']));
  });
});
