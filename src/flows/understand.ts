/**
 * What a typed message means at the step the conversation waits at, before the step's own
 * reading: a reply the step asked for (yes or no, a day, a time, a name, a contact), a request
 * (book, my appointment, cancel, move, a person, a language, menu, stop, delete), courtesy, or the
 * evidence of the language the person writes in. True when the message was taken care of here.
 */
import type { Lang } from '../core/lang.js';
import { DateTime } from 'luxon';
import { matchOption } from '../core/degrade.js';
import { byOrdinal } from '../core/ordinal.js';
import { endsAsQuestion } from '../core/normalize.js';
import type { ActionResult } from '../core/actions.js';
import type { Option } from '../core/messages.js';
import { hasGreeting, recogniseCourtesy } from '../understanding/courtesy.js';
import { languageEvidence, requestedLanguage, shortMessageLanguage } from '../understanding/language.js';
import { extractContact, extractName, introducesName, looksLikeFullName, meansThisNumber, onlyAgrees, westernDigits, withoutContact, yesNo } from '../understanding/replies.js';
import { asksAboutCentre, asksOpeningHours, cancelAskedAbout, centreAskedIn, keepsAppointment, keepsTime, mentionedPlaces, placeWords, pointsThere, statedPlace, recogniseRequest, requestBeside, saidBesideTheLanguage, requestAtTheEnd, withdrawsRequest, type Request } from '../understanding/requests.js';
import { dateBesideWeekday, matchDay, matchTime, namesNextWeek, outsideHours, partOfDay, vagueWhen } from '../understanding/when.js';
import { addFacts, type Asking } from '../core/turn-meta.js';
import type { AskStep } from './schema.js';
import { centreNamedBefore, missed, positionRef, refOf, request, say, takeResult, urgentLine, type Turn } from './context.js';
import { askOptions, currentAsk, renderAsk } from './render.js';
import { findStep } from './loader.js';
import { answeredAside, answerOptionsStep, looksLikeQuestion, replyToCourtesy } from './answers.js';
import { runCommand } from './commands.js';
import { advance, keepResultValues } from './runner.js';
import { contactTypedEarly, leavesBooking, refuseDay } from './booking-steps.js';
import { sentences, words as plainWords } from '../understanding/phrases.js';


/**
 * What an ask step waits for, in the words of the chat contract: what the flow says it expects,
 * else what its variable or its options say (yes and no: a confirmation). The same answer for
 * reading a reply and for the turn's metadata.
 */
export function askingOf(ask: AskStep): Asking {
  if (ask.expects) return ask.expects;
  if (ask.var === 'day') return 'day';
  if (ask.var === 'start') return 'time';
  if (ask.var === 'name') return 'name';
  if (ask.var === 'contact') return 'contact';
  if (ask.var === 'place') return 'place';
  if (ask.input === 'location') return 'location';
  if (ask.input === 'text') return 'text';
  const ids = new Set(ask.options?.map((o) => o.id));
  return ids.has('yes') && ids.has('no') ? 'confirm' : 'choice';
}

/** A guess from a message with a greeting settles it from this many words (the greeting and a name or two are fewer). */
const SETTLING_WORDS = 5;
/** A sentence of this many words in another language moves a conversation whose language nobody chose. */
const SWITCHING_WORDS = 6;

/**
 * The language the person writes in, while nothing settled it: taken before anything else reads
 * the message, so that an answer to danger said in the same message is in that language too.
 */
export function noteLanguage(turn: Turn, ask: AskStep | undefined, text: string): void {
  const { state } = turn;
  const asking = ask ? askingOf(ask) : 'choice';
  // "merci ya3tik essa7a" in a conversation held in French: a few words of thanks said the way one's family says it
  // move nothing ("shukriya, Allah aap ko khush rakhe", a sentence, still does).
  const courtesyOnly = state.langFrom === undefined && state.turns > 1 && words(text) <= 3 && recogniseCourtesy(text) !== undefined && !requestedLanguage(text);
  if (state.langFrom !== 'chosen' && !courtesyOnly) {
    // Nothing said the language yet: the first sentence that shows it sets it ("buenaaas", then "todo bien por alla?");
    // a name, a town or a phone number says nothing about it.
    const sentence = asking === 'choice' || asking === 'text' || asking === 'confirm';
    const sure = languageEvidence(text)?.lang ?? requestedLanguage(text);
    // A detector's guess needs a sentence: "merci" or "ok" after "hello" says nothing.
    // "i am ok", "all good": an ok says too little for a guess.
    const guess = () => (words(text) >= 3 && recogniseCourtesy(text) !== 'ok' ? turn.deps.detectLanguage(text) : undefined);
    // Settled by earlier evidence (not chosen), a whole sentence in another language moves the conversation to it:
    // "je veux voir quelqu'un à Dakar" after a "salam" that was read as Arabic.
    // Written in Arabic or Cyrillic letters in a conversation held in another script ("وين مكانكم بأربيل؟ وشوكت تفتحون؟"
    // after English), a few words do it; Latin letters do not (Roman Urdu and Arabizi are written in them).
    const script = scriptOf(text);
    const otherScript = letterWords(text) >= 2 && script !== 'latin' && script !== (state.lang === 'ar' || state.lang === 'ur' ? 'arabic' : state.lang === 'sr' ? script : 'latin');
    const switchGuess = () => (sentence && (letterWords(text) >= SWITCHING_WORDS || otherScript) ? turn.deps.detectLanguage(text) : undefined);
    const evidence = sure ?? (state.langFrom === 'unknown' ? (sentence ? (shortMessageLanguage(text) ?? guess()) : undefined) : switchGuess());
    if (evidence && evidence !== state.lang) {
      state.lang = evidence;
      // The welcome went out in a guess ("salam" read as Arabic): the privacy notice again, in the language now known.
      if (state.langFrom === 'unknown' && state.turns <= 2) say(turn, 'welcome.privacy');
    }
    // A detector's guess from a greeting and a word or two ("salam aleykoum nanga def": Arabic?) holds
    // until a sentence shows the language better; the way a message is written, or a language named, settles it.
    const weakGuess = !sure && words(text) < SETTLING_WORDS && hasGreeting(text);
    if (evidence && !weakGuess) delete state.langFrom;
  }
}

