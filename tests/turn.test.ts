/**
 * The turn on its own: the real flows and texts, fake lookups, no database. A booking, a
 * cancellation or a handoff leaves the turn as an effect and nothing is written; the result the
 * runtime hands back decides what the person hears.
 */
import { describe, expect, it } from 'vitest';
import type { ActionResult, Queries } from '../src/core/actions.js';
import { LANGS } from '../src/core/lang.js';
import type { Option } from '../src/core/messages.js';
import { migrateState, STATE_VERSION, type ConversationState } from '../src/core/state.js';
import { buildVocabulary } from '../src/core/vocabulary.js';
import { loadFlows } from '../src/flows/loader.js';
import { handleTurn, type EngineDeps, type TurnResult } from '../src/flows/turn.js';
import { createTexts, loadLocales } from '../src/i18n/index.js';
import { PATHS } from '../src/paths.js';

const locales = loadLocales(PATHS.locales);
const texts = createTexts(locales);
const flows = loadFlows(PATHS.flows, { hasKey: texts.hasKey });
const NOW = '2026-11-23T10:00:00.000Z';
const ID = 'telegram:42';

const TIMES: Option[] = [
  { id: '2026-11-24T10:00:00Z', label: '11:00' },
  { id: '2026-11-24T10:30:00Z', label: '11:30' },
];

/** Lookups that answer from memory; a danger word is urgent, anything else is not understood. */
function fakeQueries(): Queries {
  const none = async (): Promise<ActionResult> => ({ outcome: 'unsure', outbox: [] });
  return {
    knowledgeAnswer: async ({ question }) =>
      question?.includes('passport') ? { outcome: 'ok', urgent: true, outbox: [{ kind: 'text', text: 'You are not alone.' }] } : { outcome: 'unsure', outbox: [] },
    knowledgeDetails: none,
    // Accra is a centre's own town: the person named the centre, so no "this centre?" question follows.
    nearestCentre: async ({ query }) =>
      query === 'Accra' ? { outcome: 'ok', outbox: [], vars: { centreId: 'gh-accra', centreCity: 'Accra', placeIsCentreTown: 'yes' } } : { outcome: 'unsure', outbox: [] },
    freeSlots: none,
    freeTimes: async () => ({ outcome: 'ok', outbox: [], choices: { timeChoices: TIMES } }),
    myAppointment: async () => ({ outcome: 'ok', outbox: [{ kind: 'text', text: 'Tuesday 11:00, Accra' }], vars: { appointmentId: 'a1' } }),
  };
}

const deps: EngineDeps = {
  flows,
  t: texts.t,
  vocabulary: buildVocabulary(LANGS.map((l) => locales.vocabulary[l])),
  actions: fakeQueries(),
  detectLanguage: () => undefined,
  now: () => new Date(NOW),
  sessionTtlMs: 24 * 3600_000,
  privacyUrl: 'https://chat.example.org/privacy',
};

const en = (key: string, vars?: Record<string, unknown>) => texts.t('en', key, vars);

function stateAt(flow: string, step: string, over: Partial<ConversationState> = {}): ConversationState {
  return { v: STATE_VERSION, lang: 'en', at: { flow, step }, vars: {}, misses: 0, turns: 3, updatedAt: NOW, ...over };
}

const READY_TO_BOOK = {
  centreId: 'gh-accra', centreName: 'Accra centre', city: 'Accra', day: '2026-11-24', dayLabel: 'Tuesday 24 November',
  start: '2026-11-24T10:00:00Z', startLabel: '11:00', name: 'Ama Mensah', contact: '+233 20 123 4567',
};

const texted = (r: TurnResult) => r.outbox.map((m) => m.text);

