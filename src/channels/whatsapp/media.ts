/**
 * Files on WhatsApp. A person's file arrives as `MediaUrl<n>` on Twilio's API: fetched with the
 * account's credentials (HTTP basic auth with the account SID and auth token), following Twilio's
 * redirect to where the file is kept, the credentials sent to Twilio only. An advisor's file goes
 * out through the REST API with `mediaUrl`: a signed link to this server that Twilio fetches.
 */
import type { InboundMedia } from '../../core/messages.js';
import { readLimited, type ChannelMedia, type FetchedMedia, type OutgoingFile, type SendingTo, type SendResult } from '../adapter.js';
import { CUSTOMER_SERVICE_WINDOW_MS, lazyTwilioClient, type TwilioClient } from './send.js';

export interface WhatsAppMediaOptions {
  accountSid: string;
  authToken: string;
  from: string;
  now: () => Date;
  /** Another API root (tests point it at a fake Twilio on 127.0.0.1); its files are fetched there. */
  apiBase?: string;
}

const TWILIO_API = 'https://api.twilio.com';
const MAX_REDIRECTS = 5;

/** Fetches a file a person sent, from Twilio only: anything else in a MediaUrl is refused. */
export async function fetchTwilioMedia(opts: WhatsAppMediaOptions, media: InboundMedia, maxBytes: number, signal: AbortSignal): Promise<FetchedMedia> {
  let url: URL;
  try {
    url = new URL(media.ref);
  } catch {
    return { status: 'failed', reason: 'MediaUrl is not a URL' };
  }
  const twilioOrigins = new Set([TWILIO_API, ...(opts.apiBase ? [new URL(opts.apiBase).origin] : [])]);
  if (!twilioOrigins.has(url.origin)) return { status: 'failed', reason: 'MediaUrl is not on Twilio’s API: the account’s credentials are not sent there' };
  if (!url.pathname.startsWith(`/2010-04-01/Accounts/${opts.accountSid}/`)) return { status: 'failed', reason: 'MediaUrl belongs to another Twilio account' };
  const auth = `Basic ${Buffer.from(`${opts.accountSid}:${opts.authToken}`).toString('base64')}`;
  let res = await fetch(url, { headers: { authorization: auth }, redirect: 'manual', signal });
  for (let hop = 0; res.status >= 300 && res.status < 400 && res.headers.get('location'); hop++) {
    if (hop >= MAX_REDIRECTS) return { status: 'failed', reason: 'too many redirects' };
    await res.body?.cancel().catch(() => undefined);
    const next = new URL(res.headers.get('location')!, url);
    if (next.protocol !== 'https:' && next.protocol !== url.protocol) return { status: 'failed', reason: 'a redirect left https' };
    // The credentials go to Twilio only, never to where it redirects (a storage bucket's signed URL).
    res = await fetch(next, { headers: twilioOrigins.has(next.origin) ? { authorization: auth } : {}, redirect: 'manual', signal });
    url = next;
  }
  if (!res.ok) {
    await res.body?.cancel().catch(() => undefined);
    return { status: 'failed', reason: `Twilio answered ${res.status} for the file` };
  }
  return readLimited(res, maxBytes);
}

/** Sends an advisor's file inside WhatsApp's 24-hour window, as a message whose media Twilio fetches from the signed link. */
export async function sendWhatsAppFile(opts: WhatsAppMediaOptions, client: () => Promise<TwilioClient>, user: string, file: OutgoingFile, conversation: SendingTo): Promise<SendResult> {
  if (conversation?.stopped) return { status: 'refused', why: 'opted-out', reason: 'the person wrote stop; they receive nothing until they write again' };
  const last = conversation ? Date.parse(conversation.updatedAt) : NaN;
  if (!conversation || opts.now().getTime() - last > CUSTOMER_SERVICE_WINDOW_MS) {
    return { status: 'refused', why: 'outside-window', reason: 'more than 24 hours since the person last wrote: WhatsApp allows only an approved template message now' };
  }
  try {
    const message = await (await client()).messages.create({ from: opts.from, to: `whatsapp:+${user}`, mediaUrl: [file.url], ...(file.kind === 'document' ? { body: file.name } : {}) });
    return { status: 'sent', ids: [message.sid] };
  } catch (err) {
    const httpStatus = (err as { status?: unknown }).status;
    const permanent = typeof httpStatus === 'number' && httpStatus >= 400 && httpStatus < 500 && httpStatus !== 429 && httpStatus !== 401;
    return permanent ? { status: 'refused', why: 'rejected', reason: `Twilio refused the file (${httpStatus}): ${(err as Error).message}` } : { status: 'failed', reason: (err as Error).message };
  }
}

export function whatsappMedia(opts: WhatsAppMediaOptions): ChannelMedia {
  const client = lazyTwilioClient(opts);
  return {
    fetch: (media, maxBytes, signal) => fetchTwilioMedia(opts, media, maxBytes, signal),
    sendFile: (user, file, conversation) => sendWhatsAppFile(opts, client, user, file, conversation),
  };
}