export async function understandText(turn: Turn, ask: AskStep, text: string): Promise<boolean> {
  const { state } = turn;
  const asking = askingOf(ask);
  // Asked where they are for an advisor, "no" / "not now" declines the advisor: it is not a town.
  if (positionRef(state.at) === 'handoff.where' && yesNo(text, state.lang) === 'no') {
    await advance(turn, 'handoff.declined');
    return true;
  }
  // "la, ana f casa daba" (no, I'm in Casablanca now) at "this centre?": the place is the answer, not the no.
  const atCentreQuestion = positionRef(state.at) === 'handoff.confirm' || positionRef(state.at) === 'handoff.consent';
  // "non pas casa, c est loin. vous avez rien a tanger?": a town turned down is not the one proposed.
  if (atCentreQuestion && yesNo(text, state.lang) === 'no' && words(text) >= 3 && (await proposeCentre(turn, text.replace(NOT_THAT, ' ')))) return true;
  // "non en fait laisse tomber, je reviens au menu" asked whether to be put through: declined, as a plain "no".
  if (atCentreQuestion && yesNo(text, state.lang) !== 'yes' && withdrawsRequest(text)) {
    await advance(turn, 'handoff.declined');
    return true;
  }
  // "theek hai main khud lahore center aa jata hun. appointment chahiye agle hafte": an ok that goes on to book is the booking, not a yes to an advisor.
  // "ok i go tell am. abeg make we continue. benin city wednesday 11am" after danger told about a friend: the booking in its last sentence.
  const booking = atCentreQuestion && words(text) >= 4 ? recogniseRequest(text) ?? recogniseRequest(sentences(text).at(-1) ?? '') : undefined;
  if (booking?.kind === 'book') {
    await runRequest(turn, booking, text);
    return true;
  }
  // "iya mau ngobrol sama orang, aku asli lombok" asked to agree with no centre yet: the yes, and the centre of the place said is proposed.
  if (positionRef(state.at) === 'handoff.consent' && !state.vars.centreId && yesNo(text, state.lang) === 'yes' && words(text) >= 3) {
    for (const place of mentionedPlaces(text)) if (await proposeCentre(turn, place)) return true;
  }
  // Asked where, the place with a day or a time ("sfax lundi matin", "u petak u beogradu"): the day and the time are kept for the booking.
  if (positionRef(state.at) === 'centres.start' && rememberWanted(turn, text) && !(await namesPlace(turn, text))) {
    // Only the day or the hour ("غدا فالصباح", "morgen früh"): kept, and the place asked again without "I could not find that place".
    state.misses = 0;
    renderAsk(turn, ask);
    return true;
  }
  // "je suis à Thiès", "main lahore mein hoon" asked where: the place said, without the words around it.
  const stated = asking === 'place' && ask.var && ask.next ? statedPlace(text) : undefined;
  if (stated && stated !== text.trim()) {
    state.vars[ask.var!] = stated;
    await advance(turn, refOf(turn, ask.next!));
    return true;
  }
  // "never mind", "gak jadi deh", "laisse tomber" part-way through a booking: left, nothing booked.
  if (state.at.flow === 'booking' && leavesBooking(text)) {
    await runRequest(turn, { kind: 'cancel' }, text);
    return true;
  }
  // "la machi iyeh, 06 61 23 45 78" at the booking's yes: the contact corrected, and the yes asked again with it.
  const corrected = asking === 'confirm' && state.at.flow === 'booking' ? extractContact(text) : undefined;
  if (corrected && corrected !== state.vars.contact) {
    state.vars.contact = corrected;
    state.misses = 0;
    renderAsk(turn, ask);
    return true;
  }
  if (asking === 'confirm' && state.at.flow === 'booking' && (await otherDayAtConfirm(turn, text))) return true;
  if (await answerStep(turn, ask, asking, text)) return true;
  // "dem dey call me Ibrahim Musa" at the name step is a name, not a request to be called.
  if (asking === 'name' && introducesName(text)) return takeName(turn, text);
  if (asking === 'contact') {
    // "u fit call me for 024 412 3456", "appelez-moi au 22 345 678": the number is the contact, not a request to be called.
    // "this number", "wohi number", "nomor ini aja" on WhatsApp: the number written from.
    const contact = extractContact(text) ?? (turn.replyPhone && meansThisNumber(text) ? turn.replyPhone : undefined);
    if (contact) {
      state.vars.contact = contact;
      await advance(turn, 'booking.confirm');
      return true;
    }
    // "je m'appelle Samir", "mera naam Bilal hai", "Besnik Krasniqi" when the contact is asked: the name, and the contact asked again.
    if (introducesName(text) || looksLikeFullName(text)) {
      state.vars.name = extractName(text);
      state.misses = 0;
      renderAsk(turn, ask);
      return true;
    }
  }
  // An option's own words or number ("Cancel the appointment", "2") are that option, not a request.
  if (!ask.input && matchOption(text, askOptions(turn, ask))) return false;
  // "ma kaynch chi centre f tanja?" where no centre is: said so, with the nearest and that an advisor answers here; the question again.
  if ((await noCentreThere(turn, text)) || (await saysCentreHours(turn, text))) {
    renderAsk(turn, ask);
    return true;
  }
  // "keep am", "je la garde", "rakh lo" at "cancel or keep?": kept (never read as a question about keeping someone's passport).
  const keep = KEEPS_APPOINTMENT[positionRef(state.at)];
  if (keep && keepsAppointment(text)) {
    await answerOptionsStep(turn, ask, { kind: 'choice', id: optionWithId(turn, ask, keep)!.id });
    return true;
  }
  const req = recogniseRequest(text);
  if (req) {
    await runRequest(turn, req, text);
    return true;
  }
  // A long story that ends with a request: the request, with the towns the story named ("sy dr Praya ... bisa buat janji?").
  const ending = requestAtTheEnd(text);
  if (ending) {
    const places = mentionedPlaces(ending.sentence).length ? [] : mentionedPlaces(text);
    await runRequest(turn, ending.request, [ending.sentence, ...places].join(' '));
    return true;
  }
  // "i dey for lagos", "je suis à sfax", "main lahore mein hoon" at a menu: the centres near there.
  if (asking === 'choice' && (await showCentresNear(turn, statedPlace(text)))) return true;
  // "5km? i dey kumasi o, but no wahala i go take bus come" at the centres shown for another town: the centres near where the person is.
  if (positionRef(state.at) === 'centres.offer') for (const place of mentionedPlaces(text)) if (await showCentresNear(turn, place)) return true;
  // "haan ji", "yes o" at "an appointment at one of these centres?": yes, at the nearest one.
  // A bare "ok", or "alright. God bless una", is only heard: the list stays; "ok. una dey open saturday?" asks the hours.
  if (positionRef(state.at) === 'centres.offer' && yesNo(text, state.lang) === 'yes' && recogniseCourtesy(text) === undefined && !asksAboutCentre(text)) {
    const nearest = state.choices?.centreChoices?.find((o) => o.id !== 'menu');
    if (nearest) {
      state.vars.centreId = nearest.id;
      state.misses = 0;
      await advance(turn, 'booking.days');
      return true;
    }
  }
  // "monday", "el 9 de dic", "at 11" at "an appointment at one of these centres?": yes, at the nearest one, that day.
  // A day named before ("sfax lundi matin"), then only the hour ("u 11", "9h"): the hour is the time, not an option.
  const hourAfterDay = Boolean(state.vars.wantDay) && words(text) <= 4 && Number(/\d{1,2}/.exec(westernDigits(text))?.[0] ?? 0) >= 7;
  if (positionRef(state.at) === 'centres.offer' && !asksAboutCentre(text) && (namesComingDay(text, today(turn)) || ((CLOCK.test(westernDigits(text)) || hourAfterDay) && namedTime(text)))) {
    const nearest = state.choices?.centreChoices?.find((o) => o.id !== 'menu');
    if (nearest) {
      rememberWanted(turn, text);
      state.vars.centreId = nearest.id;
      state.misses = 0;
      await advance(turn, 'booking.days');
      return true;
    }
  }
  // A town typed at the "this centre?" question, or at the consent question: the centre near it.
  if (atCentreQuestion && (await proposeCentre(turn, text))) return true;
  // In danger, a reply there that is no yes, no no and no place ("نكلم مين طيب", who do we call then?): the emergency line again, and the question.
  if (atCentreQuestion && state.urgent) {
    say(turn, urgentLine(state));
    state.misses = 0;
    renderAsk(turn, ask);
    return true;
  }
  const courtesy = recogniseCourtesy(text);
  if (courtesy) {
    // A greeting in the middle ("hello o") gets the question again; small talk a kind word first. Never a miss.
    replyToCourtesy(turn, ask, courtesy);
    return true;
  }
  // Asked where they are, a question instead ("how much does it cost?"): answered when no place is named and the knowledge base is sure, then asked again.
  // A long message that names a place without saying the person is there ("dem go pass through libya first before germany,
  // i dey fear") is about something else: answered when the knowledge base is sure, and the place asked again.
  const aboutElse = asking === 'place' && words(text) >= 8 && !statedPlace(text);
  // "Me i dey Kumasi. I came back from Libya... you people fit help with small business": the question answered when
  // the knowledge base is sure, and the town they said they are in taken as the answer to "where".
  const placeInStory = aboutElse && ask.var && ask.next ? await townInCentreCountry(turn, mentionedPlaces(text)) : undefined;
  if (placeInStory) {
    await answeredAside(turn, text);
    state.vars[ask.var!] = placeInStory;
    await advance(turn, refOf(turn, ask.next!));
    return true;
  }
  if (asking === 'place' && (aboutElse || (looksLikeQuestion(text) && !(await namesPlace(turn, text)))) && (await answeredAside(turn, text))) {
    renderAsk(turn, ask);
    return true;
  }
  // Asked a name or a contact, a question instead ("attends, c'est gratuit ?"): answered when the knowledge base is sure, then asked again.
  if ((asking === 'name' || asking === 'contact') && asksBeside(text) && (await answeredAside(turn, text))) {
    renderAsk(turn, ask);
    return true;
  }
  // "i talk am already", "wohi number", "I told you": no name in it, so the name is asked again, not stored.
  if (asking === 'name' && saysNoName(text)) {
    missed(turn);
    renderAsk(turn, ask);
    return true;
  }
  // "mi cel es +221 77 654 32 10" asked for a name: the contact kept for later, the name asked again (never "mi cel es").
  const contactAlone = asking === 'name' ? extractContact(text) : undefined;
  if (contactAlone && !/\p{L}{2}/u.test(withoutContact(text, contactAlone))) {
    state.vars.earlyContact = contactAlone;
    state.misses = 0;
    renderAsk(turn, ask);
    return true;
  }
  // "ja", "ja genau prishtina" at the name step (the centre named with the question): agreed, the name asked again.
  if (asking === 'name' && onlyAgrees(text, state.lang, [state.vars.city ?? '', state.vars.centreTown ?? '', state.vars.centreName ?? ''])) {
    replyToCourtesy(turn, ask, 'ok');
    return true;
  }
  if (asking === 'name') return takeName(turn, text);
  if (asking === 'contact') {
    // "same number" where the chat shows no number (web chat, Telegram): the number itself is asked for.
    if (!turn.replyPhone && meansThisNumber(text)) {
      say(turn, 'booking.numberNotSeen');
      return true;
    }
    // "iyeh", "appelez moi", "i no get phone": no way to reach the person in it, so asked again (then a person offered).
    // A handle or a number written with words around it ("telegram @kwame", "call my brother 024 41…") is kept as typed.
    if (!extractContact(text) && !/@\S|\d{5}/.test(westernDigits(text))) {
      missed(turn);
      renderAsk(turn, ask);
      return true;
    }
    state.vars.contact = extractContact(text) ?? text.trim().slice(0, 120);
    await advance(turn, 'booking.confirm');
    return true;
  }
  return false;
}

