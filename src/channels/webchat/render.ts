/**
 * Outbound messages as bot activities (pure): Markdown text, options as suggested actions (a tap
 * sends the option id back as a value, and its label as text, which Web Chat shows as the
 * person's message: without text it shows nothing), a location request as a button the page answers with the
 * browser's position, sources as plain links.
 */
import type { Outbound } from '../../core/messages.js';
import type { Activity } from './parse.js';

/**
 * Escapes Markdown outside URLs. A URL stays as written: an escaped "_" in it becomes "%5C_" once
 * Web Chat's linkify turns it into a link (about\_us.php -> about%5C_us.php, a broken address).
 */
function markdownEscape(text: string): string {
  return text
    .split(/(https?:\/\/\S+)/)
    .map((part, i) => (i % 2 ? part : part.replace(/([\\`*_[\]<>])/g, '\\$1')))
    .join('');
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
          suggestedActions: { to: [userId], actions: m.options.map((o) => ({ type: 'messageBack', title: o.label, text: o.label, displayText: o.label, value: { choice: o.id } })) },
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
