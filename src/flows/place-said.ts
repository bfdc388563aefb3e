/**
 * The town the person said they are in, earlier in the conversation ("je suis pecheur a mbour",
 * "jam ne durres"): kept, so "where is your office?" or "I want an appointment" later does not ask
 * "where are you?" again. The steps after it name the centre found and let the person change it.
 */
import { mentionedPlaces } from '../understanding/requests.js';
import type { AskStep } from './schema.js';
import { request, type Turn } from './context.js';

/** Looks up the towns a message mentions being in; the first one where the centres are is kept. */
export async function noteSaidPlace(turn: Turn, ask: AskStep | undefined, text: string): Promise<void> {
  // A reply to "where are you?" is taken by that step itself.
  if (ask?.expects === 'place') return;
  for (const candidate of mentionedPlaces(text)) {
    const found = await turn.deps.actions.nearestCentre({ ...request(turn), query: candidate });
    if (found.outcome === 'ok' && found.vars?.centreId && found.vars.placeInCentreCountry === 'yes' && found.vars.placeIsCountry !== 'yes') {
      turn.state.vars.saidPlace = candidate;
      return;
    }
  }
}

/** At "where are you?", the town said before, once a turn (a town that finds nothing then asks as usual). */
export function placeSaidBefore(turn: Turn, ask: AskStep): string | undefined {
  const said = turn.state.vars.saidPlace;
  if (ask.expects !== 'place' || !ask.var || !ask.next || !said || turn.usedSaidPlace) return undefined;
  turn.usedSaidPlace = true;
  return said;
}