/**
 * "اه", "iya", "ok" where the days or the times are shown (the centre named with them): the person
 * agrees and has not chosen yet, so the same choices are asked again, not counted as a miss.
 */
function acknowledges(turn: Turn, ask: AskStep, text: string): boolean {
  if (words(text) > 3 || yesNo(text, turn.state.lang) !== 'yes') return false;
  replyToCourtesy(turn, ask, 'ok');
  return true;
}

/** A question at a step that takes free text: a question mark or five words and more, with no phone number or email in it. */
function asksBeside(text: string): boolean {
  return !extractContact(text) && (endsAsQuestion(text) || words(text) >= 5);
}

/** Words that are never part of a name but of a reply about it ("i talk am already", "same as before", "wohi number"). */
const ABOUT_THE_NAME = new Set('already told tell said talk talked same before above number phone email wohi wahi bataya pehle upar deja schon gesagt sudah udah tadi kemarin rekao tashme njejte'.split(' '));

function saysNoName(text: string): boolean {
  const tokens = text.toLowerCase().split(/[^\p{L}]+/u).filter(Boolean);
  // "i told you already, Lamin": the name after the words about it
  const rest = extractName(text).toLowerCase().split(/[^\p{L}]+/u).filter(Boolean);
  const nameAfter = rest.length >= 1 && rest.length <= 3 && rest.length < tokens.length && !rest.some((t) => ABOUT_THE_NAME.has(t));
  return tokens.length <= 6 && !introducesName(text) && !nameAfter && tokens.some((t) => ABOUT_THE_NAME.has(t));
}

async function takeName(turn: Turn, text: string): Promise<true> {
  // "Hicham Bennani 0662 45 78 90", "Arben Krasniqi, 044 123 456": the name and the contact in one message.
  const contact = extractContact(text);
  const rest = contact ? withoutContact(text, contact) : text;
  turn.state.vars.name = extractName(rest || text);
  // The contact with the name, or typed early at the day or time step of this booking: not asked again.
  const given = (contact && /\p{L}{2}/u.test(rest) ? contact : undefined) ?? turn.state.vars.earlyContact;
  delete turn.state.vars.earlyContact;
  if (given) {
    turn.state.vars.contact = given;
    await advance(turn, 'booking.confirm');
    return true;
  }
  await advance(turn, 'booking.contact');
  return true;
}

