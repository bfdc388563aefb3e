/** Renders outbound messages as terminal text; options arrive already numbered by `degrade`. */
import { degrade } from '../../core/degrade.js';
import type { Outbound } from '../../core/messages.js';

export function renderForTerminal(outbox: readonly Outbound[]): string[] {
  return degrade(outbox, { buttons: false }).map((m) => {
    switch (m.kind) {
      case 'text':
      case 'handoffNotice':
        return m.text;
      case 'options':
        return m.text; // unreachable after degrade; kept so nothing is ever dropped
      case 'link':
        return `${m.text}\n${m.url}`;
      case 'locationRequest':
        return `${m.text}\n(/location LAT,LON)`;
      case 'card':
        return [`*${m.title}*`, m.text, m.links.length ? m.linksHeading ?? '' : '', ...m.links.map((l) => l.url), m.footer ?? ''].filter(Boolean).join('\n');
    }
  });
}