describe('handleTurn', () => {
  it('turns "yes, book it" into a book effect and waits at the booking step; nothing is booked', async () => {
    const result = await handleTurn(deps, stateAt('booking', 'confirm', { vars: READY_TO_BOOK, choices: { timeChoices: TIMES } }), { kind: 'choice', id: 'booking.confirm:yes' }, {}, ID);
    expect(result.effects).toEqual([
      { kind: 'book', conversationId: ID, lang: 'en', centreId: 'gh-accra', start: '2026-11-24T10:00:00Z', name: 'Ama Mensah', contact: '+233 20 123 4567' },
    ]);
    expect(result.outbox).toEqual([]);
    expect(result.nextState?.at).toEqual({ flow: 'booking', step: 'book' });
  });

  it('confirms a booking once the runtime hands back that it was made, and forgets the details', async () => {
    const asked = await handleTurn(deps, stateAt('booking', 'confirm', { vars: READY_TO_BOOK, choices: { timeChoices: TIMES } }), { kind: 'choice', id: 'booking.confirm:yes' }, {}, ID);
    const booked: ActionResult = {
      outcome: 'ok',
      outbox: [{ kind: 'text', text: 'Booked: ABC123' }],
      vars: { name: null, contact: null, start: null, startLabel: null, day: null, dayLabel: null },
      choices: { timeChoices: null, dayChoices: null },
    };
    const result = await handleTurn(deps, asked.nextState, { kind: 'effectResult', effect: 'book', result: booked }, {}, ID);
    // The booking ends on its confirmation: the menu is not shown again, and the chat asks nothing.
    expect(texted(result)).toEqual(['Booked: ABC123']);
    expect(result.meta.asking).toBeNull();
    expect(result.effects).toEqual([]);
    expect(result.nextState?.at).toEqual({ flow: 'main', step: 'menu' });
    expect(result.nextState?.vars).not.toHaveProperty('name');
    expect(result.nextState?.vars).not.toHaveProperty('contact');
    expect(result.nextState?.choices).toBeUndefined();
    expect(result.nextState?.turns).toBe(asked.nextState?.turns); // one message, one turn
  });

  it('offers the next free times when the slot was taken between showing and booking', async () => {
    const asked = await handleTurn(deps, stateAt('booking', 'confirm', { vars: READY_TO_BOOK }), { kind: 'choice', id: 'booking.confirm:yes' }, {}, ID);
    expect(asked.effects.map((e) => e.kind)).toEqual(['book']);
    const later: Option[] = [{ id: '2026-11-24T11:00:00Z', label: 'Tuesday 12:00' }];
    const taken: ActionResult = { outcome: 'unsure', outbox: [{ kind: 'text', text: en('booking.taken') }], choices: { timeChoices: later } };
    const result = await handleTurn(deps, asked.nextState, { kind: 'effectResult', effect: 'book', result: taken }, {}, ID);
    expect(result.outbox[0]).toEqual({ kind: 'text', text: en('booking.taken') });
    expect(result.outbox[1]).toMatchObject({ kind: 'options', options: [{ id: 'booking.choose-time:2026-11-24T11:00:00Z', label: 'Tuesday 12:00' }] });
    expect(result.nextState?.at).toEqual({ flow: 'booking', step: 'choose-time' });
    expect(result.nextState?.choices).toEqual({ timeChoices: later });
  });

  it('turns "yes, a person" into a handoff effect with the chosen centre, and waits with the advisor once it is open', async () => {
    const asked = await handleTurn(deps, stateAt('handoff', 'consent', { vars: { centreId: 'gh-accra' }, recent: [{ from: 'person', text: 'hello' }] }), { kind: 'choice', id: 'handoff.consent:yes' }, {}, ID);
    expect(asked.effects).toEqual([
      { kind: 'handOff', conversationId: ID, lang: 'en', reason: 'asked', urgent: false, centreId: 'gh-accra', recent: [{ from: 'person', text: 'hello' }] },
    ]);
    const opened: ActionResult = { outcome: 'ok', outbox: [{ kind: 'handoffNotice', text: 'An advisor will answer.' }], handoff: { id: 'h1' } };
    const result = await handleTurn(deps, asked.nextState, { kind: 'effectResult', effect: 'handOff', result: opened }, {}, ID);
    expect(result.outbox).toEqual([{ kind: 'handoffNotice', text: 'An advisor will answer.' }]);
    expect(result.nextState?.handoff).toEqual({ id: 'h1' });
  });

  it('tells the person when there is no advisor service and goes back to the menu', async () => {
    const asked = await handleTurn(deps, stateAt('handoff', 'consent', { vars: { centreId: 'gh-accra' } }), { kind: 'choice', id: 'handoff.consent:yes' }, {}, ID);
    const none: ActionResult = { outcome: 'unavailable', outbox: [{ kind: 'text', text: en('unavailable.handoff') }] };
    const result = await handleTurn(deps, asked.nextState, { kind: 'effectResult', effect: 'handOff', result: none }, {}, ID);
    expect(texted(result)).toEqual([en('unavailable.handoff'), en('main.menu.prompt')]);
    expect(result.nextState?.handoff).toBeUndefined();
    expect(result.nextState?.at).toEqual({ flow: 'main', step: 'menu' });
  });

  it('turns a cancellation into an effect and says what came of it', async () => {
    const asked = await handleTurn(deps, stateAt('centres', 'mine-options', { vars: { appointmentId: 'a1' } }), { kind: 'choice', id: 'centres.mine-options:cancel' }, {}, ID);
    expect(asked.effects).toEqual([{ kind: 'cancelAppointment', conversationId: ID, lang: 'en', appointmentId: 'a1' }]);
    const gone: ActionResult = { outcome: 'unsure', outbox: [{ kind: 'text', text: en('centres.noAppointment') }], vars: { appointmentId: null } };
    const result = await handleTurn(deps, asked.nextState, { kind: 'effectResult', effect: 'cancelAppointment', result: gone }, {}, ID);
    expect(texted(result)).toEqual([en('centres.noAppointment'), en('main.menu.prompt')]);
    expect(result.nextState?.vars).not.toHaveProperty('appointmentId');
  });

  it('turns a confirmed delete my data into a deleteData effect and no state', async () => {
    const asked = await handleTurn(deps, stateAt('main', 'menu'), { kind: 'command', name: 'delete' }, {}, ID);
    expect(asked.effects).toEqual([]);
    expect(asked.nextState?.confirming).toBe('delete');
    const result = await handleTurn(deps, asked.nextState, { kind: 'choice', id: 'confirm:yes' }, {}, ID);
    expect(result.effects).toEqual([{ kind: 'deleteData' }]);
    expect(result.nextState).toBeNull();
    expect(texted(result)).toEqual([en('privacy.deleted')]);
  });

  it('offers a person at once after a message that signals danger, and marks the handoff urgent', async () => {
    const result = await handleTurn(deps, stateAt('main', 'menu'), { kind: 'text', text: 'my employer took my passport' }, {}, ID);
    expect(result.outbox[0]).toEqual({ kind: 'text', text: 'You are not alone.' });
    expect(result.outbox[1]).toEqual({ kind: 'text', text: en('handoff.offer') });
    // No centre chosen yet: where the person is comes first; then the centre is named and the yes asked.
    expect(result.nextState).toMatchObject({ urgent: true, at: { flow: 'handoff', step: 'where' } });
    const where = await handleTurn(deps, result.nextState, { kind: 'text', text: 'Accra' }, {}, ID);
    expect(where.effects).toEqual([]);
    expect(where.nextState).toMatchObject({ at: { flow: 'handoff', step: 'confirm' } });
    const yes = await handleTurn(deps, where.nextState, { kind: 'choice', id: 'handoff.confirm:yes' }, {}, ID);
    expect(yes.effects).toMatchObject([{ kind: 'handOff', urgent: true, place: 'Accra' }]);
  });

  it('refuses a result the waiting step did not ask for', async () => {
    const result = { outcome: 'ok', outbox: [] } as ActionResult;
    await expect(handleTurn(deps, stateAt('main', 'menu'), { kind: 'effectResult', effect: 'book', result }, {}, ID)).rejects.toThrow(/did not ask/);
  });

  it('reads a state stored before choices were typed, and carries on where the person was', async () => {
    const stored = {
      ...stateAt('booking', 'choose-time', { vars: { ...READY_TO_BOOK, timeChoices: JSON.stringify(TIMES) } }),
      v: 1,
    };
    delete (stored.vars as Record<string, string>).start;
    const state = migrateState(JSON.parse(JSON.stringify(stored)))!;
    expect(state.v).toBe(STATE_VERSION);
    expect(state.choices).toEqual({ timeChoices: TIMES });
    expect(state.vars).not.toHaveProperty('timeChoices');
    const result = await handleTurn(deps, state, { kind: 'choice', id: 'booking.choose-time:2026-11-24T10:30:00Z' }, {}, ID);
    expect(result.nextState?.vars.start).toBe('2026-11-24T10:30:00Z');
    expect(result.nextState?.at).toEqual({ flow: 'booking', step: 'name' });
  });
});

