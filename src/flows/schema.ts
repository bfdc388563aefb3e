/**
 * The flow schema: scripted conversations as data. A flow is a list of steps; each step is one of
 * say, ask, action, branch, goto, end, told apart by the key it has. Texts are i18next keys.
 */
import { z } from 'zod';
import { ACTION_OUTCOMES } from '../core/actions.js';
import { ASKING_KINDS } from '../core/turn-meta.js';

const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'use lowercase letters, digits and dashes');
/** "step" in the same flow or "flow.step". */
const ref = z.string().regex(/^([a-z0-9][a-z0-9-]*\.)?[a-z0-9][a-z0-9-]*$/, 'a step id or flow.step');
/** A conversation variable: camelCase (centreId, dayChoices). */
const varName = z.string().regex(/^[a-z][a-zA-Z0-9]*$/, 'a variable name such as centreId');
const key = z.string().regex(/^[a-z][a-zA-Z0-9_.-]*$/, 'an i18n key such as main.menu.prompt');

export const ACTION_NAMES = ['knowledgeAnswer', 'knowledgeDetails', 'nearestCentre', 'freeSlots', 'freeTimes', 'book', 'myAppointment', 'cancelAppointment', 'handOff', 'setLanguage'] as const;
export type ActionName = (typeof ACTION_NAMES)[number];

export const optionSchema = z
  .strictObject({
    id,
    label: key,
    /** Where choosing it leads. */
    goto: ref.optional(),
    /** A knowledge topic answered in place, then the same question is asked again. */
    topic: id.optional(),
  })
  .refine((o) => Boolean(o.goto) !== Boolean(o.topic), { message: 'an option needs exactly one of goto or topic' });

const base = { id, next: ref.optional() };

export const sayStep = z.strictObject({ ...base, say: key });
export const askOptionsStep = z.strictObject({
  ...base,
  ask: key,
  /** The text asked instead while a variable is set, not empty (e.g. centreUnconfirmed: a request, not a booking); the first that applies. */
  askIf: z.record(varName, key).optional(),
  /** Static options, or a list the engine supplies: the interface languages, or choices an action left in a variable. */
  options: z.array(optionSchema).min(1).max(10).optional(),
  optionsFrom: z.enum(['languages', 'var']).optional(),
  /** With optionsFrom: var, the name of the choices an action offered (`state.choices`). */
  optionsVar: varName.optional(),
  /** Stores the chosen option's id under this variable. */
  var: varName.optional(),
  /** Typed text that matches no option is stored in `var` and the flow goes on here (e.g. to answer it as a new question). */
  onText: ref.optional(),
  /** Typed text that matches no option: a question for the knowledge base (default), or a value for `var`. */
  input: z.enum(['text', 'location']).optional(),
  /** What the answer is (a day, a name, a yes or no), where the kind of ask does not say it: for tests and the simulator. */
  expects: z.enum(ASKING_KINDS).optional(),
});
export const actionStep = z.strictObject({
  ...base,
  action: z.enum(ACTION_NAMES),
  /** The variable the action reads (e.g. the question or the town). */
  input: varName.optional(),
  topic: id.optional(),
  /** Where to go for an outcome other than ok; `next` is taken for ok and for outcomes not listed. */
  on: z.partialRecord(z.enum(ACTION_OUTCOMES), ref).optional(),
});
export const branchStep = z.strictObject({
  ...base,
  branch: varName,
  cases: z.record(z.string(), ref),
  default: ref,
});
export const gotoStep = z.strictObject({ id, goto: ref });
export const endStep = z.strictObject({ id, end: z.literal(true), say: key.optional() });

export type SayStep = z.infer<typeof sayStep>;
export type AskStep = z.infer<typeof askOptionsStep>;
export type ActionStep = z.infer<typeof actionStep>;
export type BranchStep = z.infer<typeof branchStep>;
export type GotoStep = z.infer<typeof gotoStep>;
export type EndStep = z.infer<typeof endStep>;
export type FlowOption = z.infer<typeof optionSchema>;

export type Step =
  | ({ type: 'say' } & SayStep)
  | ({ type: 'ask' } & AskStep)
  | ({ type: 'action' } & ActionStep)
  | ({ type: 'branch' } & BranchStep)
  | ({ type: 'goto' } & GotoStep)
  | ({ type: 'end' } & EndStep);

export const STEP_KINDS = {
  say: sayStep,
  ask: askOptionsStep,
  action: actionStep,
  branch: branchStep,
  goto: gotoStep,
  end: endStep,
} as const;

export const flowFileSchema = z.strictObject({
  id,
  description: z.string().optional(),
  steps: z.array(z.record(z.string(), z.unknown())).min(1),
});

export interface Flow {
  id: string;
  file: string;
  steps: Step[];
}
