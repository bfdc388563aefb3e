/**
 * Bot Framework activities as inbound messages (pure), for Direct Line and /api/messages alike:
 * what is kept of a Web Chat activity, a person joining as `start` (in this one place), a message,
 * a tapped option or a shared location.
 */
import { mediaKindOf, type ChannelHints, type Inbound } from '../../core/messages.js';
import type { Parsed } from '../webhook.js';

export const CHANNEL = 'webchat';

export interface Activity {
  type: string;
  id?: string;
  timestamp?: string;
  channelId?: string;
  conversation?: { id: string };
  from?: { id: string; name?: string; role?: string };
  text?: string;
  textFormat?: string;
  locale?: string;
  value?: unknown;
  replyToId?: string;
  suggestedActions?: { to?: string[]; actions: { type: string; title: string; displayText?: string; text?: string; value?: unknown }[] };
  channelData?: unknown;
  /** Files: an upload's (`contentUrl` is `upload:<id>` until the turn has run), or an advisor's (a signed link). */
  attachments?: { contentType: string; contentUrl?: string; name?: string }[];
  /** Of an event: what happened. */
  name?: string;
  /** Of a conversationUpdate (Bot Framework): who joined, and the bot's own id. */
  membersAdded?: { id: string }[];
  recipient?: { id: string };
}

/** The page's first activity: the conversation starts (with the browser's locale). */
export const JOIN_EVENT = 'webchat/join';

/** Longer text is cut: no question needs more, and the transcript keeps it. */
export const MAX_TEXT = 4000;
const MAX_ID = 100;

const shortString = (v: unknown, max: number): string | undefined => (typeof v === 'string' && v.length <= max ? v : undefined);

/** A tapped option or a shared location: the only values the bot reads. */
function keptValue(value: unknown): Activity['value'] {
  const v = value as { choice?: unknown; location?: { lat?: unknown; lon?: unknown } } | null | undefined;
  if (typeof v?.choice === 'string') return { choice: v.choice.slice(0, 200) };
  if (v?.location && typeof v.location === 'object') return { location: { lat: Number(v.location.lat), lon: Number(v.location.lon) } };
  return undefined;
}

/**
 * What is kept of a person's activity: only what the bot reads (type, text, a tapped option or a
 * location, the locale, who sent it) and the id Web Chat matches its own message by; typing and
 * everything else the browser sends (attachments, entities, channel data) is not kept at all.
 */
export function keptFromUser(activity: Activity): Activity | undefined {
  const isJoin = activity.type === 'event' && activity.name === JOIN_EVENT;
  if (activity.type !== 'message' && !isJoin) return undefined;
  const clientActivityID = clientActivityId(activity);
  const kept: Activity = { type: activity.type, from: { id: shortString(activity.from?.id, MAX_ID) ?? 'user', role: 'user' } };
  if (isJoin) kept.name = JOIN_EVENT;
  const locale = shortString(activity.locale, 35);
  if (locale) kept.locale = locale;
  if (!isJoin && typeof activity.text === 'string') kept.text = activity.text.slice(0, MAX_TEXT);
  const value = isJoin ? undefined : keptValue(activity.value);
  if (value) kept.value = value;
  if (clientActivityID) kept.channelData = { clientActivityID };
  const attachments = isJoin ? [] : uploaded(activity.attachments);
  if (attachments.length) kept.attachments = attachments;
  return kept;
}

/** Where an upload's files wait for the turn: `upload:<random id>`, set by the upload route only. */
export const UPLOAD_REF = /^upload:[A-Za-z0-9_-]{16,64}$/;

/** The files of an upload (at most 10); attachments with any other address are not kept. */
function uploaded(attachments: unknown): NonNullable<Activity['attachments']> {
  if (!Array.isArray(attachments)) return [];
  return attachments
    .filter((a): a is { contentType: string; contentUrl: string; name?: unknown } => typeof a?.contentType === 'string' && typeof a.contentUrl === 'string' && UPLOAD_REF.test(a.contentUrl))
    .slice(0, 10)
    .map((a) => ({ contentType: a.contentType.slice(0, 200), contentUrl: a.contentUrl, ...(typeof a.name === 'string' ? { name: a.name.slice(0, 255) } : {}) }));
}

