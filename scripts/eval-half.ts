/**
 * A stable half of a development set, by a hash of each message's text: tune on the "tune" half,
 * report the "check" half only as figures, so that it stays unseen (bench-kb, bench-understanding).
 */
export type Half = 'tune' | 'check';

export function halfOf(text: string): Half {
  let h = 2166136261;
  for (const ch of text) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return (h >>> 0) % 2 === 0 ? 'tune' : 'check';
}

/** The `--half` option checked: undefined (the whole set), "tune" or "check". */
export function parseHalf(value: string | undefined): Half | undefined {
  if (value === undefined) return undefined;
  if (value !== 'tune' && value !== 'check') throw new Error('--half is tune or check');
  return value;
}
