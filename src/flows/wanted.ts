/** A day or a time the person named with a booking request, chosen when the booking step offers it. */
import type { Option } from '../core/messages.js';
import type { AskStep } from './schema.js';
import { say, type Turn } from './context.js';
import { askOptions } from './render.js';

/** A day or time named earlier that the step now offers: chosen without asking again. */
export function wantedOption(turn: Turn, ask: AskStep): Option | undefined {
  const { vars } = turn.state;
  if (ask.var === 'day' && vars.wantDay) {
    const want = vars.wantDay;
    delete vars.wantDay;
    return askOptions(turn, ask).find((o) => o.id.endsWith(`:${want}`));
  }
  if (ask.var === 'start' && vars.wantTime) {
    const want = vars.wantTime;
    delete vars.wantTime;
    const option = askOptions(turn, ask).find((o) => o.label === want);
    // Never asked again as if unsaid: the time named is taken, so the free ones follow.
    if (!option) say(turn, 'booking.timeNotFree');
    return option;
  }
  return undefined;
}
