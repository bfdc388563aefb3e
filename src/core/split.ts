/** Splits text into parts of at most `max` characters, at paragraphs, then lines, then spaces. */
export function splitMessage(text: string, max: number): string[] {
  const parts: string[] = [];
  let rest = text.trim();
  // rest.length counts UTF-16 units, never fewer than the characters: most messages need no count
  while (rest.length > max && [...rest].length > max) {
    const window = [...rest].slice(0, max).join('');
    const cut = Math.max(window.lastIndexOf('\n\n'), 0) || Math.max(window.lastIndexOf('\n'), 0) || Math.max(window.lastIndexOf(' '), 0) || window.length;
    parts.push(rest.slice(0, cut).trim());
    rest = rest.slice(cut).trim();
  }
  if (rest) parts.push(rest);
  return parts;
}

