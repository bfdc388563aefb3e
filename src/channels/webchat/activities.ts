/**
 * Bot Framework activities both ways (pure): what is kept of a Web Chat activity, the activity as
 * an inbound message, and outbound messages as bot activities — Markdown text, options as
 * suggested actions (a tap sends the option id back as a value), sources as plain links.
 */
import type { ChannelHints, Inbound, Outbound } from '../../core/messages.js';

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
  /** Of an event: what happened. */
  name?: string;
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
  const clientActivityID = shortString((activity.channelData as { clientActivityID?: unknown } | null | undefined)?.clientActivityID, MAX_ID);
  const kept: Activity = { type: activity.type, from: { id: shortString(activity.from?.id, MAX_ID) ?? 'user', role: 'user' } };
  if (isJoin) kept.name = JOIN_EVENT;
  const locale = shortString(activity.locale, 35);
  if (locale) kept.locale = locale;
  if (!isJoin && typeof activity.text === 'string') kept.text = activity.text.slice(0, MAX_TEXT);
  const value = isJoin ? undefined : keptValue(activity.value);
  if (value) kept.value = value;
  if (clientActivityID) kept.channelData = { clientActivityID };
  return kept;
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
  if (typeof activity.text === 'string') return { inbound: { kind: 'text', text: activity.text.slice(0, MAX_TEXT) }, hints };
  return { inbound: { kind: 'unsupported' }, hints };
}

function markdownEscape(text: string): string {
  return text.replace(/([\\`*_[\]<>])/g, '\\$1');
}

/** Bot activities (without ids and timestamps, which the transport adds). */
export function outboxToActivities(outbox: readonly Outbound[], userId: string, locale: string): Activity[] {
  return outbox.map((m): Activity => {
    const base = { type: 'message', from: { id: 'wegweiser', name: 'Wegweiser', role: 'bot' }, locale, textFormat: 'markdown' };
    switch (m.kind) {
      case 'text':
      case 'handoffNotice':
        return { ...base, text: markdownEscape(m.text).replace(/\n/g, '  \n') };
      case 'link':
        return { ...base, text: `${markdownEscape(m.text)}  \n${m.url}` };
      case 'locationRequest':
        return { ...base, text: markdownEscape(m.text), suggestedActions: { to: [userId], actions: [{ type: 'messageBack', title: `📍 ${m.buttonLabel}`, displayText: m.buttonLabel, value: { requestLocation: true } }] } };
      case 'options':
        return {
          ...base,
          text: markdownEscape(m.text),
          suggestedActions: { to: [userId], actions: m.options.map((o) => ({ type: 'messageBack', title: o.label, displayText: o.label, value: { choice: o.id } })) },
        };
      case 'card':
        return {
          ...base,
          text: [
            `**${markdownEscape(m.title)}**`,
            markdownEscape(m.text).replace(/\n/g, '  \n'),
            m.links.length ? `${markdownEscape(m.linksHeading ?? '')}  \n${m.links.map((l) => l.url).join('  \n')}` : '',
            m.footer ? `_${markdownEscape(m.footer)}_` : '',
          ].filter(Boolean).join('\n\n'),
        };
    }
  });
}
