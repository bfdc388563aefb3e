/**
 * Centres asked for in a sentence: a question the knowledge base reads as "where are the centres"
 * ("do you have an office in serbia?", "fin kayn f casa?") that names a place, or follows one named
 * a little earlier ("... a shop in Gujranwala", then "which office should I visit?"), is answered
 * with the centres near that place too, after the entry (which says when they open, and asks
 * where the person is).
 */
import type { ActionResult } from '../core/actions.js';
import { placeWords } from '../understanding/requests.js';
import { CENTRES_TOPIC } from '../core/topics.js';
import { request, takeResult, type Turn } from './context.js';
import { advance, keepResultValues } from './runner.js';

/** How many turns after a question named a town "which office?" still means near that town. */
const PLACE_TURNS = 6;

/** The nearest centres to the place a text names. */
const lookUp = (turn: Turn, text: string): Promise<ActionResult> => turn.deps.actions.nearestCentre({ ...request(turn), query: placeWords(text) });

/** The lookup, when its place is in a country with a centre (or one whose centre takes no bookings). */
function centresIn(found: ActionResult): ActionResult | undefined {
  if (found.outcome === 'unavailable') return found;
  return found.outcome === 'ok' && found.choices?.centreChoices && found.vars?.placeInCentreCountry === 'yes' ? found : undefined;
}

/**
 * After a knowledge answer about `topic`: true when the question asked where the centres are near a
 * place it names or one named before, and the centres there were shown after it. Else a place the
 * question names is remembered for a later "which office?".
 */
export async function showCentresAsked(turn: Turn, question: string, topic: string | undefined): Promise<boolean> {
  const { state } = turn;
  const named = await lookUp(turn, question);
  const here = centresIn(named);
  if (topic !== CENTRES_TOPIC) {
    if (here?.outcome === 'ok') state.context = { ...state.context, place: question.slice(0, 200), placeTurn: state.turns };
    return false;
  }
  const before = state.context?.place && state.context.placeTurn !== undefined && state.turns - state.context.placeTurn <= PLACE_TURNS ? state.context.place : undefined;
  const found = here ?? (before ? centresIn(await lookUp(turn, before)) : undefined);
  if (!found) {
    // "rani f wahran, kayen bureau ta3kom hna?": after the entry, the word that there is none in that country.
    if (named.vars?.placeWithoutCentre === 'yes') takeResult(turn, named);
    return false;
  }
  takeResult(turn, found);
  if (found.outcome === 'unavailable') {
    await advance(turn, 'main.menu');
    return true;
  }
  keepResultValues(turn, found);
  state.misses = 0;
  await advance(turn, 'centres.offer');
  return true;
}