/** The topic of where the centres are and when they open: an answer on a centre's hours is one of it. */
const CENTRES_LOCATIONS = 'centres-locations';

/**
 * "una dey open saturday?", "وين مكانكم بأربيل؟ وشوكت تفتحون؟": the week's hours of the centre named, or of the one
 * the conversation is about; false when no centre is known (the question is answered as any other).
 */
async function saysCentreHours(turn: Turn, text: string): Promise<boolean> {
  if (!asksOpeningHours(text)) return false;
  const named = await turn.deps.actions.nearestCentre({ ...request(turn), query: text });
  const town = turn.state.vars.centreTown;
  const found = named.outcome === 'ok' && named.vars?.centreHours ? named : town ? await turn.deps.actions.nearestCentre({ ...request(turn), query: town }) : undefined;
  const v = found?.outcome === 'ok' ? found.vars : undefined;
  if (!v?.centreHours || !v.centreCity) return false;
  say(turn, 'centres.hoursOf', { city: v.centreCity, hours: v.centreHours });
  // the topic a question about where the centres are and when they open belongs to
  addFacts(turn.meta, { ...found!.facts, topic: CENTRES_LOCATIONS });
  turn.state.vars.centreTown = v.centreTown ?? town ?? '';
  turn.state.misses = 0;
  return true;
}

/** A centre asked for in a town that has none: the nearest named, with its distance; false when the town has one or is not found. */
async function noCentreThere(turn: Turn, text: string): Promise<boolean> {
  const town = centreAskedIn(text);
  if (!town) return false;
  const found = await turn.deps.actions.nearestCentre({ ...request(turn), query: town });
  const v = found.outcome === 'ok' ? found.vars : undefined;
  if (!v?.centreId || v.placeIsCentreTown === 'yes' || v.placeInCentreCountry !== 'yes' || !v.placeName || !v.placeKm) return false;
  say(turn, 'centres.noneHere', { place: v.placeName, name: v.centreName ?? '', city: v.centreCity ?? '', km: v.placeKm });
  addFacts(turn.meta, found.facts); // the nearest centre, proposed: "book there" then means it
  turn.state.misses = 0;
  return true;
}

/** The steps that ask whether to keep or cancel an appointment, and the id of their "keep" option. */
const KEEPS_APPOINTMENT: Record<string, string> = { 'centres.mine-options': 'keep', 'centres.cancel-confirm': 'no' };

/** The option of the current ask whose own id is `id` (ids are rendered "flow.step:id"). */
function optionWithId(turn: Turn, ask: AskStep, id: string): Option | undefined {
  return askOptions(turn, ask).find((o) => o.id.slice(o.id.indexOf(':') + 1) === id);
}

async function answerStep(turn: Turn, ask: AskStep, asking: Asking, text: string): Promise<boolean> {
  const pick = async (option: Option | undefined): Promise<boolean> => {
    if (!option) return false;
    await answerOptionsStep(turn, ask, { kind: 'choice', id: option.id });
    return true;
  };
  if (asking === 'confirm') {
    const answer = yesNo(text, turn.state.lang);
    // "po, te premten ora 10" asked whether to move: the yes with the new day (and hour), chosen as if named with the move.
    if (answer === 'yes' && positionRef(turn.state.at) === 'centres.move-confirm' && rememberWanted(turn, text) && turn.state.vars.wantDay && turn.state.vars.wantTime) {
      turn.state.vars.moveKeeps = turn.state.vars.moveNamed = 'yes';
    }
    return answer ? pick(optionWithId(turn, ask, answer)) : false;
  }
  if (asking === 'day') {
    if (contactTypedEarly(turn, ask, text)) return true;
    const offered = turn.state.choices?.[ask.optionsVar!] ?? [];
    // "lundi après-midi", "besok sore": only that part of the day's times are offered at the time step.
    const part = vagueWhen(text);
    if (part === 'morning' || part === 'afternoon') turn.state.vars.wantPart = part;
    // "thursday at 9", or a time alone before the day: the time is kept for the time step.
    const time = namedTime(text, today(turn));
    if (time) turn.state.vars.wantTime = time;
    // "السبت لا، الاثنين الجاي", "not saturday, next monday": the day named last, when it is on offer.
    const days = offered.map((o) => o.id);
    const day = dayOfLastClause(text, days, today(turn)) ?? matchDay(text, days, today(turn)) ?? lastDayNamed(text, days, today(turn));
    // "i no fit come thursday", "ich kann nicht am Donnerstag": the one day named is turned down, so the days are shown again.
    if (day && turnsDownDay(text, today(turn))) {
      turn.state.misses = 0;
      renderAsk(turn, ask);
      return true;
    }
    if (day) return pick(optionWithId(turn, ask, day));
    // "as soon as possible", "any day": the first day offered. "the second one", "le 1er" (when no 1st is offered): that day.
    if (vagueWhen(text) === 'first' && offered.length) return pick(optionWithId(turn, ask, offered[0]!.id));
    const placed = byOrdinal(text, askOptions(turn, ask));
    if (placed) return pick(placed);
    const unoffered = namesComingDay(text, today(turn));
    if (!unoffered && !time && !part && acknowledges(turn, ask, text)) return true;
    // "wait o, make e be lagos, na lagos i dey now": another town while the days are shown: the centre there.
    if (!unoffered && !time && !part && (await otherCentreNamed(turn, text))) return true;
    if (!unoffered && !time && !part) return false;
    // A day that is not on offer: why (closed that weekday, too far ahead, full) and the same days again; never "not understood".
    if (unoffered) {
      await refuseDay(turn, ask, text, today(turn));
      return true;
    }
    // "er kann nur nachmittags, gibts was ab 14 uhr?": the hour or part of the day is kept, and said to be.
    say(turn, 'booking.whenKept');
    turn.state.misses = 0;
    renderAsk(turn, ask);
    return true;
  }
  if (asking === 'time') {
    if (contactTypedEarly(turn, ask, text)) return true;
    const offered = askOptions(turn, ask);
    const time = matchTime(text, offered.map((o) => o.label));
    if (time) return pick(offered.find((o) => o.label === time));
    const placed = byOrdinal(text, offered);
    if (placed) return pick(placed);
    // "ah non attend jeudi je travail, plutot vendredi matin": another of the days offered, its times.
    const days = turn.state.choices?.dayChoices ?? [];
    const day = lastDayNamed(text, days.map((d) => d.id), today(turn));
    if (day && day !== turn.state.vars.day && positionRef(turn.state.at) === 'booking.choose-time') {
      turn.state.vars.day = day;
      turn.state.vars.dayLabel = days.find((d) => d.id === day)?.label ?? day;
      turn.state.misses = 0;
      await advance(turn, 'booking.times');
      return true;
    }
    // "nein!! nicht montag, mittwoch 16": a day past those offered, never "16" as an hour: the days again with it among them.
    const further = CLOCK.test(westernDigits(text)) ? undefined : matchDay(text.replace(NOT_THAT, ' '), comingDays(today(turn), 45), today(turn));
    if (further && further !== turn.state.vars.day && positionRef(turn.state.at) === 'booking.choose-time' && rememberWanted(turn, text)) {
      turn.state.vars.centreNamed = 'yes';
      turn.state.misses = 0;
      await advance(turn, 'booking.days');
      return true;
    }
    // "the earliest", "any time": the first time offered. "rather in the afternoon": the one time then, or the
    // times asked again (same numbering, no miss) so the person picks one of that part of the day.
    const vague = vagueWhen(text);
    if (vague === 'first' && offered[0]) return pick(offered[0]);
    if (vague) {
      const inPart = offered.filter((o) => (vague === 'morning' ? o.label < '12:00' : o.label >= '12:00'));
      if (inPart.length === 1) return pick(inPart[0]);
      // Only the times of that part of the day (or, none free then, said so with the day's times): never one outside it.
      turn.state.misses = 0;
      if (positionRef(turn.state.at) === 'booking.choose-time') {
        turn.state.vars.wantPart = vague;
        await advance(turn, 'booking.times');
      } else renderAsk(turn, ask);
      return true;
    }
    const anyTime = matchTime(text, OFFICE_TIMES);
    if (!anyTime && acknowledges(turn, ask, text)) return true;
    // "15 Uhr" where the centre closes at 14:00: outside its hours, said with the hours; not "not free".
    if (anyTime && outsideHours(turn.state.vars.dayRanges, anyTime)) {
      turn.state.misses = 0;
      say(turn, 'booking.outsideHours');
      renderAsk(turn, ask);
      return true;
    }
    // A time the centre may have free though not among the ten shown ("14h" after 09:00-13:30): the times around it.
    if (anyTime && positionRef(turn.state.at) === 'booking.choose-time') {
      turn.state.vars.wantTime = anyTime;
      await advance(turn, 'booking.times');
      // Not free after all: said so with the times around it, and it counts as asked again.
      if (positionRef(turn.state.at) === 'booking.choose-time') turn.state.misses += 1;
      return true;
    }
    if (anyTime || (/^\s*\d{1,2}\s*$/.test(text) && Number(text) >= 7)) {
      // An hour that is not free ("subah 11 baje" within the lead time), never read as an option number.
      turn.state.misses += 1;
      say(turn, 'booking.timeNotFree');
      renderAsk(turn, ask);
      return true;
    }
  }
  return false;
}

