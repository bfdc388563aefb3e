/**
 * Outbound messages as WhatsApp text (pure): options as a numbered list, *bold* titles, each link
 * a plain URL on its own line, long text split at paragraph boundaries under WhatsApp's limit.
 */
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

/**
 * The webhook's answer: the reply as TwiML, one <Message> per part — the same text twilio's
 * MessagingResponse writes (a test compares them), written directly: its XML builder was a
 * tenth of a menu turn's work. Characters XML 1.0 cannot carry (which the builder throws on) are
 * left out.
 */
export function toTwiml(messages: readonly string[]): string {
  if (!messages.length) return `${XML_DECLARATION}<Response/>`;
  const parts = messages.map((text) => {
    const body = escapeXmlText(text);
    return body ? `<Message>${body}</Message>` : '<Message/>';
  });
  return `${XML_DECLARATION}<Response>${parts.join('')}</Response>`;
}

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';
// eslint-disable-next-line no-control-regex -- these are the characters XML 1.0 forbids
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#xD;' };

function escapeXmlText(text: string): string {
  return text.replace(NOT_XML, '').replace(/[&<>\r]/g, (c) => ESCAPES[c]!);
}
