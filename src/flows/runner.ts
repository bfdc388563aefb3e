/**
 * The step runner: from a step, run say, branch, goto and action steps until one waits for the
 * person (an ask) or the flow ends. An action that changes something outside the conversation
 * (book, cancel, hand off) is not done here: the runner returns it as an effect and stops at its
 * step; the runtime performs it and `resumeAfterEffect` carries on with the result.
 */
import { LANGS } from '../core/lang.js';
import type { ActionResult, EffectResult } from '../core/actions.js';
import type { RequestEffect } from '../core/effects.js';
import { parseCoordinates } from '../core/messages.js';
import { findStep, resolveRef } from './loader.js';
import type { ActionStep } from './schema.js';
import { followedTopic, MENU, MISSES_BEFORE_HUMAN, rememberTopic, request, say, takeResult, urgentLine, type Turn } from './context.js';
import { currentAsk, renderAsk } from './render.js';
import { wantedOption } from './wanted.js';
import { placeSaidBefore } from './place-said.js';

const MAX_STEPS_PER_TURN = 100;

/** Runs steps from `ref` until one waits for the person (an ask), the flow ends, or an effect is asked for. */
export async function advance(turn: Turn, ref: string, opts: { render?: boolean } = {}): Promise<void> {
  const { state, deps } = turn;
  delete state.lastTopic;
  delete state.alsoOffered;
  let target = resolveRef(ref, state.at.flow);
  // Back at the menu, a move left half-way is over: a later booking replaces nothing.
  if (target.flow === 'main' && target.step === 'menu') delete state.vars.moving;
  for (let i = 0; i < MAX_STEPS_PER_TURN; i++) {
    const found = findStep(deps.flows, target.flow, target.step);
    if (!found) throw new Error(`flow step ${target.flow}.${target.step} not found`);
    const { step, flow } = found;
    let next: string | undefined;
    switch (step.type) {
      case 'say':
        say(turn, step.say);
        next = following(turn, flow.id, step.id);
        break;
      case 'ask': {
        state.at = { flow: flow.id, step: step.id };
        const wanted = wantedOption(turn, step);
        if (wanted && step.var && step.next) {
          state.vars[step.var] = wanted.id.slice(wanted.id.indexOf(':') + 1);
          state.vars[`${step.var}Label`] = wanted.label;
          next = step.next;
          break;
        }
        // A yes given before (a move that keeps the rest): the option's own way on.
        const goto = wanted && !step.var ? step.options?.find((o) => o.id === wanted.id.slice(wanted.id.indexOf(':') + 1))?.goto : undefined;
        if (goto) {
          next = goto;
          break;
        }
        const place = placeSaidBefore(turn, step);
        if (place) {
          state.vars[step.var!] = place;
          next = step.next!;
          break;
        }
        if (opts.render !== false) renderAsk(turn, step);
        return;
      }
      case 'action': {
        const effect = effectOf(turn, step);
        if (effect) {
          // The turn waits here for the effect's result; this position is never stored.
          state.at = { flow: flow.id, step: step.id };
          turn.effects.push(effect);
          return;
        }
        next = applyResult(turn, step, await runQuery(turn, step)) ?? following(turn, flow.id, step.id);
        break;
      }
      case 'branch':
        next = step.cases[branchValue(state, step.branch)] ?? step.default;
        break;
      case 'goto':
        next = step.goto;
        break;
      case 'end':
        if (step.say) say(turn, step.say);
        delete state.vars.moving; // a move is over once its booking is
        state.at = MENU;
        turn.ended = true;
        return;
    }
    if (!next) throw new Error(`flow ${flow.id}: step ${step.id} leads nowhere`);
    target = resolveRef(next, flow.id);
  }
  throw new Error(`more than ${MAX_STEPS_PER_TURN} steps in one turn: a flow loops without asking`);
}

/** Carries on from the action step that asked for an effect, with what performing it gave. */
export async function resumeAfterEffect(turn: Turn, input: EffectResult): Promise<void> {
  const { at } = turn.state;
  const found = findStep(turn.deps.flows, at.flow, at.step);
  if (found?.step.type !== 'action' || found.step.action !== input.effect) {
    throw new Error(`a ${input.effect} result arrived at ${at.flow}.${at.step}, which did not ask for it`);
  }
  takeResult(turn, input.result);
  const next = applyResult(turn, found.step, input.result) ?? following(turn, at.flow, at.step);
  if (!next) throw new Error(`flow ${at.flow}: step ${at.step} leads nowhere`);
  return advance(turn, next); // resolved in the action's flow: `at` is still its position
}

/** After a message that signalled danger: the offer of a person comes at once. */
export async function offerHumanNow(turn: Turn): Promise<void> {
  turn.state.urgent = true;
  turn.state.misses = 0;
  // Already being asked where they are or whether to connect ("aku hrs telpon siapa kak?" there): the same question again, never from the start.
  const ask = turn.state.at.flow === 'handoff' ? currentAsk(turn) : undefined;
  if (ask) return renderAsk(turn, ask);
  return advance(turn, 'handoff.start');
}

/** What a branch goes by: a variable, or `urgent` ("yes" once a message of the conversation signalled danger). */
function branchValue(state: Turn['state'], name: string): string {
  if (name === 'urgent') return state.urgent ? 'yes' : '';
  return state.vars[name] ?? '';
}