async function namesPlace(turn: Turn, text: string): Promise<boolean> {
  const found = await turn.deps.actions.nearestCentre({ ...request(turn), query: text });
  return found.outcome !== 'unsure' || found.vars?.placeWithoutCentre === 'yes';
}

/** The first of the towns a person mentioned being in that lies in a country with a centre. */
async function townInCentreCountry(turn: Turn, places: string[]): Promise<string | undefined> {
  for (const place of places) {
    const found = await turn.deps.actions.nearestCentre({ ...request(turn), query: place });
    if (found.outcome === 'ok' && found.vars?.placeInCentreCountry === 'yes') return place;
  }
  return undefined;
}

/** The centres near a place the person said they are in, when it is in a country with a centre. */
async function showCentresNear(turn: Turn, place: string | undefined): Promise<boolean> {
  if (!place) return false;
  const found = await turn.deps.actions.nearestCentre({ ...request(turn), query: place });
  if (found.outcome === 'unavailable') return notBookableThere(turn, found);
  if (found.outcome !== 'ok' || !found.choices?.centreChoices || found.vars?.placeInCentreCountry !== 'yes') return false;
  takeResult(turn, found);
  keepResultValues(turn, found);
  turn.state.misses = 0;
  await advance(turn, 'centres.offer');
  return true;
}

/** "not 8", "pas lundi", "nicht Montag", "machi l7ed": a day turned down beside the one wanted. */
const NOT_THAT = /\b(?:not|pas|nicht|no|nahi|nahin|machi|mashi|mish|bukan|jo|ne)\s+(?:the\s+|le\s+|am\s+)?[\p{L}\d.]+/giu;

/**
 * "prit, te enjten nuk mundem. te henen ma mire" at the booking's yes: another of the days offered, its times asked,
 * the name and contact kept (as a move keeps them), then the yes again.
 */
async function otherDayAtConfirm(turn: Turn, text: string): Promise<boolean> {
  const { vars } = turn.state;
  const days = turn.state.choices?.dayChoices ?? [];
  const from = today(turn);
  const ids = days.map((d) => d.id);
  // "no o, i talk 15 december not 8": the day turned down ("not 8") is not the one wanted.
  const said = text.replace(NOT_THAT, ' ');
  const day = dayOfLastClause(said, ids, from) ?? (turnsDownDay(said, from) ? undefined : lastDayNamed(said, ids, from));
  if (!day || day === vars.day) return false;
  Object.assign(vars, { day, dayLabel: days.find((d) => d.id === day)?.label ?? day, appointmentName: vars.name ?? '', appointmentContact: vars.contact ?? '', moveKeepsPerson: 'yes' });
  turn.state.misses = 0;
  await advance(turn, 'booking.times');
  return true;
}

/** A town whose nearest centre is not the one being booked, in a country with a centre: booking moves there. */
async function otherCentreNamed(turn: Turn, text: string): Promise<boolean> {
  // "benin too far. make e be lagos": the town of the last clause that names one, before the whole message.
  const clauses = text.split(CLAUSE_MARKS).filter((c) => c.trim());
  let found: ActionResult | undefined;
  let withoutCentre: ActionResult | undefined;
  for (const part of [...(clauses.length > 1 ? clauses.reverse() : []), text]) {
    const tried = await turn.deps.actions.nearestCentre({ ...request(turn), query: placeWords(part) });
    if (tried.vars?.placeWithoutCentre === 'yes') withoutCentre ??= tried;
    if (tried.outcome === 'ok' && tried.vars?.centreId) {
      found = tried;
      break;
    }
  }
  // "ich wohne in berlin" at the days: no centre there, said so with the way on; the days again.
  if (!found && withoutCentre && (words(text) <= 5 || statedPlace(text))) {
    takeResult(turn, withoutCentre);
    turn.state.misses = 0;
    await advance(turn, 'booking.days');
    return true;
  }
  const id = found?.vars?.centreId;
  // "rabat" while the days at Rabat are shown: yes, that centre; its days again.
  if (found && id && id === turn.state.vars.centreId && found.vars?.placeIsCentreTown === 'yes') {
    turn.state.misses = 0;
    await advance(turn, 'booking.days');
    return true;
  }
  if (!found || !id || id === turn.state.vars.centreId || found.vars?.placeInCentreCountry !== 'yes') return false;
  rememberWanted(turn, text);
  turn.state.vars.centreId = id;
  nearestTo(turn, found);
  turn.state.misses = 0;
  await advance(turn, 'booking.days');
  return true;
}

