/**
 * Outbound messages as WhatsApp text (pure): options as a numbered list, *bold* titles, each link
 * a plain URL on its own line, long text split at paragraph boundaries under WhatsApp's limit.
 */
import twilio from 'twilio';
import { degrade } from '../../core/degrade.js';
import { splitMessage } from '../../core/split.js';
import type { Outbound } from '../../core/messages.js';

/** Twilio accepts up to 1,600 characters in one WhatsApp message body. */
export const WHATSAPP_MAX_CHARS = 1600;

export function renderWhatsAppText(m: Outbound): string {
  switch (m.kind) {
    case 'text':
    case 'handoffNotice':
      return m.text;
    case 'options':
      return m.text; // already numbered by degrade
    case 'link':
      return `${m.text}\n${m.url}`;
    case 'locationRequest':
      return m.text;
    case 'card':
      return [`*${m.title}*`, m.text, m.links.length ? [m.linksHeading ?? '', ...m.links.map((l) => l.url)].join('\n') : '', m.footer ?? '']
        .filter(Boolean)
        .join('\n\n');
  }
}

export function renderWhatsApp(outbox: readonly Outbound[]): string[] {
  return degrade(outbox, { buttons: false }).flatMap((m) => splitMessage(renderWhatsAppText(m), WHATSAPP_MAX_CHARS));
}

/** The webhook's answer: the reply as TwiML, one <Message> per part. */
export function toTwiml(messages: readonly string[]): string {
  const response = new twilio.twiml.MessagingResponse();
  for (const text of messages) response.message(text);
  return response.toString();
}
