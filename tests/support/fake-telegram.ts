/**
 * A fake Telegram Bot API on 127.0.0.1: answers getMe, sendMessage, answerCallbackQuery,
 * setMyCommands ... as Telegram does, and records every call for the test to read. It can also be
 * down: refusing every call (the connection is dropped) or hanging (no answer ever comes).
 */
import { createServer, type Server } from 'node:http';

export interface BotApiCall {
  method: string;
  payload: Record<string, unknown>;
}

export interface FakeTelegram {
  apiRoot: string;
  calls: BotApiCall[];
  sent(chatId: number): { text: string; reply_markup?: Record<string, unknown> }[];
  /** The next `n` sendMessage calls fail with a 500, as Telegram's servers sometimes do. */
  failSends(n: number): void;
  /** The next `n` sendMessage calls get Telegram's flood control: 429 with `parameters.retry_after` seconds. */
  rateLimitSends(n: number, retryAfterSeconds: number): void;
  /** 'up' answers; 'refuse' drops every connection; 'hang' never answers (until set 'up' again). */
  setMode(mode: FakeTelegramMode): void;
  close(): Promise<void>;
}

export type FakeTelegramMode = 'up' | 'refuse' | 'hang';

export async function startFakeTelegram(token: string, opts: { mode?: FakeTelegramMode } = {}): Promise<FakeTelegram> {
  const calls: BotApiCall[] = [];
  let messageId = 0;
  let failing = 0;
  let limited = 0;
  let retryAfter = 0;
  let mode = opts.mode ?? 'up';
  const server: Server = createServer((req, res) => {
    if (mode === 'refuse') return void req.socket.destroy();
    if (mode === 'hang') return;
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      const m = /^\/bot([^/]+)\/(\w+)$/.exec(req.url ?? '');
      res.setHeader('content-type', 'application/json');
      if (!m || m[1] !== token) {
        res.statusCode = 401;
        return res.end(JSON.stringify({ ok: false, error_code: 401, description: 'Unauthorized' }));
      }
      const method = m[2]!;
      const payload = body ? (JSON.parse(body) as Record<string, unknown>) : {};
      if (method === 'sendMessage' && failing > 0) {
        failing -= 1;
        res.statusCode = 500;
        return res.end(JSON.stringify({ ok: false, error_code: 500, description: 'Internal Server Error' }));
      }
      if (method === 'sendMessage' && limited > 0) {
        limited -= 1;
        res.statusCode = 429;
        return res.end(JSON.stringify({ ok: false, error_code: 429, description: `Too Many Requests: retry after ${retryAfter}`, parameters: { retry_after: retryAfter } }));
      }
      calls.push({ method, payload });
      const result =
        method === 'getMe'
          ? { id: 7000000001, is_bot: true, first_name: 'Wegweiser', username: 'wegweiser_test_bot', can_join_groups: false, can_read_all_group_messages: false, supports_inline_queries: false }
          : method === 'sendMessage'
            ? { message_id: ++messageId, date: Math.floor(Date.now() / 1000), chat: { id: payload.chat_id, type: 'private' }, text: payload.text }
            : true;
      res.end(JSON.stringify({ ok: true, result }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    apiRoot: `http://127.0.0.1:${port}`,
    calls,
    sent: (chatId) =>
      calls.filter((c) => c.method === 'sendMessage' && c.payload.chat_id === chatId).map((c) => c.payload as { text: string; reply_markup?: Record<string, unknown> }),
    failSends: (n) => void (failing = n),
    rateLimitSends: (n, seconds) => {
      limited = n;
      retryAfter = seconds;
    },
    setMode: (m) => void (mode = m),
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections(); // hanging requests too
      }),
  };
}