/** The town named, when the centre booked at is elsewhere ("jakarta" -> Bandung): the day step says it is the nearest, and how far. */
function nearestTo(turn: Turn, found: ActionResult): void {
  if (found.vars?.placeName && found.vars.placeKm) {
    turn.state.vars.nearestTo = found.vars.placeName;
    turn.state.vars.nearestKm = found.vars.placeKm;
  }
}

/** The day named last ("not thursday, friday rather"): read from the end of the text back. */
function lastDayNamed(text: string, offered: readonly string[], from: string): string | undefined {
  const parts = text.split(/\s+/).filter(Boolean);
  for (let i = parts.length - 1; i >= 0; i--) {
    const day = matchDay(parts.slice(i).join(' '), offered, from);
    if (day) return day;
  }
  return undefined;
}

/**
 * "السبت لا، الاثنين الجاي", "monday no, tuesday": of two days said in two clauses, the one said last
 * is the one wanted (the first is turned down). Undefined unless two clauses name a day.
 */
function dayOfLastClause(text: string, offered: readonly string[], from: string): string | undefined {
  const naming = clausesNamingDay(text, from);
  if (naming.length < 2) return undefined;
  // "pomeri za ponedeljak 14h, u cetvrtak sam na turi": the one day named with an hour is the one wanted, the other the reason.
  const withHour = naming.filter((clause) => namedTime(clause) !== undefined);
  return matchDay((withHour.length === 1 ? withHour[0] : naming.at(-1))!, offered, from);
}

/** The clauses of a message (between commas and sentence marks) that name a coming day. */
function clausesNamingDay(text: string, from: string): string[] {
  return text.split(CLAUSE_MARKS).filter((clause) => namesComingDay(clause, from));
}
const CLAUSE_MARKS = /[,،;.!?؟]+/u;

/** Words that turn a day down in its own clause ("not", "kann nicht", "nuk mundem", "gak bisa", "ما نقدرش"). */
const NOT_THAT_DAY = new Set(plainWords('not no cannot cant never nicht kein keine pas nuk ne nahi nahin nhi tidak gak ga nggak tdk mech mich msh mish machi mashi لا ما مش مو ماشي نہیں nemoze nemogu nije'));
/** Albanian "ne ora 11", "në orën 10" (at eleven): "ne" there is "at", not the Serbian or German no. */
const AT_THE_HOUR = /\b(?:ne|në)\s+(?:ora|oren|orën|oret|orës|(?=\d))\b/giu;
/** "thursday no problem", "kein Problem": said of the day, not against it. */
const NO_PROBLEM = /\b(?:no|kein|pas de|nema|nuk ka|gak|tidak ada|koi)\s+(?:problem\w*|wahala|masla|worries|souci\w*|probleme?)\b/giu;

/** The one clause that names a day also says no to it: "i no fit come thursday", "ich kann nicht am donnerstag". */
function turnsDownDay(text: string, from: string): boolean {
  const naming = clausesNamingDay(text.replace(NO_PROBLEM, ' ').replace(AT_THE_HOUR, ' '), from);
  return naming.length === 1 && plainWords(naming[0]!).some((w) => NOT_THAT_DAY.has(w));
}

/** Whether the text names one of the coming weeks' days at all, on offer or not. */
function namesComingDay(text: string, from: string): boolean {
  return matchDay(text, comingDays(from, 400), from) !== undefined;
}

/** `count` days from `from` (YYYY-MM-DD, UTC) on, as YYYY-MM-DD. */
function comingDays(from: string, count: number): string[] {
  const start = DateTime.fromISO(from, { zone: 'utc' });
  return Array.from({ length: count }, (_, i) => start.plus({ days: i }).toISODate()!);
}

function today(turn: Turn): string {
  return DateTime.fromJSDate(turn.deps.now()).toUTC().toISODate()!;
}

const pieces = (text: string) => text.split(/[\s,.!?،]+/u).filter(Boolean);
const words = (text: string) => pieces(text).length;
/** The script most of a text's letters are in: Arabic (Arabic and Urdu), Cyrillic (Serbian) or Latin. */
function scriptOf(text: string): 'arabic' | 'cyrillic' | 'latin' {
  const arabic = text.match(/[\u0600-\u06FF]/g)?.length ?? 0;
  const cyrillic = text.match(/[\u0400-\u04FF]/g)?.length ?? 0;
  const latin = text.match(/[a-z]/gi)?.length ?? 0;
  return arabic > latin && arabic > cyrillic ? 'arabic' : cyrillic > latin ? 'cyrillic' : 'latin';
}
/** Words of letters only: a phone number, an email or a time says nothing of a language ("la machi hadak, 06 61 23 45 78"). */
const letterWords = (text: string) => pieces(text).filter((w) => /\p{L}/u.test(w) && !/\d|@/.test(w)).length;

/** Looks up the centre near a typed place and asks to confirm it. False when the text names no place. */
async function proposeCentre(turn: Turn, text: string): Promise<boolean> {
  const result = await turn.deps.actions.nearestCentre({ ...request(turn), query: text });
  if (result.outcome === 'unavailable') return notBookableThere(turn, result);
  // "sy di malaysia kak" asked to agree: no centre there, said so, and where at home asked.
  if (result.vars?.placeWithoutCentre === 'yes' && !turn.state.urgent) {
    takeResult(turn, result);
    await advance(turn, 'handoff.where');
    return true;
  }
  if (result.outcome !== 'ok' || !result.vars?.centreId) return false;
  if (result.vars.placeIsCountry === 'yes') {
    takeResult(turn, result);
    await advance(turn, 'handoff.where');
    return true;
  }
  for (const [k, v] of Object.entries(result.vars)) if (v !== null) turn.state.vars[k] = v;
  turn.state.vars.place = text.slice(0, 120);
  addFacts(turn.meta, result.facts); // the centre proposed in this turn
  await advance(turn, 'handoff.confirm');
  return true;
}

