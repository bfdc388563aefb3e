/**
 * The turn: one inbound message in, the replies and the next state out. The engine sends nothing,
 * stores nothing and reads no clock of its own, so every flow can be tested without a network, a
 * database or time passing: `handleTurn(deps, state, inbound)` -> `{ outbox, nextState, effects }`.
 *
 * @example
 *   const { outbox, nextState } = await handleTurn(deps, null, { kind: 'text', text: 'bonjour' });
 *   // outbox: the French welcome, the privacy notice and the main menu
 */
import type { Actions, ActionResult, Translate } from './actions.js';
import { matchOption } from './degrade.js';
import { DEFAULT_LANG, LANGS, langFromLocale, type Lang } from './lang.js';
import { parseCoordinates, type ChannelHints, type CommandName, type Effect, type Inbound, type Option, type Outbound } from './messages.js';
import { STATE_VERSION, type ConversationState, type Position } from './state.js';
import type { Vocabulary } from './vocabulary.js';
import { findStep, resolveRef, type FlowSet } from '../flows/loader.js';
import type { ActionStep, AskStep } from '../flows/schema.js';

export interface EngineDeps {
  flows: FlowSet;
  t: Translate;
  vocabulary: Vocabulary;
  actions: Actions;
  /** Guesses the language of a first message; undefined when unsure. */
  detectLanguage: (text: string) => Lang | undefined;
  now: () => Date;
  /** A conversation silent for longer starts again at the menu (default 24 h). */
  sessionTtlMs: number;
  /** Where the full privacy notice is, for the one-line notice in the first reply. */
  privacyUrl: string;
}

export interface TurnResult {
  outbox: Outbound[];
  /** null: the conversation is to be forgotten (delete my data). */
  nextState: ConversationState | null;
  effects: Effect[];
}

/** Text longer than this is cut before it is matched or searched: nobody's question is that long. */
export const MAX_INPUT_CHARS = 1000;
const MAX_STEPS_PER_TURN = 100;
const MISSES_BEFORE_HUMAN = 2;
const MENU: Position = { flow: 'main', step: 'menu' };

interface Turn {
  deps: EngineDeps;
  /** The conversation's stable id, for actions that record something for this person (a booking). */
  conversationId: string;
  state: ConversationState;
  outbox: Outbound[];
  effects: Effect[];
}

export async function handleTurn(
  deps: EngineDeps,
  previous: ConversationState | null,
  inbound: Inbound,
  hints: ChannelHints = {},
  conversationId = '',
): Promise<TurnResult> {
  const input = clip(inbound);
  const now = deps.now();
  const turn: Turn = { deps, conversationId, state: previous ? structuredClone(previous) : newState(deps, input, hints, now), outbox: [], effects: [] };
  turn.state.turns += 1;
  turn.state.updatedAt = now.toISOString();
  if (hints.country && !turn.state.country) turn.state.country = hints.country;

  const expired = previous && now.getTime() - Date.parse(previous.updatedAt) > deps.sessionTtlMs;
  if (!previous || expired || previous.stopped) {
    await greet(turn, previous ? 'returning' : 'new', input);
  } else {
    await handleInput(turn, input);
  }
  if (turn.state.confirming === undefined) delete turn.state.confirming;
  const deleted = turn.effects.some((e) => e.kind === 'deleteData');
  return { outbox: turn.outbox, nextState: deleted ? null : turn.state, effects: turn.effects };
}

function newState(deps: EngineDeps, input: Inbound, hints: ChannelHints, now: Date): ConversationState {
  const lang =
    langFromLocale(hints.locale) ?? (input.kind === 'text' ? deps.detectLanguage(input.text) : undefined) ?? DEFAULT_LANG;
  return { v: STATE_VERSION, lang, at: MENU, vars: {}, misses: 0, turns: 0, updatedAt: now.toISOString() };
}

/** A first message, or one after a long silence or a "stop": greet, then take up what was said. */
async function greet(turn: Turn, who: 'new' | 'returning', input: Inbound): Promise<void> {
  const { state } = turn;
  state.vars = {};
  state.misses = 0;
  delete state.stopped;
  delete state.lastTopic;
  delete state.confirming;
  const greetingOnly = isGreetingOrEmpty(turn, input) || (input.kind === 'command' && (input.name === 'start' || input.name === 'menu'));
  if (who === 'new') {
    await advance(turn, 'welcome.start', { render: greetingOnly });
  } else {
    say(turn, 'system.welcomeBack');
    await advance(turn, 'main.menu', { render: greetingOnly });
  }
  if (!greetingOnly) await handleInput(turn, input);
}

