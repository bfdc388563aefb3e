/** Asking the question of an ask step: options, a text prompt, or a request for a location. */
import { LANGS } from '../core/lang.js';
import type { Option } from '../core/messages.js';
import { matchOption } from '../core/degrade.js';
import type { Position } from '../core/state.js';
import { findStep } from './loader.js';
import type { AskStep } from './schema.js';
import { say, tr, type Turn } from './context.js';

/** The option ids of "did this help?": yes and no. */
export const FEEDBACK_YES = 'helped';
export const FEEDBACK_NO = 'not-helped';
/** The option id of the runner-up offered beside an answer ("or did you mean"). */
export const ALSO_OFFERED = 'also';

/** "Or did you mean: <title>?" in the person's language. */
function alsoOfferedLabel(t: Turn['deps']['t'], lang: Turn['state']['lang'], offered: Option): string {
  return t(lang, 'answer.orDidYouMean', { title: offered.label });
}

/** The ask step the conversation waits at, when it waits at one. */
export function currentAsk(turn: Turn): AskStep | undefined {
  const found = findStep(turn.deps.flows, turn.state.at.flow, turn.state.at.step);
  return found?.step.type === 'ask' ? found.step : undefined;
}

export function renderAsk(turn: Turn, ask: AskStep): void {
  const found = findStep(turn.deps.flows, turn.state.at.flow, turn.state.at.step);
  if (found?.step !== ask) turn.state.at = positionOf(turn, ask);
  const key = askKey(turn, ask);
  if (ask.input === 'location') {
    turn.outbox.push({ kind: 'locationRequest', text: tr(turn, key), buttonLabel: tr(turn, 'system.shareLocation') });
    return;
  }
  if (ask.input === 'text') {
    say(turn, key);
    return;
  }
  turn.outbox.push({ kind: 'options', text: tr(turn, key), options: askOptions(turn, ask, { shown: true }) });
}

/** The step's text, or its askIf text while that variable is set. */
function askKey(turn: Turn, ask: AskStep): string {
  for (const [name, key] of Object.entries(ask.askIf ?? {})) if (turn.state.vars[name]) return key;
  return ask.ask;
}

/** The options of an ask as rendered; ids are "flow.step:id", so a button names the question it answers. */
/**
 * `shown`: the options as sent now. "Did this help?" is shown only in the turn that answered (or
 * gave the details), and still recognised in the next, when the person taps it.
 */
export function askOptions(turn: Turn, ask: AskStep, opts: { shown?: boolean } = {}): Option[] {
  const { state } = turn;
  const prefix = `${state.at.flow}.${state.at.step}:`;
  const options: Option[] =
    ask.optionsFrom === 'languages'
      ? LANGS.map((l) => ({ id: prefix + l, label: turn.deps.t(l, 'language.name') }))
      : ask.optionsFrom === 'var'
        ? (state.choices?.[ask.optionsVar!] ?? []).map((o) => ({ id: prefix + o.id, label: o.label }))
        : (ask.options ?? []).map((o) => ({ id: prefix + o.id, label: tr(turn, o.label) }));
  if (state.lastTopic) {
    // While centres, days or times are offered, their numbers stay: "More details" comes last.
    const more = { id: `${prefix}more`, label: tr(turn, 'answer.more') };
    if (ask.optionsFrom === 'var' && ask.optionsVar !== 'didYouMean') options.push(more);
    else options.unshift(more);
  }
  // "Did this help?" rides on the options after an answer, last, so the menu keeps its numbers.
  if (state.asked?.awaiting === 'rating' && !ask.optionsFrom && (turn.askedNow || !opts.shown)) {
    options.push({ id: `${prefix}${FEEDBACK_YES}`, label: tr(turn, 'feedback.yes') }, { id: `${prefix}${FEEDBACK_NO}`, label: tr(turn, 'feedback.no') });
  }
  // A close runner-up beside the answer comes after everything else: no option the person knows changes its number.
  if (state.alsoOffered && !ask.optionsFrom) options.push({ id: `${prefix}${ALSO_OFFERED}`, label: alsoOfferedLabel(turn.deps.t, state.lang, state.alsoOffered) });
  return options;
}

function positionOf(turn: Turn, ask: AskStep): Position {
  for (const flow of turn.deps.flows.values()) if ((flow.steps as readonly object[]).includes(ask)) return { flow: flow.id, step: ask.id };
  return turn.state.at;
}

/**
 * The label a person saw for an option id ("flow.step:id") in their language, for the advisor's
 * transcript; undefined when the id names no option (an old button, a typed id).
 */
export function optionLabel(deps: Pick<Turn['deps'], 'flows' | 't'>, state: Pick<Turn['state'], 'lang' | 'choices' | 'alsoOffered'>, optionId: string): string | undefined {
  const match = /^([\w-]+)\.([\w-]+):(.+)$/.exec(optionId);
  if (!match) return undefined;
  const [, flowId, stepId, id] = match as unknown as [string, string, string, string];
  if (id === 'more') return deps.t(state.lang, 'answer.more');
  if (id === ALSO_OFFERED) return state.alsoOffered && alsoOfferedLabel(deps.t, state.lang, state.alsoOffered);
  const step = findStep(deps.flows, flowId, stepId)?.step as AskStep | undefined;
  if (!step || !('ask' in step)) return undefined;
  if (step.optionsFrom === 'languages') return (LANGS as readonly string[]).includes(id) ? deps.t(id as (typeof LANGS)[number], 'language.name') : undefined;
  if (step.optionsFrom === 'var') return state.choices?.[step.optionsVar!]?.find((o) => o.id === id)?.label;
  const option = step.options?.find((o) => o.id === id);
  return option && deps.t(state.lang, option.label);
}

/**
 * The option a typed number ("2", where options came as a numbered list) chose at the step the
 * conversation waits at, as the person saw it; undefined when it chose none.
 */
export function numberedChoice(deps: Turn['deps'], state: Turn['state'], text: string): Option | undefined {
  if (!/^\s*\d{1,2}\s*$/.test(text)) return undefined;
  const step = findStep(deps.flows, state.at.flow, state.at.step)?.step as AskStep | undefined;
  if (!step || !('ask' in step) || step.input) return undefined;
  return matchOption(text, askOptions({ deps, state } as Turn, step));
}