/** A time written as a time ("11am", "10h30", "14:00"), not a number that may count weeks or options. */
const CLOCK = /\d\s*(?:[:h]\s*\d|am\b|pm\b|a\.m|p\.m|h\b|uhr|baje|heures?\b|o'?clock)/i;

/** Every half hour a centre could open at, 07:00 to 20:30: a time named is read against these. */
const OFFICE_TIMES = Array.from({ length: 28 }, (_, i) => `${String(7 + Math.floor(i / 2)).padStart(2, '0')}:${i % 2 ? '30' : '00'}`);

/** A town whose country's centres cannot take bookings here: said so, then the menu (a person, the centres). */
async function notBookableThere(turn: Turn, result: ActionResult): Promise<true> {
  takeResult(turn, result);
  await advance(turn, 'main.menu');
  return true;
}

/** Days and times named with a booking request, kept until the booking steps can match them; true when there was one. */
function rememberWanted(turn: Turn, text: string): boolean {
  const from = today(turn);
  const coming = comingDays(from, 45);
  // "ich kann nicht am montag, kann ich verschieben auf mitwoch?": the day wanted, not the one turned down.
  const day = dayOfLastClause(text, coming, from) ?? matchDay(text, coming, from);
  const time = namedTime(text, today(turn));
  if (day) {
    turn.state.vars.wantDay = day;
    // "lundi" said on a Monday: read again against the days offered, so it is the coming Monday when today is not.
    turn.state.vars.wantDayText = text.slice(0, 120);
  }
  if (time) turn.state.vars.wantTime = time;
  // "la semaine prochaine": the days offered start next Monday.
  const nextWeek = !day && namesNextWeek(text);
  if (nextWeek) turn.state.vars.wantFrom = DateTime.fromISO(from).plus({ weeks: 1 }).startOf('week').toISODate()!;
  // "wednesday for afternoon", "next week in the morning": that part of the day's times are offered.
  const part = (day || nextWeek) && !time ? partOfDay(text) : undefined;
  if (part) turn.state.vars.wantPart = part;
  return Boolean(day || time || nextWeek);
}

/** The time of day a text names ("10am", "jam 9 pagi", "الساعة عشرة"), whether or not it is free. */
function namedTime(text: string, from?: string): string | undefined {
  const time = /\d|half|halb|las|noon|midi|podne|sa3a|الساعه|الساعة|baje|jam|ora|مع\s*ال|m3a\s*l/i.test(westernDigits(text)) ? matchTime(text, OFFICE_TIMES) : undefined;
  // "el lunes 14", "Freitag, 11.": the day of the month next to its weekday, not an hour ("الخميس مع 10 الصباح" is the hour).
  if (time && from && !CLOCK.test(westernDigits(text)) && !/half|halb|\blas\b|sa3a|الساعه|الساعة|baje|\bjam\b|\bora\b|\bum\b|\bat\b|à|مع\s*ال|m3a\s*l|(?:^|\s)[uу]\s+\d|(?:مع|m3a)\s*\d|\d\s*(?:الصباح|صباحا|الصبح|sba7|sbah|morning|matin|pagi|ujutru|ujutro|de la manana|de la mañana)/i.test(westernDigits(text))) {
    const hour = Number(time.slice(0, 2));
    if (comingDays(from, 45).some((d) => Number(d.slice(8, 10)) === hour && matchDay(text, [d], from) === d)) return undefined;
    // "mittwoch 2": the 2nd, not 14:00 ("larb3a 9 f 10 w nos": the 9th, at 10:30).
    const date = dateBesideWeekday(text, from);
    if (date !== undefined && date % 12 === hour % 12) return undefined;
  }
  return time;
}

export async function runRequest(turn: Turn, req: Request, text: string): Promise<void> {
  const { state } = turn;
  state.misses = 0;
  // A booking asked for earlier and not yet taken up: another request replaces it.
  if (req.kind !== 'book') delete state.vars.wantBooking;
  switch (req.kind) {
    case 'menu':
    case 'stop':
    case 'delete':
      return runCommand(turn, req.kind);
    case 'language':
      if (!req.lang) return runCommand(turn, 'language');
      state.lang = req.lang;
      state.langFrom = 'chosen';
      say(turn, 'language.changed');
      {
        // "can you write in english pls. i want an appointment in belgrade": the other request too, in the new language.
        const beside = requestBeside(text);
        if (beside) return runRequest(turn, beside, text);
        // "... stp. je me sens tres mal depuis le retour": what else was said, answered in the new language when the knowledge base is sure.
        const rest = saidBesideTheLanguage(text);
        // Asked mid-way (where are you? which day? after danger too): the same question again in the new
        // language, never the menu that would drop it; a place said beside it answers "where".
        const asked = ['main', 'language', 'welcome'].includes(state.at.flow) ? undefined : currentAsk(turn);
        if (asked) {
          if (rest && askingOf(asked) === 'place' && (await proposeCentre(turn, placeWords(rest)))) return;
          // Days and times an action wrote in the old language ("e martë, 8 dhjetor"): the action runs again, the centre not named twice.
          const maker = asked.optionsFrom === 'var' ? actionBefore(turn) : undefined;
          if (maker) {
            state.vars.centreNamed = 'yes';
            return advance(turn, maker);
          }
          return renderAsk(turn, asked);
        }
        if (rest) await answeredAside(turn, rest);
      }
      return advance(turn, 'main.menu');
    case 'human': {
      const found = await turn.deps.actions.nearestCentre({ ...request(turn), query: placeWords(text) });
      if (found.outcome === 'unavailable') return void (await notBookableThere(turn, found));
      // "... der ist in Tunesien": a country with several centres; where in it is asked.
      if (found.outcome === 'ok' && found.vars?.placeIsCountry === 'yes') {
        takeResult(turn, found);
        return advance(turn, 'handoff.offer');
      }
      // A town abroad read out of a sentence ("Mogu li da dobijem..." is not Moga in India): asked where instead.
      if (found.outcome === 'ok' && found.vars?.centreId && (found.vars.placeInCentreCountry === 'yes' || words(text) <= 3)) {
        for (const [k, v] of Object.entries(found.vars)) if (v !== null) state.vars[k] = v;
        state.vars.place = text.slice(0, 120);
        addFacts(turn.meta, found.facts); // the centre proposed in this turn
        // Asked whether to connect, "connect me to the lagos office": the centre named, and the yes given.
        const consenting = ['handoff.consent', 'handoff.confirm'].includes(positionRef(state.at)) && found.vars.placeIsCentreTown === 'yes';
        return advance(turn, consenting ? 'handoff.hand-off' : 'handoff.confirm');
      }
      return advance(turn, 'handoff.start');
    }
    case 'book': {
      delete state.vars.moving; // a booking asked for anew replaces no appointment
      rememberWanted(turn, text);
      // "book me for accra wednesday 10am. my name na Abena Mensah": the name kept for the name step.
      const named = text.split(CLAUSE_MARKS).find((c) => introducesName(c));
      if (named) state.vars.earlyName = extractName(named).slice(0, 80);
      // "… call me 0244123456": the number kept for the contact step.
      const contact = extractContact(text);
      if (contact) state.vars.contactWithRequest = contact;
      else delete state.vars.contactWithRequest;
      const found = await turn.deps.actions.nearestCentre({ ...request(turn), query: placeWords(text) });
      if (found.outcome === 'unavailable') return void (await notBookableThere(turn, found));
      if (found.outcome === 'ok' && found.vars?.centreId) {
        state.vars.centreId = found.vars.centreId;
        nearestTo(turn, found);
      }
      // "book for there", right after the nearest centres were shown: the centre named before.
      else if (centreNamedBefore(turn) && pointsThere(text)) state.vars.centreId = centreNamedBefore(turn)!;
      else if (!state.vars.centreId) {
        const offered = state.choices?.centreChoices?.find((o) => o.id !== 'menu');
        if (offered) state.vars.centreId = offered.id;
      } else state.vars.sameCentre = 'yes'; // the centre of an earlier booking: named before the days (freeSlots), so nobody books there unawares
      // Asked where first: the booking goes on at the nearest centre when there is one clear one (wantedOption).
      if (!state.vars.centreId) state.vars.wantBooking = 'yes';
      return advance(turn, state.vars.centreId ? 'booking.days' : 'centres.start');
    }
    case 'findCentre': {
      // "the nearest centre to Kumasi": the centres there at once; else asked where the person is.
      const found = await turn.deps.actions.nearestCentre({ ...request(turn), query: placeWords(text) });
      if (found.outcome === 'unavailable') return void (await notBookableThere(turn, found));
      if (found.outcome === 'ok' && found.choices?.centreChoices) {
        takeResult(turn, found);
        keepResultValues(turn, found);
        return advance(turn, 'centres.offer');
      }
      // "do you have an office in germany?": there is none there, said so, and the menu.
      if (found.vars?.placeWithoutCentre === 'yes') {
        takeResult(turn, found);
        return advance(turn, 'main.menu');
      }
      return advance(turn, 'centres.start');
    }
    case 'myAppointment': {
      const result = await turn.deps.actions.myAppointment({ ...request(turn), conversationId: turn.conversationId, ...(req.reference ? { reference: req.reference } : {}) });
      turn.outbox.push(...result.outbox);
      for (const [k, v] of Object.entries(result.vars ?? {})) if (v === null) delete state.vars[k]; else state.vars[k] = v;
      return advance(turn, result.outcome === 'ok' && state.vars.appointmentId ? 'centres.mine-options' : 'main.menu');
    }
    case 'cancel': {
      if (state.at.flow === 'booking' || state.at.flow === 'handoff') {
        // Nothing booked: a name or contact given on the way is not kept.
        if (state.at.flow === 'booking') for (const k of ['name', 'contact', 'earlyContact', 'earlyName', 'contactWithRequest', 'wantPart']) delete state.vars[k];
        say(turn, 'booking.abandoned');
        return advance(turn, 'main.menu');
      }
      // "annule le rdv", "cancel Y7QBSY": the appointment named, cancelled at once; "if i get sick can i cancel my
      // appointment?" names it too but asks, and is asked once whether to cancel.
      // "annule le stp, oui je suis sur": the yes to "shall I cancel it?" given with the request.
      // "اه لغيه" (yes, cancel it) with the appointment shown and asked what to do with it: the yes is given.
      const shown = ['centres.mine-options', 'centres.cancel-confirm'].includes(positionRef(state.at));
      const ordered = req.reference || (req.explicit && !cancelAskedAbout(text));
      if (ordered || (shown && yesNo(text, state.lang) === 'yes') || sureAtTheEnd(text, state.lang)) return cancelNamedAppointment(turn, req.reference);
      return advance(turn, 'centres.cancel-request');
    }
    case 'move':
      rememberWanted(turn, text);
      // "change the date" while booking: the days again, nothing to cancel yet.
      if (state.at.flow === 'booking') return advance(turn, 'booking.days');
      // "bisa diganti ke kamis? jamnya sama": the new day named, the rest kept; the one yes to the move books it (wanted.ts).
      // "me e ndrru per te premten ne ora 10?": the new day and hour both named, the name and contact kept; likewise one yes.
      delete state.vars.moveNamed;
      if (state.vars.wantDay && keepsTime(text)) state.vars.moveKeeps = 'yes';
      else if (state.vars.wantDay && state.vars.wantTime) state.vars.moveKeeps = state.vars.moveNamed = 'yes';
      else delete state.vars.moveKeeps;
      // A move keeps the person: the name and contact of the appointment moved are not asked again, and a
      // new hour with no day ("померите сат касније, у 12") keeps the day (wanted.ts).
      state.vars.moveKeepsPerson = 'yes';
      return advance(turn, 'centres.move');
  }
}

/** The last clause of a message is a yes of its own ("..., oui je suis sûr", "..., yes i'm sure"). */
function sureAtTheEnd(text: string, lang: Lang): boolean {
  const clauses = text.split(CLAUSE_MARKS).filter((c) => c.trim());
  return clauses.length > 1 && words(clauses.at(-1)!) <= 5 && yesNo(clauses.at(-1)!, lang) === 'yes';
}

/**
 * "annule le rdv stp", "quiero cancelar la cita", "cancel K4TQ9Z": the appointment is named, so with
 * exactly one (or the one its reference names) it is cancelled at once, showing which one; with
 * several, which one is meant is asked as before.
 */
async function cancelNamedAppointment(turn: Turn, reference: string | undefined): Promise<void> {
  const { state } = turn;
  const result = await turn.deps.actions.myAppointment({ ...request(turn), conversationId: turn.conversationId, ...(reference ? { reference } : {}) });
  turn.outbox.push(...result.outbox);
  for (const [k, v] of Object.entries(result.vars ?? {})) if (v === null) delete state.vars[k]; else state.vars[k] = v;
  if (result.outcome !== 'ok' || !state.vars.appointmentId) return advance(turn, 'main.menu');
  return advance(turn, state.vars.appointmentCount === '1' ? 'centres.cancel' : 'centres.cancel-confirm');
}

export { wantedOption } from './wanted.js';

const RENDERS_AGAIN = new Set(['freeSlots', 'freeTimes']);

/** The action step right before the ask the conversation waits at, that leads to it (booking.days before choose-day). */
function actionBefore(turn: Turn): string | undefined {
  const found = findStep(turn.deps.flows, turn.state.at.flow, turn.state.at.step);
  const before = found && found.index > 0 ? found.flow.steps[found.index - 1] : undefined;
  // Only the actions that read nothing of the message (the free days and times), so running them again is safe.
  return before?.type === 'action' && RENDERS_AGAIN.has(before.action) && before.next === found!.step.id ? `${turn.state.at.flow}.${before.id}` : undefined;
}
