/** What the person's reply means at an ask step: a value, one of the options, or a question. */
import { endsAsQuestion } from '../core/normalize.js';
import { matchOption, matchOptionWords } from '../core/degrade.js';
import type { Inbound, Option } from '../core/messages.js';
import type { ActionResult } from '../core/actions.js';
import { APPOINTMENT_TOPIC } from '../core/topics.js';
import type { AskStep } from './schema.js';
import { isSetback } from '../understanding/setback.js';
import { holdsSomeoneBack, someoneHasLeft } from '../understanding/worried.js';
import { courtesyInPassing, type Courtesy } from '../understanding/courtesy.js';
import { words } from '../understanding/phrases.js';
import { placeWords } from '../understanding/requests.js';
import { yesNo } from '../understanding/replies.js';
import { COURTESY_KEYS, followedTopic, missed, MISSES_BEFORE_HUMAN, refOf, rememberTopic, request, say, takeResult, type Turn } from './context.js';
import { ALSO_OFFERED, askOptions, FEEDBACK_NO, FEEDBACK_YES, renderAsk } from './render.js';
import { advance, keepResultValues, offerHumanNow } from './runner.js';
import { showCentresAsked } from './centres-asked.js';

/** What a worried relative is shown: the dangers of the journey. */
const RISKS_TOPIC = 'risks-irregular-journey';

export async function answerInputStep(turn: Turn, ask: AskStep, input: Inbound): Promise<void> {
  if (input.kind !== 'text') return staleChoice(turn, ask, input);
  turn.state.vars[ask.var!] = input.text.trim();
  await advance(turn, refOf(turn, ask.next!));
}

export async function answerOptionsStep(turn: Turn, ask: AskStep, input: Inbound): Promise<void> {
  const options = askOptions(turn, ask);
  let chosen: Option | undefined;
  if (input.kind === 'choice') {
    chosen = options.find((o) => o.id === input.id);
    if (!chosen) return staleChoice(turn, ask, input);
  } else if (input.kind === 'text') {
    // A menu's option by a word of it ("work", "retour"); the days, times and centres are read at their own steps.
    chosen = matchOption(input.text, options) ?? (ask.optionsFrom ? undefined : matchOptionWords(input.text, options));
  }
  if (chosen) {
    turn.state.lastChoice = chosen.id;
    turn.state.misses = 0;
    // Option ids are "flow.step:id"; the id itself may hold colons (a time).
    return choose(turn, ask, chosen.id.slice(chosen.id.indexOf(':') + 1), chosen.label);
  }
  if (input.kind !== 'text') return renderAsk(turn, ask);
  if (ask.onText) {
    turn.state.vars[ask.var!] = input.text.trim();
    return advance(turn, refOf(turn, ask.onText));
  }
  if (ask.optionsFrom) {
    // A question among the centres, days or times ("il est ouvert le samedi?"): answered when the knowledge base is sure, then the same choices.
    if (looksLikeQuestion(input.text) && (await answeredAside(turn, input.text))) return renderAsk(turn, ask);
    return missAndAskAgain(turn, ask, 'fallback.chooseFromList');
  }
  // Text that is not one of the options is a question: answer it, then offer the menu again.
  const follows = followedTopic(turn);
  const result = await turn.deps.actions.knowledgeAnswer({ ...request(turn), question: input.text, ...(follows ? { follows } : {}) });
  // "mera visa teesri baar reject ho gaya": bad news told in a few words, not asked, even when an entry is near; a kind word and a person.
  if (!result.urgent && result.outcome === 'ok' && words(input.text).length <= 10 && !endsAsQuestion(input.text) && isSetback(input.text)) return toldSetback(turn, input.text);
  // "c'est gratuit ?" asked whether to be put through, and no entry sure: the step asked again, never left for a list of topics.
  if (result.outcome === 'unsure' && !result.urgent && (turn.state.at.flow === 'handoff' || turn.state.at.flow === 'booking')) {
    return missAndAskAgain(turn, ask, turn.state.at.flow === 'handoff' ? 'fallback.advisorCanAnswer' : 'fallback.notSure');
  }
  takeResult(turn, result);
  if (result.urgent) return offerHumanNow(turn);
  if (result.outcome === 'ok' && (await showCentresAsked(turn, input.text, result.topic))) return rememberTopic(turn, result);
  keepResultValues(turn, result);
  if (result.vars?.unsure === 'choices') return advance(turn, 'fallback.did-you-mean');
  if (result.vars?.unsure === 'regular') return advance(turn, 'fallback.regular-ways');
  if (result.outcome === 'ok') {
    rememberTopic(turn, result);
    turn.state.misses = 0;
    return renderAsk(turn, ask);
  }
  if (result.outcome === 'unavailable') return renderAsk(turn, ask);
  // A town alone ("accra", "berlin"): looked up once, for the centres there or, further down, the word that there are none.
  let lookedUp: Promise<ActionResult> | undefined;
  const townAlone = () => (lookedUp ??= turn.deps.actions.nearestCentre({ ...request(turn), query: input.text }));
  // A town alone that the knowledge base knows nothing of ("accra", "lahore pls"): the nearest centres there.
  if (await isPlaceWithCentres(input.text, townAlone)) {
    notAMiss(turn, input.text);
    turn.state.vars.place = input.text.trim().slice(0, 120);
    return advance(turn, 'centres.find');
  }
  // "a mund te vij ne prishtine atehere? jane 2 ore me makine": a message the knowledge base cannot place that names a
  // centre's own town (after hearing there is none at home): the centres there.
  if (await namesCentreTown(turn, input.text)) {
    notAMiss(turn, input.text);
    turn.state.vars.place = placeWords(input.text).slice(0, 120);
    return advance(turn, 'centres.find');
  }
  // "mera visa teesri baar reject ho gaya": bad news told, not a question missed; a kind word and a person.
  if (isSetback(input.text)) return toldSetback(turn, input.text);
  // "comment je peux le convaincre de pas partir?": a worried relative; the risks to show, and the centre to come to together.
  const afterRisks = Boolean(follows && /^(risks|route)-/.test(follows));
  if (holdsSomeoneBack(input.text, afterRisks)) return worriedForSomeone(turn, follows);
  // "mon petit frere est parti avant hier de mbour": someone close already on the way; what to do in danger, and a person.
  if (someoneHasLeft(input.text, afterRisks)) {
    notAMiss(turn, input.text);
    turn.state.misses = 0;
    return advance(turn, 'fallback.someone-left');
  }
  // "i just want to say thank you for yesterday ... God go bless you": no question in it, so its courtesy is what it says.
  const courtesy = courtesyInPassing(input.text);
  if (courtesy) {
    notAMiss(turn, input.text);
    return replyToCourtesy(turn, ask, courtesy);
  }
  // "yes", "po", "oui" where nothing waits for a yes (the menu after a booking or a move): an ok, never a miss.
  if (words(input.text).length <= 3 && yesNo(input.text, turn.state.lang) === 'yes') {
    notAMiss(turn, input.text);
    return replyToCourtesy(turn, ask, 'ok');
  }
  // "berlin", "dubai": a town alone where no centre is; said so, with the advisors who answer in this chat.
  if (words(input.text).length <= 3 && (await isPlaceWithoutCentre(turn, townAlone))) return renderAsk(turn, ask);
  // Football, bitcoin, a phone to buy: what the assistant is for, said plainly; not a miss (the curators still see it).
  if (result.vars?.unsure === 'outOfScope') {
    turn.meta.understood = true;
    turn.state.misses = 0;
    say(turn, 'fallback.outOfScope');
    return renderAsk(turn, ask);
  }
  return missAndAskAgain(turn, ask, 'fallback.notSure');
}