/** The step after this one: its `next`, else the one below it in the flow. */
function following(turn: Turn, flowId: string, stepId: string): string | undefined {
  const found = findStep(turn.deps.flows, flowId, stepId)!;
  const { step, flow, index } = found;
  return step.type !== 'goto' && step.type !== 'end' && 'next' in step && step.next ? step.next : flow.steps[index + 1]?.id;
}

/** The effect an action step asks for, or undefined when the step is a lookup the turn does itself. */
function effectOf(turn: Turn, step: ActionStep): RequestEffect | undefined {
  const { state, conversationId } = turn;
  const { vars, lang } = state;
  switch (step.action) {
    case 'book':
      return { kind: 'book', conversationId, lang, centreId: vars.centreId ?? '', start: vars.start ?? '', name: vars.name ?? '', contact: vars.contact ?? '' };
    case 'cancelAppointment':
      return { kind: 'cancelAppointment', conversationId, lang, appointmentId: vars.appointmentId ?? '', ...(vars.moving === 'yes' && state.at.flow === 'booking' ? { replaced: true } : {}) };
    case 'handOff':
      return {
        kind: 'handOff',
        conversationId,
        lang,
        ...(state.country ? { country: state.country } : {}),
        reason: state.at.flow === 'fallback' ? 'misunderstood' : 'asked',
        urgent: Boolean(state.urgent),
        ...(vars.centreId ? { centreId: vars.centreId } : {}),
        ...(vars.place ? { place: vars.place } : {}),
        recent: state.recent ?? [],
      };
    default:
      return undefined;
  }
}

async function runQuery(turn: Turn, step: ActionStep): Promise<ActionResult> {
  const { deps, state } = turn;
  const req = request(turn);
  const value = step.input ? state.vars[step.input] : undefined;
  let result: ActionResult;
  switch (step.action) {
    case 'knowledgeAnswer': {
      const follows = followedTopic(turn);
      result = await deps.actions.knowledgeAnswer({ ...req, question: value, topic: step.topic, ...(follows ? { follows } : {}) });
      break;
    }
    case 'knowledgeDetails':
      result = await deps.actions.knowledgeDetails({ ...req, topic: step.topic ?? state.lastTopic ?? '' });
      break;
    case 'nearestCentre': {
      const location = parseCoordinates(value);
      const urgent = state.urgent && state.at.flow === 'handoff' ? { urgent: true } : {};
      result = await deps.actions.nearestCentre(location ? { ...req, ...urgent, location } : { ...req, ...urgent, query: value });
      // In danger, words that name no place ("the battery is at 15%", "who do we call?") get the emergency line again, not "no such place".
      // Far from every centre, in danger: the emergency line first, then the centre in the person's language.
      if (result.vars?.farInOwnLanguage === 'yes') say(turn, urgentLine(state));
      if (result.outcome === 'unsure' && state.urgent && !location) {
        say(turn, urgentLine(state));
        result = { outcome: 'unsure', outbox: [] };
      } else if (result.outcome === 'unsure' && !location && result.vars?.placeWithoutCentre !== 'yes' && ++state.misses >= MISSES_BEFORE_HUMAN) {
        // A place not found twice in a row: asked once more, then a person offered, as at any step.
        state.misses = 0;
        turn.placeMissedTwice = true;
      }
      break;
    }
    case 'freeSlots':
      result = await deps.actions.freeSlots({ ...req, vars: state.vars });
      break;
    case 'freeTimes':
      result = await deps.actions.freeTimes({ ...req, vars: state.vars });
      break;
    case 'myAppointment':
      result = await deps.actions.myAppointment({ ...req, conversationId: turn.conversationId, ...(turn.state.vars.wantDay ? { wantDay: turn.state.vars.wantDay } : {}) });
      break;
    case 'setLanguage': {
      const lang = LANGS.find((l) => l === value);
      if (lang) {
        state.lang = lang;
        state.langFrom = 'chosen';
      }
      result = { outcome: lang ? 'ok' : 'unsure', outbox: [] };
      break;
    }
    default:
      throw new Error(`action ${step.action} is an effect, not a lookup`);
  }
  takeResult(turn, result);
  return result;
}

/** Takes in what an action gave; returns where to go for its outcome, or undefined for the usual next step. */
function applyResult(turn: Turn, step: ActionStep, result: ActionResult): string | undefined {
  const { state } = turn;
  if (result.handoff) state.handoff = result.handoff;
  keepResultValues(turn, result);
  if (result.urgent) {
    state.urgent = true;
    return 'handoff.start';
  }
  if (result.outcome === 'ok') rememberTopic(turn, result);
  if (turn.placeMissedTwice) return 'fallback.offer-human';
  return result.outcome === 'ok' ? undefined : step.on?.[result.outcome];
}

/** Variables and choices an action left (null removes one). */
export function keepResultValues(turn: Turn, result: Pick<ActionResult, 'vars' | 'choices'>): void {
  const { state } = turn;
  for (const [k, v] of Object.entries(result.vars ?? {})) {
    if (v === null) delete state.vars[k];
    else state.vars[k] = v;
  }
  for (const [k, v] of Object.entries(result.choices ?? {})) {
    if (v === null) delete state.choices?.[k];
    else state.choices = { ...state.choices, [k]: v };
  }
  if (state.choices && !Object.keys(state.choices).length) delete state.choices;
}
