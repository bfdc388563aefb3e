/**
 * Options on channels without buttons: shown as a numbered list, and a reply of "2" (or the
 * option's words) maps back to the second option. Done once, here, for every channel.
 */
import type { Option, Outbound } from './messages.js';
import { foldText } from './normalize.js';
import { byOrdinal } from './ordinal.js';

export interface ChannelCapabilities {
  /** The channel can show tappable options (buttons, quick replies, suggested actions). */
  buttons: boolean;
}

export function numberedList(options: readonly Option[]): string {
  return options.map((o, i) => `${i + 1}. ${o.label}`).join('\n');
}

/** Options become text with a numbered list where the channel has no buttons; nothing is dropped. */
export function degrade(outbox: readonly Outbound[], caps: ChannelCapabilities): Outbound[] {
  if (caps.buttons) return [...outbox];
  return outbox.map((m): Outbound =>
    m.kind === 'options' ? { kind: 'text', text: `${m.text}\n\n${numberedList(m.options)}` } : m,
  );
}

const DIGITS = /^[\s(]*(\d{1,2})[\s.)]*$/;

/**
 * The option a typed reply means: its number ("2", "2.", "(2)", "٢"), its label typed out
 * (accents and case ignored), or its place said in words ("the first one", "le 2e", "pehla wala").
 * Undefined when the text is something else, such as a question.
 */
export function matchOption(text: string, options: readonly Option[]): Option | undefined {
  const folded = foldText(text);
  const digits = DIGITS.exec(folded);
  if (digits) return options[Number(digits[1]) - 1];
  if (!folded) return undefined;
  return options.find((o) => foldText(o.label) === folded) ?? byOrdinal(text, options);
}

/** Arabic's article is part of the word ("العمل"): a person typing "عمل" means the same word. */
const wordsOf = (text: string): string[] => foldText(text).split(' ').filter(Boolean).map((w) => w.replace(/^(?:ال|لل)(?=\p{L}{2})/u, ''));

/**
 * The option a reply of one to three words names by the words of its label: "work" for "Work, study
 * or train in Germany", "retour" for "Retour et nouveau départ". Every word must be a word of the same
 * single option (or its beginning, from four letters: "travail" in "Travailler"); else undefined.
 */
export function matchOptionWords(text: string, options: readonly Option[]): Option | undefined {
  const said = wordsOf(text);
  if (!said.length || said.length > 3) return undefined;
  const holds = (label: string[], w: string) =>
    label.some((l) => l === w || (w.length >= 4 && l.length >= 4 && (l.startsWith(w) || w.startsWith(l))));
  const labels = options.map((o) => wordsOf(o.label));
  const named = options.filter((_, i) => said.every((w) => w.length >= 3 && holds(labels[i]!, w)));
  return named.length === 1 ? named[0] : undefined;
}