async function handleInput(turn: Turn, input: Inbound): Promise<void> {
  const command = input.kind === 'command' ? input.name : input.kind === 'text' ? turn.deps.vocabulary.command(input.text) : undefined;
  if (command) return runCommand(turn, command);
  if (turn.state.confirming === 'delete' && (await answerDeleteConfirmation(turn, input))) return;
  delete turn.state.confirming;

  const found = findStep(turn.deps.flows, turn.state.at.flow, turn.state.at.step);
  const ask = found?.step.type === 'ask' ? found.step : undefined;
  if (!ask) return advance(turn, 'main.menu');

  if (input.kind === 'location') {
    if (ask.input === 'location') {
      turn.state.vars[ask.var!] = `${input.lat},${input.lon}`;
      return advance(turn, refOf(turn, ask.next!));
    }
    const result = await turn.deps.actions.nearestCentre({ ...request(turn), location: { lat: input.lat, lon: input.lon } });
    turn.outbox.push(...result.outbox);
    return renderAsk(turn, ask);
  }
  if (input.kind === 'unsupported') {
    say(turn, 'system.unsupported');
    return renderAsk(turn, ask);
  }
  if (input.kind === 'text' && isGreetingOrEmpty(turn, input)) return renderAsk(turn, ask);
  if (ask.input) return answerInputStep(turn, ask, input);
  return answerOptionsStep(turn, ask, input);
}

async function runCommand(turn: Turn, command: CommandName): Promise<void> {
  const { state } = turn;
  delete state.confirming;
  state.misses = 0;
  switch (command) {
    case 'start':
    case 'menu':
      return advance(turn, 'main.menu');
    case 'language':
      return advance(turn, 'language.choose');
    case 'human':
      return advance(turn, 'handoff.start');
    case 'delete':
      state.confirming = 'delete';
      turn.outbox.push({
        kind: 'options',
        text: tr(turn, 'privacy.confirmDelete'),
        options: [
          { id: 'confirm:yes', label: tr(turn, 'privacy.yesDelete') },
          { id: 'confirm:no', label: tr(turn, 'privacy.noKeep') },
        ],
      });
      return;
    case 'stop':
      state.stopped = true;
      say(turn, 'system.stopped');
      return;
  }
}

/** True when the input answered the "delete my data?" question. */
async function answerDeleteConfirmation(turn: Turn, input: Inbound): Promise<boolean> {
  let answer: 'yes' | 'no' | undefined;
  if (input.kind === 'choice') answer = input.id === 'confirm:yes' ? 'yes' : input.id === 'confirm:no' ? 'no' : undefined;
  if (input.kind === 'text') {
    const labels: Option[] = [
      { id: 'yes', label: tr(turn, 'privacy.yesDelete') },
      { id: 'no', label: tr(turn, 'privacy.noKeep') },
    ];
    answer = (matchOption(input.text, labels)?.id as 'yes' | 'no' | undefined) ?? turn.deps.vocabulary.yesNo(input.text);
  }
  if (!answer) return false;
  delete turn.state.confirming;
  if (answer === 'yes') {
    turn.effects.push({ kind: 'deleteData' });
    say(turn, 'privacy.deleted');
  } else {
    say(turn, 'privacy.kept');
    await advance(turn, positionRef(turn.state.at));
  }
  return true;
}

async function answerInputStep(turn: Turn, ask: AskStep, input: Inbound): Promise<void> {
  if (input.kind !== 'text') return staleChoice(turn, ask, input);
  turn.state.vars[ask.var!] = input.text.trim();
  await advance(turn, refOf(turn, ask.next!));
}

async function answerOptionsStep(turn: Turn, ask: AskStep, input: Inbound): Promise<void> {
  const options = askOptions(turn, ask);
  let chosen: Option | undefined;
  if (input.kind === 'choice') {
    chosen = options.find((o) => o.id === input.id);
    if (!chosen) return staleChoice(turn, ask, input);
  } else if (input.kind === 'text') {
    chosen = matchOption(input.text, options);
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
    miss(turn, 'fallback.chooseFromList');
    return renderAsk(turn, ask);
  }
  // Text that is not one of the options is a question: answer it, then offer the menu again.
  const result = await turn.deps.actions.knowledgeAnswer({ ...request(turn), question: input.text });
  turn.outbox.push(...result.outbox);
  if (result.urgent) return offerHumanNow(turn);
  setVars(turn, result.vars);
  if (result.vars?.unsure === 'choices') return advance(turn, 'fallback.did-you-mean');
  if (result.outcome === 'ok') {
    rememberTopic(turn, result);
    turn.state.misses = 0;
    return renderAsk(turn, ask);
  }
  if (result.outcome === 'unavailable') return renderAsk(turn, ask);
  turn.state.misses += 1;
  if (turn.state.misses >= MISSES_BEFORE_HUMAN) {
    turn.state.misses = 0;
    return advance(turn, 'fallback.offer-human');
  }
  say(turn, 'fallback.notSure');
  return renderAsk(turn, ask);
}