/**
 * The activity as the transcript keeps it: an upload's files by name only (the page shows them as
 * files; the bytes went to the turn, and to an advisor only during a handoff).
 */
export function withoutUploads(activity: Activity): Activity {
  if (!activity.attachments?.length) return activity;
  return { ...activity, attachments: activity.attachments.map((a) => ({ contentType: 'application/octet-stream', name: a.name ?? 'file' })) };
}

export function activityToInbound(activity: Activity): { inbound: Inbound; hints: ChannelHints } | undefined {
  if (activity.type !== 'message') return undefined;
  const hints: ChannelHints = typeof activity.locale === 'string' ? { locale: activity.locale } : {};
  const value = activity.value as { choice?: unknown; location?: { lat?: unknown; lon?: unknown } } | undefined;
  if (value && typeof value.choice === 'string') return { inbound: { kind: 'choice', id: value.choice }, hints };
  if (value?.location) {
    const lat = Number(value.location.lat);
    const lon = Number(value.location.lon);
    if (Number.isFinite(lat) && Number.isFinite(lon) && Math.abs(lat) <= 90 && Math.abs(lon) <= 180) return { inbound: { kind: 'location', lat, lon }, hints };
    return undefined;
  }
  const files = uploaded(activity.attachments);
  if (files.length) {
    const media = files.map((a) => ({ kind: mediaKindOf(a.contentType), ref: a.contentUrl!, contentType: a.contentType, ...(a.name ? { name: a.name } : {}) }));
    const caption = typeof activity.text === 'string' && activity.text.trim() ? activity.text.slice(0, MAX_TEXT) : undefined;
    return { inbound: { kind: 'media', media, ...(caption ? { text: caption } : {}) }, hints };
  }
  if (typeof activity.text === 'string') return { inbound: { kind: 'text', text: activity.text.slice(0, MAX_TEXT) }, hints };
  return { inbound: { kind: 'unsupported' }, hints };
}

/** The delivery id of a person's activity: unique only within its conversation, so prefixed with it. */
export function activityDeliveryId(conversationId: string, activityId: unknown): string | undefined {
  return typeof activityId === 'string' && activityId && activityId.length <= MAX_ID ? `${conversationId}|${activityId}` : undefined;
}

/** Web Chat's id of the activity it posted (kept, so a repeated post is answered once). */
export function clientActivityId(activity: Activity): string | undefined {
  return shortString((activity.channelData as { clientActivityID?: unknown } | null | undefined)?.clientActivityID, MAX_ID);
}

/**
 * A person's activity as a turn: joining (the page's join event, or a Bot Framework
 * conversationUpdate that adds someone other than the bot) starts the conversation; anything else
 * is read as a message. `undefined`: nothing for the bot.
 */
export function parseActivity(activity: Activity): { inbound: Inbound; hints: ChannelHints } | undefined {
  const joined =
    (activity.type === 'event' && activity.name === JOIN_EVENT) ||
    (activity.type === 'conversationUpdate' && (activity.membersAdded ?? []).some((m) => m.id !== activity.recipient?.id));
  if (joined) return { inbound: { kind: 'command', name: 'start' }, hints: typeof activity.locale === 'string' ? { locale: activity.locale } : {} };
  return activityToInbound(activity);
}

/** A Direct Line activity (verified, kept) for the pipeline: Web Chat's clientActivityID is the delivery id. */
export function parseDirectLineActivity(conversationId: string, activity: Activity): Parsed<undefined> {
  const parsed = parseActivity(activity);
  if (!parsed) return { status: 'ignore', body: undefined };
  return { status: 'turn', delivery: { ref: { channel: CHANNEL, user: conversationId }, ...parsed, id: activityDeliveryId(conversationId, clientActivityId(activity)), extra: undefined } };
}

/** A Bot Framework activity for the pipeline: one channel per Azure channel, the activity id is the delivery id. */
export function parseBotFrameworkActivity(activity: Activity): Parsed<undefined> {
  const parsed = parseActivity(activity);
  const conversation = activity.conversation;
  if (!parsed || !conversation || typeof activity.channelId !== 'string') return { status: 'ignore', body: undefined };
  return {
    status: 'turn',
    delivery: { ref: { channel: `botframework-${activity.channelId}`, user: conversation.id }, ...parsed, id: activityDeliveryId(conversation.id, activity.id), extra: undefined },
  };
}
