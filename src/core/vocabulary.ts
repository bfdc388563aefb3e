/**
 * The words that mean something at any point of a conversation, in every language at once:
 * global commands ("menu", "القائمة", "Menü"), greetings, yes and no. People switch languages
 * mid-sentence, so a French conversation still understands "menu" and "stop".
 */
import { COMMAND_NAMES, type CommandName } from './messages.js';
import { foldText } from './normalize.js';

export interface VocabularySource {
  commands: Record<CommandName, string[]>;
  greetings: string[];
  yes: string[];
  no: string[];
}

export interface Vocabulary {
  command(text: string): CommandName | undefined;
  isGreeting(text: string): boolean;
  yesNo(text: string): 'yes' | 'no' | undefined;
}

export function buildVocabulary(sources: readonly VocabularySource[]): Vocabulary {
  const commands = new Map<string, CommandName>();
  const greetings = new Set<string>();
  const yes = new Set<string>();
  const no = new Set<string>();
  for (const src of sources) {
    for (const name of COMMAND_NAMES) for (const w of src.commands[name] ?? []) commands.set(foldText(w), name);
    for (const w of src.greetings) greetings.add(foldText(w));
    for (const w of src.yes) yes.add(foldText(w));
    for (const w of src.no) no.add(foldText(w));
  }
  return {
    command: (text) => commands.get(foldText(text)),
    isGreeting: (text) => {
      const folded = foldText(text);
      return folded.length > 0 && (greetings.has(folded) || folded.split(' ').every((w) => greetings.has(w)));
    },
    yesNo: (text) => {
      const folded = foldText(text);
      return yes.has(folded) ? 'yes' : no.has(folded) ? 'no' : undefined;
    },
  };
}