async function choose(turn: Turn, ask: AskStep, optionId: string, label: string): Promise<void> {
  const { state } = turn;
  if (optionId === 'more' && state.lastTopic) {
    const result = await turn.deps.actions.knowledgeDetails({ ...request(turn), topic: state.lastTopic });
    turn.outbox.push(...result.outbox);
    delete state.lastTopic;
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
    turn.outbox.push(...result.outbox);
    delete state.lastTopic;
    if (result.outcome === 'ok') rememberTopic(turn, result);
    return renderAsk(turn, ask);
  }
  return advance(turn, refOf(turn, option?.goto ?? ask.next ?? 'main.menu'));
}

/** A button from an earlier message: a double tap is ignored, anything else gets the current options. */
function staleChoice(turn: Turn, ask: AskStep, input: Inbound): void {
  if (input.kind === 'choice' && input.id === turn.state.lastChoice) return;
  say(turn, 'system.staleChoice');
  renderAsk(turn, ask);
}

function miss(turn: Turn, key: string): void {
  turn.state.misses += 1;
  say(turn, key);
}

/** Variables an action set (null removes one). */
function setVars(turn: Turn, vars: ActionResult['vars']): void {
  for (const [k, v] of Object.entries(vars ?? {})) {
    if (v === null) delete turn.state.vars[k];
    else turn.state.vars[k] = v;
  }
}

function rememberTopic(turn: Turn, result: ActionResult): void {
  if (result.topic && result.hasDetails) turn.state.lastTopic = result.topic;
  else delete turn.state.lastTopic;
}

/** Runs steps from `ref` until one waits for the person (an ask) or the flow ends. */
async function advance(turn: Turn, ref: string, opts: { render?: boolean } = {}): Promise<void> {
  const { state, deps } = turn;
  delete state.lastTopic;
  let target = resolveRef(ref, state.at.flow);
  for (let i = 0; i < MAX_STEPS_PER_TURN; i++) {
    const found = findStep(deps.flows, target.flow, target.step);
    if (!found) throw new Error(`flow step ${target.flow}.${target.step} not found`);
    const { step, flow, index } = found;
    const following = (): string | undefined => step.type !== 'goto' && step.type !== 'end' && 'next' in step && step.next
      ? step.next
      : flow.steps[index + 1]?.id;
    let next: string | undefined;
    switch (step.type) {
      case 'say':
        say(turn, step.say);
        next = following();
        break;
      case 'ask':
        state.at = { flow: flow.id, step: step.id };
        if (opts.render !== false) renderAsk(turn, step);
        return;
      case 'action':
        next = await runAction(turn, step) ?? following();
        break;
      case 'branch':
        next = step.cases[state.vars[step.branch] ?? ''] ?? step.default;
        break;
      case 'goto':
        next = step.goto;
        break;
      case 'end':
        if (step.say) say(turn, step.say);
        state.at = MENU;
        return;
    }
    if (!next) throw new Error(`flow ${flow.id}: step ${step.id} leads nowhere`);
    target = resolveRef(next, flow.id);
  }
  throw new Error(`more than ${MAX_STEPS_PER_TURN} steps in one turn: a flow loops without asking`);
}

/** Runs an action step; returns where to go for its outcome, or undefined for the usual next step. */
async function runAction(turn: Turn, step: ActionStep): Promise<string | undefined> {
  const { deps, state } = turn;
  const req = request(turn);
  const value = step.input ? state.vars[step.input] : undefined;
  let result: ActionResult;
  switch (step.action) {
    case 'knowledgeAnswer':
      result = await deps.actions.knowledgeAnswer({ ...req, question: value, topic: step.topic });
      break;
    case 'knowledgeDetails':
      result = await deps.actions.knowledgeDetails({ ...req, topic: step.topic ?? state.lastTopic ?? '' });
      break;
    case 'nearestCentre': {
      const location = parseCoordinates(value);
      result = await deps.actions.nearestCentre(location ? { ...req, location } : { ...req, query: value });
      break;
    }
    case 'freeSlots':
      result = await deps.actions.freeSlots({ ...req, vars: state.vars });
      break;
    case 'freeTimes':
      result = await deps.actions.freeTimes({ ...req, vars: state.vars });
      break;
    case 'book':
      result = await deps.actions.book({ ...req, vars: state.vars, conversationId: turn.conversationId });
      break;
    case 'myAppointment':
      result = await deps.actions.myAppointment({ ...req, conversationId: turn.conversationId });
      break;
    case 'cancelAppointment':
      result = await deps.actions.cancelAppointment({ ...req, vars: state.vars, conversationId: turn.conversationId });
      break;
    case 'handOff':
      result = await deps.actions.handOff({
        ...req,
        reason: state.at.flow === 'fallback' ? 'misunderstood' : 'asked',
        conversationId: turn.conversationId,
        urgent: Boolean(state.urgent),
        vars: state.vars,
        recent: state.recent ?? [],
      });
      break;
    case 'setLanguage': {
      const lang = LANGS.find((l) => l === value);
      if (lang) state.lang = lang;
      result = { outcome: lang ? 'ok' : 'unsure', outbox: [] };
      break;
    }
  }
  turn.outbox.push(...result.outbox);
  if (result.handoff) state.handoff = result.handoff;
  setVars(turn, result.vars);
  if (result.urgent) {
    turn.state.urgent = true;
    return 'handoff.start';
  }
  if (result.outcome === 'ok') rememberTopic(turn, result);
  return result.outcome === 'ok' ? undefined : step.on?.[result.outcome];
}

