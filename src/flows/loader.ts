/**
 * Loads `flows/*.yaml`, validates every step against the schema and every reference between steps,
 * and fails at start-up with the file, the step and what is wrong.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseYamlCached } from '../core/yaml-file.js';
import { WegweiserError } from '../core/errors.js';
import { flowFileSchema, STEP_KINDS, type Flow, type Step } from './schema.js';

export type FlowSet = ReadonlyMap<string, Flow>;

/** Flows the engine itself goes to: they must exist. */
export const REQUIRED_STEPS = ['main.menu', 'welcome.start', 'fallback.offer-human', 'handoff.start', 'language.choose'] as const;

export interface LoadFlowsOptions {
  /** Tells whether an i18n key exists (in the reference language). */
  hasKey?: (key: string) => boolean;
}

export function loadFlows(dir: string, opts: LoadFlowsOptions = {}): FlowSet {
  const files = readdirSync(dir).filter((f) => f.endsWith('.yaml') || f.endsWith('.yml')).sort();
  const problems: string[] = [];
  const flows = new Map<string, Flow>();
  for (const name of files) {
    const file = join(dir, name);
    const label = relative(process.cwd(), file) || file;
    const flow = parseFlowFile(readFileSync(file, 'utf8'), label, problems);
    if (!flow) continue;
    if (flows.has(flow.id)) problems.push(`${label}: flow id "${flow.id}" is used by another file too`);
    flows.set(flow.id, flow);
  }
  checkFlowSet(flows, problems, opts);
  if (problems.length) throw new WegweiserError('FLOW_INVALID', problems);
  return flows;
}

export function parseFlowFile(text: string, label: string, problems: string[]): Flow | undefined {
  let raw: unknown;
  try {
    raw = parseYamlCached(text);
  } catch (err) {
    problems.push(`${label}: not valid YAML: ${(err as Error).message.split('\n')[0]}`);
    return undefined;
  }
  const file = flowFileSchema.safeParse(raw);
  if (!file.success) {
    for (const issue of file.error.issues) problems.push(`${label}: ${issue.path.join('.') || 'file'}: ${issue.message}`);
    return undefined;
  }
  const steps: Step[] = [];
  file.data.steps.forEach((rawStep, index) => {
    const where = `${label}, step ${JSON.stringify(rawStep.id ?? `#${index + 1}`)}`;
    const kinds = (Object.keys(STEP_KINDS) as (keyof typeof STEP_KINDS)[]).filter((k) => k in rawStep);
    if (kinds.length !== 1) {
      problems.push(`${where}: needs exactly one of ${Object.keys(STEP_KINDS).join(', ')} (found ${kinds.join(', ') || 'none'})`);
      return;
    }
    const type = kinds[0]!;
    const parsed = STEP_KINDS[type].safeParse(rawStep);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push(`${where}: ${issue.path.join('.') || type}: ${issue.message}`);
      return;
    }
    steps.push({ type, ...parsed.data } as Step);
  });
  return { id: file.data.id, file: label, steps };
}

/** Resolves "step" or "flow.step" from inside `flowId`. */
export function resolveRef(ref: string, flowId: string): { flow: string; step: string } {
  const dot = ref.indexOf('.');
  return dot < 0 ? { flow: flowId, step: ref } : { flow: ref.slice(0, dot), step: ref.slice(dot + 1) };
}

export function findStep(flows: FlowSet, flow: string, step: string): { step: Step; index: number; flow: Flow } | undefined {
  const f = flows.get(flow);
  const index = f?.steps.findIndex((s) => s.id === step) ?? -1;
  return f && index >= 0 ? { step: f.steps[index]!, index, flow: f } : undefined;
}

function checkFlowSet(flows: Map<string, Flow>, problems: string[], opts: LoadFlowsOptions): void {
  for (const flow of flows.values()) {
    const seen = new Set<string>();
    flow.steps.forEach((step, index) => {
      const where = `${flow.file}, step "${step.id}"`;
      if (seen.has(step.id)) problems.push(`${where}: the step id is used twice in this flow`);
      seen.add(step.id);
      const refs: string[] = [];
      const keys: string[] = [];
      if ('next' in step && step.next) refs.push(step.next);
      switch (step.type) {
        case 'say':
          keys.push(step.say);
          break;
        case 'ask': {
          keys.push(step.ask, ...Object.values(step.askIf ?? {}));
          const sources = [step.options, step.optionsFrom, step.input].filter(Boolean).length;
          if (sources !== 1) {
            problems.push(`${where}: an ask step needs exactly one of options, optionsFrom or input`);
          }
          if (step.input && !step.var) problems.push(`${where}: an ask step with input needs a var to store it in`);
          if ((step.optionsFrom === 'var') !== Boolean(step.optionsVar)) problems.push(`${where}: optionsFrom: var goes with optionsVar (the variable an action filled)`);
          if ((step.input || step.optionsFrom) && !step.next) problems.push(`${where}: needs next (where to go with the answer)`);
          if (step.onText) {
            if (!step.var) problems.push(`${where}: onText needs a var to store the text in`);
            refs.push(step.onText);
          }
          for (const o of step.options ?? []) {
            keys.push(o.label);
            if (o.goto) refs.push(o.goto);
          }
          break;
        }
        case 'action':
          if (step.action === 'knowledgeAnswer' && !step.input && !step.topic) {
            problems.push(`${where}: knowledgeAnswer needs input (a variable) or topic`);
          }
          refs.push(...Object.values(step.on ?? {}));
          if (!step.next && index === flow.steps.length - 1) problems.push(`${where}: the last step of a flow needs next`);
          break;
        case 'branch':
          refs.push(...Object.values(step.cases), step.default);
          break;
        case 'goto':
          refs.push(step.goto);
          break;
        case 'end':
          if (step.say) keys.push(step.say);
          break;
      }
      if (step.type === 'say' && !step.next && index === flow.steps.length - 1) {
        problems.push(`${where}: the last step of a flow needs next, or make it an end step`);
      }
      for (const r of refs) {
        const target = resolveRef(r, flow.id);
        if (!findStep(flows, target.flow, target.step)) problems.push(`${where}: goes to "${r}", which does not exist`);
      }
      if (opts.hasKey) for (const k of keys) if (!opts.hasKey(k)) problems.push(`${where}: text key "${k}" is missing from the locales`);
    });
  }
  for (const r of REQUIRED_STEPS) {
    const t = resolveRef(r, '');
    if (flows.size && !findStep(flows, t.flow, t.step)) problems.push(`flows: the engine needs step "${r}", which no flow defines`);
  }
}
