/** The commands that work at any step (menu, language, human, delete my data, stop). */
import { matchOption } from '../core/degrade.js';
import type { CommandName, Inbound, Option } from '../core/messages.js';
import { positionRef, say, tr, type Turn } from './context.js';
import { advance } from './runner.js';

export async function runCommand(turn: Turn, command: CommandName): Promise<void> {
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
export async function answerDeleteConfirmation(turn: Turn, input: Inbound): Promise<boolean> {
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