describe('handleTurn in the light of the conversation', () => {
  /** Lookups that record the topic each question was asked to follow; every answer is about "study". */
  function recording(): { deps: EngineDeps; follows: (string | undefined)[]; places: (string | undefined)[] } {
    const follows: (string | undefined)[] = [];
    const places: (string | undefined)[] = [];
    const queries: Queries = {
      ...fakeQueries(),
      knowledgeAnswer: async ({ question, follows: f }) => {
        follows.push(f);
        return question ? { outcome: 'ok', outbox: [{ kind: 'text', text: 'About studying.' }], topic: 'study-university' } : { outcome: 'unsure', outbox: [] };
      },
      nearestCentre: async ({ query }) => {
        places.push(query);
        return { outcome: 'unsure', outbox: [] };
      },
      freeSlots: async () => ({ outcome: 'ok', outbox: [], choices: { dayChoices: [{ id: '2026-11-25', label: 'Wednesday 25 November' }] }, facts: { centre: 'gh-accra' } }),
    };
    return { deps: { ...deps, actions: queries }, follows, places };
  }

  it('asks the next question in the light of the topic just answered, and forgets it a few turns later', async () => {
    const { deps: d, follows } = recording();
    const first = await handleTurn(d, stateAt('main', 'menu'), { kind: 'text', text: 'how can I study in Germany?' }, {}, ID);
    expect(first.nextState?.context).toMatchObject({ topic: 'study-university', topicTurn: 4 });
    await handleTurn(d, first.nextState, { kind: 'text', text: 'und darf ich nebenbei arbeiten?' }, {}, ID);
    const later = { ...first.nextState!, turns: first.nextState!.turns + 5 };
    await handleTurn(d, later, { kind: 'text', text: 'a ka afat per aplikim?' }, {}, ID);
    expect(follows).toEqual([undefined, 'study-university', undefined]);
  });

  it('books "for there" at the centre shown a moment ago; without one it asks where', async () => {
    const { deps: d, places } = recording();
    const shown = stateAt('main', 'menu', { context: { centre: 'gh-accra', centreTurn: 2 } });
    const there = await handleTurn(d, shown, { kind: 'text', text: 'ok make i book for there' }, {}, ID);
    expect(there.nextState?.vars.centreId).toBe('gh-accra');
    expect(there.meta.centre).toBe('gh-accra');
    expect(places).toEqual(['ok make i qqq for there']);
    const nowhere = await handleTurn(d, stateAt('main', 'menu'), { kind: 'text', text: 'ok make i book for there' }, {}, ID);
    expect(nowhere.nextState?.at).toEqual({ flow: 'centres', step: 'start' });
    const longAgo = await handleTurn(d, { ...shown, turns: 20 }, { kind: 'text', text: 'ok make i book for there' }, {}, ID);
    expect(longAgo.nextState?.at).toEqual({ flow: 'centres', step: 'start' });
  });

  it('says a day named but not on offer is full and asks again, and keeps a time named before the day; neither is a miss', async () => {
    const days: Option[] = [{ id: '2026-11-25', label: 'Wednesday 25 November' }, { id: '2026-11-26', label: 'Thursday 26 November' }];
    const atDay = stateAt('booking', 'choose-day', { vars: { centreId: 'gh-accra' }, choices: { dayChoices: days } });
    const full = await handleTurn(deps, atDay, { kind: 'text', text: 'demain' }, {}, ID);
    expect(texted(full)[0]).toBe(en('booking.dayNotFree'));
    expect(full.meta.understood).toBe(true);
    expect(full.nextState?.at).toEqual({ flow: 'booking', step: 'choose-day' });
    const time = await handleTurn(deps, atDay, { kind: 'text', text: 'jam 11 siang aja' }, {}, ID);
    expect(time.meta.understood).toBe(true);
    expect(time.nextState?.vars.wantTime).toBe('11:00');
    expect(time.nextState?.misses).toBe(0);
  });

  it('leaves the language open after a first message that does not show it; the next sentence sets it, a name does not', async () => {
    const d: EngineDeps = { ...deps, detectLanguage: (t) => (/todo|alla/.test(t) ? 'es' : /Ramos/.test(t) ? 'id' : undefined) };
    const first = await handleTurn(d, null, { kind: 'text', text: 'buenaaas' }, {}, ID);
    expect(first.nextState).toMatchObject({ lang: 'en', langFrom: 'unknown' });
    const atName = await handleTurn(d, { ...first.nextState!, at: { flow: 'booking', step: 'name' } }, { kind: 'text', text: 'Lucia Ramos' }, {}, ID);
    expect(atName.nextState).toMatchObject({ lang: 'en', langFrom: 'unknown' });
    const sentence = await handleTurn(d, first.nextState, { kind: 'text', text: 'todo bien por alla?' }, {}, ID);
    expect(sentence.nextState?.lang).toBe('es');
    expect(sentence.nextState?.langFrom).toBeUndefined();
  });
});

