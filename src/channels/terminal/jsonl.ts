/**
 * The terminal's JSON mode (`npm run --silent chat -- --jsonl`): one JSON input per line, one
 * JSON result per line, written as soon as the turn is done. It is how conversations are tested
 * from outside and the simulator a curator uses; `--channel` renders each turn as that channel
 * would (WhatsApp's numbered options) while `options` still lists them as data.
 *
 *   in:  {"text": "..."} | {"tap": "<option id>"} | {"location": {"lat": n, "lon": n}}, each with an optional "person"
 *   out: {"flow", "asking", "lang", "understood", "texts", "options", "topic", "safety", "centre",
 *         "handoff", "appointment": {"reference", "centre", "local", "requested"?}, "cancelled" (an appointment's
 *         reference, or the id of an advisor request the person withdrew)}
 */
import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import type { ChannelCapabilities } from '../../core/degrade.js';
import type { ChannelHints, Inbound, Option } from '../../core/messages.js';
import type { TurnMeta } from '../../core/turn-meta.js';
import type { Conversations } from '../../runtime/conversations.js';
import { parseTerminalLine } from './parse.js';
import { renderForTerminal } from './render.js';

export const SIMULATED_CHANNELS = ['terminal', 'whatsapp', 'telegram', 'webchat'] as const;
export type SimulatedChannel = (typeof SIMULATED_CHANNELS)[number];

/** What each channel can show; WhatsApp numbers its options, the others have buttons. */
const CAPABILITIES: Record<SimulatedChannel, ChannelCapabilities> = {
  terminal: { buttons: false },
  whatsapp: { buttons: false },
  telegram: { buttons: true },
  webchat: { buttons: true },
};

export interface JsonInput {
  inbound: Inbound;
  person?: string;
  /** Hints a channel would give: a locale (Telegram's language_code, the browser's) and a country. */
  locale?: string;
  country?: string;
}

export type JsonResult = Omit<TurnMeta, 'flow' | 'knowledge' | 'feedback' | 'review'> & {
  person?: string;
  flow: string | null;
  lang: string;
  texts: string[];
  options: Option[];
};

export class JsonInputError extends Error {}

const MAX_LINE = 20_000;

/** One input line as a message, or a JsonInputError saying what is wrong with it. */
export function parseJsonInput(line: string, channel: SimulatedChannel): JsonInput {
  if (line.length > MAX_LINE) throw new JsonInputError(`a line may hold at most ${MAX_LINE} characters`);
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    throw new JsonInputError('each line must be a JSON object');
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new JsonInputError('each line must be a JSON object');
  const o = raw as Record<string, unknown>;
  const given = ['text', 'tap', 'location'].filter((k) => o[k] !== undefined);
  if (given.length !== 1) throw new JsonInputError('give exactly one of "text", "tap" or "location"');
  for (const k of ['person', 'locale', 'country'] as const) {
    if (o[k] !== undefined && (typeof o[k] !== 'string' || !o[k] || (o[k] as string).length > 200)) throw new JsonInputError(`"${k}" must be a short non-empty string`);
  }
  const extra = { ...(o.person ? { person: o.person as string } : {}), ...(o.locale ? { locale: o.locale as string } : {}), ...(o.country ? { country: (o.country as string).toUpperCase() } : {}) };
  if (o.text !== undefined) {
    if (typeof o.text !== 'string') throw new JsonInputError('"text" must be a string');
    return { inbound: channel === 'terminal' ? parseTerminalLine(o.text) : { kind: 'text', text: o.text }, ...extra };
  }
  if (o.tap !== undefined) {
    if (typeof o.tap !== 'string' || !o.tap) throw new JsonInputError('"tap" must be an option id');
    return { inbound: { kind: 'choice', id: o.tap }, ...extra };
  }
  const loc = o.location as { lat?: unknown; lon?: unknown } | null;
  const lat = loc?.lat;
  const lon = loc?.lon;
  if (typeof lat !== 'number' || typeof lon !== 'number' || Math.abs(lat) > 90 || Math.abs(lon) > 180) {
    throw new JsonInputError('"location" must be {"lat": -90..90, "lon": -180..180}');
  }
  return { inbound: { kind: 'location', lat, lon }, ...extra };
}

/**
 * Every WhatsApp chat has the number it comes from: where the person is not given as one, the
 * simulation uses a made-up number (+1 555 0100, a range kept for fiction), so "this number" works as
 * on WhatsApp, without a country.
 */
const SIMULATED_WHATSAPP_NUMBER = '+15550100';

/** A simulated channel's hints: WhatsApp knows the country from a phone number given as the person. */
function hintsFor(channel: SimulatedChannel, input: JsonInput): ChannelHints {
  const phoneCountry = channel === 'whatsapp' && input.person && /^\+?\d{6,16}$/.test(input.person)
    ? parsePhoneNumberFromString(input.person.startsWith('+') ? input.person : `+${input.person}`)?.country
    : undefined;
  const country = input.country ?? phoneCountry;
  const phone = phoneCountry ? `+${input.person!.replace(/^\+/, '')}` : channel === 'whatsapp' ? SIMULATED_WHATSAPP_NUMBER : undefined;
  return { ...(input.locale ? { locale: input.locale } : {}), ...(country ? { country } : {}), ...(phone ? { phone } : {}) };
}

/** Runs one input through the conversations, as the channel would hand it in, and describes the turn. */
export async function runJsonTurn(conversations: Conversations, channel: SimulatedChannel, input: JsonInput, defaultPerson: string): Promise<JsonResult> {
  const ref = { channel, user: input.person ?? defaultPerson };
  const delivered = await conversations.receive(ref, input.inbound, hintsFor(channel, input));
  const { meta } = delivered;
  return {
    ...(input.person ? { person: input.person } : {}),
    flow: meta.flow,
    asking: meta.asking,
    lang: delivered.lang,
    understood: meta.understood,
    texts: renderForTerminal(delivered.outbox, CAPABILITIES[channel]),
    options: delivered.outbox.flatMap((m) => (m.kind === 'options' ? m.options : [])),
    topic: meta.topic,
    safety: meta.safety,
    centre: meta.centre,
    handoff: meta.handoff,
    appointment: meta.appointment,
    // what was cancelled in the turn: an appointment's reference, or the advisor request withdrawn
    cancelled: meta.cancelled ?? meta.handoffCancelled ?? null,
  };
}

export interface JsonChatOptions {
  conversations: Conversations;
  input: NodeJS.ReadableStream;
  write: (text: string) => void;
  channel: SimulatedChannel;
  /** The language hint for inputs that give no locale, like `--lang`. */
  lang?: string;
}

/** Reads JSON lines and writes one result line each, in order; a bad line gets {"error"} and changes nothing. */
export async function runJsonChat(opts: JsonChatOptions): Promise<void> {
  const defaultPerson = randomUUID();
  const rl = createInterface({ input: opts.input, terminal: false, crlfDelay: Infinity });
  for await (const line of rl) {
    if (!line.trim()) continue;
    let result: JsonResult | { error: string };
    try {
      const input = parseJsonInput(line, opts.channel);
      result = await runJsonTurn(opts.conversations, opts.channel, opts.lang && !input.locale ? { ...input, locale: opts.lang } : input, defaultPerson);
    } catch (err) {
      if (!(err instanceof JsonInputError)) throw err;
      result = { error: err.message };
    }
    opts.write(JSON.stringify(result) + '\n');
  }
}