/** Courtesy is never a miss: a kind word of its own (none to a greeting or a bare ok), then the same question again. */
export function replyToCourtesy(turn: Turn, ask: AskStep, courtesy: Courtesy): void {
  if (courtesy !== 'greeting' && courtesy !== 'ok') say(turn, COURTESY_KEYS[courtesy]);
  turn.state.misses = 0;
  renderAsk(turn, ask);
}

/** Bad news told: a kind word and a person, not an entry nor "not sure". */
function toldSetback(turn: Turn, text: string): Promise<void> {
  notAMiss(turn, text);
  turn.state.misses = 0;
  return advance(turn, 'fallback.setback');
}

/** Understood after all: not a question the knowledge base missed (no report of it, nothing for the curator). */
function notAMiss(turn: Turn, text: string): void {
  turn.meta.understood = true;
  turn.meta.knowledge = null;
  turn.meta.review = turn.meta.review.filter((r) => r.question !== text);
}

/** The risks of the journey (unless they were the last answer), then coming to the centre together or a person. */
async function worriedForSomeone(turn: Turn, follows: string | undefined): Promise<void> {
  turn.meta.understood = true;
  turn.state.misses = 0;
  if (follows !== RISKS_TOPIC) {
    const result = await turn.deps.actions.knowledgeAnswer({ ...request(turn), topic: RISKS_TOPIC });
    takeResult(turn, result);
    if (result.outcome === 'ok') rememberTopic(turn, result);
  }
  return advance(turn, 'fallback.worried');
}

/** Several words, or a question mark: more than a pick that went wrong. */
export function looksLikeQuestion(text: string): boolean {
  return endsAsQuestion(text) || text.trim().split(/\s+/).length >= 4;
}