/** After a message that signalled danger: the offer of a person comes at once. */
function offerHumanNow(turn: Turn): Promise<void> {
  turn.state.urgent = true;
  turn.state.misses = 0;
  return advance(turn, 'handoff.start');
}

function renderAsk(turn: Turn, ask: AskStep): void {
  const found = findStep(turn.deps.flows, turn.state.at.flow, turn.state.at.step);
  if (found?.step !== ask) turn.state.at = positionOf(turn, ask);
  if (ask.input === 'location') {
    turn.outbox.push({ kind: 'locationRequest', text: tr(turn, ask.ask), buttonLabel: tr(turn, 'system.shareLocation') });
    return;
  }
  if (ask.input === 'text') {
    say(turn, ask.ask);
    return;
  }
  turn.outbox.push({ kind: 'options', text: tr(turn, ask.ask), options: askOptions(turn, ask) });
}

function askOptions(turn: Turn, ask: AskStep): Option[] {
  const { state } = turn;
  const prefix = `${state.at.flow}.${state.at.step}:`;
  const options: Option[] =
    ask.optionsFrom === 'languages'
      ? LANGS.map((l) => ({ id: prefix + l, label: turn.deps.t(l, 'language.name') }))
      : ask.optionsFrom === 'var'
        ? choicesFromVar(state.vars[ask.optionsVar!]).map((o) => ({ id: prefix + o.id, label: o.label }))
        : (ask.options ?? []).map((o) => ({ id: prefix + o.id, label: tr(turn, o.label) }));
  if (state.lastTopic) options.unshift({ id: `${prefix}more`, label: tr(turn, 'answer.more') });
  return options;
}

/** Choices an action left in a variable as JSON [{id, label}]; anything else is no choices. */
function choicesFromVar(value: string | undefined): Option[] {
  try {
    const parsed = JSON.parse(value ?? '[]') as unknown;
    return Array.isArray(parsed) ? parsed.filter((o): o is Option => typeof o?.id === 'string' && typeof o?.label === 'string') : [];
  } catch {
    return [];
  }
}

function positionOf(turn: Turn, ask: AskStep): Position {
  for (const flow of turn.deps.flows.values()) if ((flow.steps as readonly object[]).includes(ask)) return { flow: flow.id, step: ask.id };
  return turn.state.at;
}

function say(turn: Turn, key: string): void {
  turn.outbox.push({ kind: 'text', text: tr(turn, key) });
}

/** A text in the conversation's language; the flow's variables can be interpolated ({{name}}). */
function tr(turn: Turn, key: string): string {
  return turn.deps.t(turn.state.lang, key, { ...turn.state.vars, privacyUrl: turn.deps.privacyUrl });
}

function request(turn: Turn): { lang: Lang; country?: string } {
  return turn.state.country ? { lang: turn.state.lang, country: turn.state.country } : { lang: turn.state.lang };
}

function refOf(turn: Turn, ref: string): string {
  const { flow, step } = resolveRef(ref, turn.state.at.flow);
  return `${flow}.${step}`;
}

function positionRef(p: Position): string {
  return `${p.flow}.${p.step}`;
}

function isGreetingOrEmpty(turn: Turn, input: Inbound): boolean {
  return input.kind === 'text' && (input.text.trim() === '' || turn.deps.vocabulary.isGreeting(input.text));
}

function clip(input: Inbound): Inbound {
  return input.kind === 'text' && input.text.length > MAX_INPUT_CHARS ? { kind: 'text', text: input.text.slice(0, MAX_INPUT_CHARS) } : input;
}