describe('handleTurn as people type (issue 14, dev6)', () => {
  const DAYS: Option[] = [{ id: '2026-11-25', label: 'Wednesday 25 November' }, { id: '2026-11-26', label: 'Thursday 26 November' }];
  const ONE_CENTRE: ActionResult = { outcome: 'ok', outbox: [], vars: { centreId: 'gh-accra', placeInCentreCountry: 'yes' }, choices: { centreChoices: [{ id: 'gh-accra', label: 'Book in Accra' }, { id: 'menu', label: 'Main menu' }] } };
  const TWO_CENTRES: ActionResult = { ...ONE_CENTRE, choices: { centreChoices: [{ id: 'ma-rabat', label: 'Book in Rabat' }, { id: 'ma-casablanca', label: 'Book in Casablanca' }, { id: 'menu', label: 'Main menu' }] } };
  /** Lookups where a town has one or two centres near it, days are free, and every question about fees is answered. */
  function people(centres: ActionResult): { deps: EngineDeps; places: (string | undefined)[] } {
    const places: (string | undefined)[] = [];
    const queries: Queries = {
      ...fakeQueries(),
      nearestCentre: async ({ query }) => {
        places.push(query);
        return query === 'thies' || query === 'Tamale' ? centres : { outcome: 'unsure', outbox: [] };
      },
      freeSlots: async () => ({ outcome: 'ok', outbox: [], choices: { dayChoices: DAYS } }),
      knowledgeAnswer: async ({ question }) =>
        question?.includes('fee')
          ? { outcome: 'ok', outbox: [{ kind: 'text', text: 'It is free.' }], topic: 'centres-appointment', facts: { topic: 'centres-appointment', knowledge: { outcome: 'answered', question, topics: [] } } }
          : { outcome: 'unsure', outbox: [] },
      dangerCheck: async ({ text }) => (text.includes('khatam') ? { outcome: 'ok', urgent: true, outbox: [{ kind: 'text', text: 'You are not alone.' }] } : undefined),
    };
    return { deps: { ...deps, actions: queries }, places };
  }

  it('goes on with a booking asked for before the town at the nearest centre of its country; a whole country or a place abroad gets them offered', async () => {
    const { deps: d } = people(ONE_CENTRE);
    const asked = await handleTurn(d, stateAt('main', 'menu'), { kind: 'text', text: 'I want to book an appointment please' }, {}, ID);
    expect(asked.nextState?.at).toEqual({ flow: 'centres', step: 'start' });
    const one = await handleTurn(d, asked.nextState, { kind: 'text', text: 'Tamale' }, {}, ID);
    expect(one.nextState?.at).toEqual({ flow: 'booking', step: 'choose-day' });
    expect(one.nextState?.vars.centreId).toBe('gh-accra');
    // Two centres near a town of their country: the nearest, as when the town comes with the request (the days say where).
    const { deps: d2 } = people(TWO_CENTRES);
    const two = await handleTurn(d2, asked.nextState, { kind: 'text', text: 'Tamale' }, {}, ID);
    expect(two.nextState?.at).toEqual({ flow: 'booking', step: 'choose-day' });
    expect(two.nextState?.vars.centreId).toBe('ma-rabat');
    const wholeCountry = { ...TWO_CENTRES, vars: { ...TWO_CENTRES.vars, placeIsCountry: 'yes' } };
    const abroad = { ...TWO_CENTRES, vars: { centreId: 'ma-rabat' } };
    for (const found of [wholeCountry, abroad]) {
      const offered = await handleTurn(people(found).deps, asked.nextState, { kind: 'text', text: 'Tamale' }, {}, ID);
      expect(offered.nextState?.at).toEqual({ flow: 'centres', step: 'offer' });
    }
  });

  it('books at the one centre near the town after "Book an appointment" in the centres menu', async () => {
    const { deps: d } = people(ONE_CENTRE);
    const menu = await handleTurn(d, stateAt('centres', 'menu'), { kind: 'choice', id: 'centres.menu:book' }, {}, ID);
    expect(menu.nextState?.at).toEqual({ flow: 'centres', step: 'start' });
    const town = await handleTurn(d, menu.nextState, { kind: 'text', text: 'Tamale' }, {}, ID);
    expect(town.nextState?.at).toEqual({ flow: 'booking', step: 'choose-day' });
  });

  it('finds the centres without booking when the person only asked where they are', async () => {
    const { deps: d } = people(ONE_CENTRE);
    const state = stateAt('centres', 'start');
    const found = await handleTurn(d, state, { kind: 'text', text: 'Tamale' }, {}, ID);
    expect(found.nextState?.at).toEqual({ flow: 'centres', step: 'offer' });
  });

  it('takes "the second one" at the days as the second day, and the time is asked next', async () => {
    const { deps: d } = people(ONE_CENTRE);
    const atDay = stateAt('booking', 'choose-day', { vars: { centreId: 'gh-accra' }, choices: { dayChoices: DAYS } });
    const picked = await handleTurn(d, atDay, { kind: 'text', text: 'the second one pls' }, {}, ID);
    expect(picked.nextState?.vars.day).toBe('2026-11-26');
    expect(picked.nextState?.at).toEqual({ flow: 'booking', step: 'choose-time' });
    const time = await handleTurn(d, picked.nextState, { kind: 'text', text: 'le premier' }, {}, ID);
    expect(time.nextState?.vars.start).toBe(TIMES[0]!.id);
  });

  it('answers a question asked at the name step and asks the name again; a name is still a name', async () => {
    const { deps: d } = people(ONE_CENTRE);
    const atName = stateAt('booking', 'name', { vars: { centreId: 'gh-accra' } });
    const aside = await handleTurn(d, atName, { kind: 'text', text: 'wait, is there a fee for the appointment?' }, {}, ID);
    expect(aside.meta.topic).toBe('centres-appointment');
    expect(aside.nextState?.at).toEqual({ flow: 'booking', step: 'name' });
    expect(aside.nextState?.vars.name).toBeUndefined();
    const name = await handleTurn(d, aside.nextState, { kind: 'text', text: 'Efua Boateng' }, {}, ID);
    expect(name.nextState?.vars.name).toBe('Efua Boateng');
  });

  it('reads a question beside the booking steps in the light of the appointment', async () => {
    const follows: (string | undefined)[] = [];
    const d: EngineDeps = { ...deps, actions: { ...fakeQueries(), knowledgeAnswer: async ({ follows: f }) => (follows.push(f), { outcome: 'unsure', outbox: [] }) } };
    await handleTurn(d, stateAt('booking', 'contact', { vars: { centreId: 'gh-accra', name: 'Efua' } }), { kind: 'text', text: 'hold on, which papers do I carry along?' }, {}, ID);
    expect(follows).toEqual(['centres-appointment']);
  });

  it('shows the times again for "rather in the afternoon", and takes the one afternoon time when there is only one', async () => {
    const times = (labels: string[]): Option[] => labels.map((label) => ({ id: `2026-11-25T${label}:00Z`, label }));
    const atTime = (labels: string[]) => stateAt('booking', 'choose-time', { vars: { centreId: 'gh-accra', day: '2026-11-25' }, choices: { timeChoices: times(labels) } });
    const several = await handleTurn(deps, atTime(['09:00', '09:30', '14:00', '14:30']), { kind: 'text', text: "plutôt l'après-midi" }, {}, ID);
    expect(several.nextState?.at).toEqual({ flow: 'booking', step: 'choose-time' });
    expect(several.meta.understood).toBe(true);
    const one = await handleTurn(deps, atTime(['09:00', '09:30', '14:00']), { kind: 'text', text: "plutôt l'après-midi" }, {}, ID);
    expect(one.nextState?.vars.start).toBe('2026-11-25T14:00:00Z');
  });

  it('reads the town out of "je suis à …" when asked where for an advisor', async () => {
    const { deps: d, places } = people(ONE_CENTRE);
    await handleTurn(d, stateAt('handoff', 'where', { lang: 'fr' }), { kind: 'text', text: 'je suis à Thiès' }, {}, ID);
    expect(places).toContain('thies');
  });

  it('answers danger said in Roman Urdu after a "salam" in Urdu', async () => {
    const { deps: d } = people(ONE_CENTRE);
    const first = await handleTurn(d, null, { kind: 'text', text: 'salam' }, {}, ID);
    const danger = await handleTurn(d, first.nextState, { kind: 'text', text: 'ab ghar wale baat nahi karte, dil karta hai sab khatam kar doon' }, {}, ID);
    expect(danger.nextState?.lang).toBe('ur');
  });
});