/** A question asked beside a choice, answered only when the knowledge base is sure of it. */
export async function answeredAside(turn: Turn, text: string): Promise<boolean> {
  // In the middle of a booking, "what should I bring?" is about the appointment unless it says otherwise.
  const follows = followedTopic(turn) ?? (turn.state.at.flow === 'booking' ? APPOINTMENT_TOPIC : undefined);
  const result = await turn.deps.actions.knowledgeAnswer({ ...request(turn), question: text, ...(follows ? { follows } : {}) });
  if (result.outcome !== 'ok' || result.urgent || result.facts?.knowledge?.outcome !== 'answered') return false;
  takeResult(turn, result);
  rememberTopic(turn, result);
  turn.state.misses = 0;
  return true;
}

async function isPlaceWithCentres(text: string, townAlone: () => Promise<ActionResult>): Promise<boolean> {
  if (text.trim().split(/\s+/).length > 3) return false;
  const found = await townAlone();
  return found.outcome === 'ok' && found.vars?.placeInCentreCountry === 'yes';
}

async function namesCentreTown(turn: Turn, text: string): Promise<boolean> {
  const length = words(text).length;
  if (length <= 3 || length > 20) return false;
  const found = await turn.deps.actions.nearestCentre({ ...request(turn), query: placeWords(text) });
  return found.outcome === 'ok' && found.vars?.placeIsCentreTown === 'yes';
}

async function isPlaceWithoutCentre(turn: Turn, townAlone: () => Promise<ActionResult>): Promise<boolean> {
  const found = await townAlone();
  if (found.vars?.placeWithoutCentre !== 'yes') return false;
  takeResult(turn, found);
  turn.meta.understood = true;
  turn.state.misses = 0;
  return true;
}

/** Not understood: say so and ask again; after two misses in a row, offer a person instead. */
function missAndAskAgain(turn: Turn, ask: AskStep, key: string): Promise<void> | void {
  missed(turn);
  turn.state.misses += 1;
  if (turn.state.misses >= MISSES_BEFORE_HUMAN) {
    turn.state.misses = 0;
    return advance(turn, 'fallback.offer-human');
  }
  say(turn, key);
  return renderAsk(turn, ask);
}

async function choose(turn: Turn, ask: AskStep, optionId: string, label: string): Promise<void> {
  const { state } = turn;
  if ((optionId === FEEDBACK_YES || optionId === FEEDBACK_NO) && state.asked) return rate(turn, ask, optionId === FEEDBACK_YES);
  if (ask.optionsVar === 'didYouMean' && optionId !== 'human') turn.tookChoice = true;
  if (optionId === 'more' && state.lastTopic) {
    const result = await turn.deps.actions.knowledgeDetails({ ...request(turn), topic: state.lastTopic });
    takeResult(turn, result);
    delete state.lastTopic;
    if (state.asked?.awaiting === 'rating') turn.askedNow = true; // "did this help?" now asks about the details too
    return renderAsk(turn, ask);
  }
  if (optionId === ALSO_OFFERED && state.alsoOffered) {
    // The runner-up offered beside the answer: answered as a "did you mean" pick is.
    const result = await turn.deps.actions.knowledgeAnswer({ ...request(turn), topic: state.alsoOffered.id });
    takeResult(turn, result);
    delete state.lastTopic;
    delete state.alsoOffered;
    if (result.outcome === 'ok') rememberTopic(turn, result);
    return renderAsk(turn, ask);
  }
  if (ask.var) {
    state.vars[ask.var] = optionId;
    state.vars[`${ask.var}Label`] = label; // what the person chose, in words, for a confirmation text
  }
  if (ask.optionsFrom) return advance(turn, refOf(turn, ask.next!));
  const option = ask.options?.find((o) => o.id === optionId);
  if (option?.topic) {
    const result = await turn.deps.actions.knowledgeAnswer({ ...request(turn), topic: option.topic });
    takeResult(turn, result);
    delete state.lastTopic;
    delete state.alsoOffered;
    if (result.outcome === 'ok') rememberTopic(turn, result);
    return renderAsk(turn, ask);
  }
  return advance(turn, refOf(turn, option?.goto ?? ask.next ?? 'main.menu'));
}

/** "Did this help?": yes thanks and asks again; no goes to the curator's queue and offers to rephrase or a person. */
function rate(turn: Turn, ask: AskStep, helped: boolean): Promise<void> | void {
  const { question, topics } = turn.state.asked!;
  delete turn.state.asked;
  turn.meta.feedback = helped ? 'yes' : 'no';
  if (helped) {
    say(turn, 'feedback.thanks');
    return renderAsk(turn, ask);
  }
  turn.meta.review.push({ reason: 'unhelpful', question, topics });
  return advance(turn, 'fallback.unhelpful');
}

/** A button from an earlier message: a double tap is ignored, anything else gets the current options. */
export function staleChoice(turn: Turn, ask: AskStep, input: Inbound): void {
  if (input.kind === 'choice' && input.id === turn.state.lastChoice) return;
  say(turn, 'system.staleChoice');
  renderAsk(turn, ask);
}
