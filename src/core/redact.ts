/** A service URL fit for a message or a log line: its password masked; `what` names it when it cannot be read. */
export function redactUrl(url: string, what: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return `(unparsable ${what} URL)`;
  }
}
