/** Renders outbound messages as terminal text; options arrive already numbered by `degrade`. */
import { degrade, type ChannelCapabilities } from '../../core/degrade.js';
import type { Outbound } from '../../core/messages.js';

/** With `buttons`, a menu's options are shown apart (JSON mode lists them), so only its question is text. */
export function renderForTerminal(outbox: readonly Outbound[], caps: ChannelCapabilities = { buttons: false }): string[] {
  return degrade(outbox, caps).map((m) => {
    switch (m.kind) {
      case 'text':
      case 'handoffNotice':
        return m.text;
      case 'options':
        return m.text; // the question only: the options are shown as buttons
      case 'link':
        return `${m.text}\n${m.url}`;
      case 'locationRequest':
        return `${m.text}\n(/location LAT,LON)`;
      case 'card':
        return [`*${m.title}*`, m.text, m.links.length ? m.linksHeading ?? '' : '', ...m.links.map((l) => l.url), m.footer ?? ''].filter(Boolean).join('\n');
    }
  });
}
