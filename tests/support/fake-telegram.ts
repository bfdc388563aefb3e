/**
 * A fake Telegram Bot API on 127.0.0.1: answers getMe, sendMessage, answerCallbackQuery,
 * setMyCommands ... as Telegram does, and records every call for the test to read. Files a test
 * adds (`addFile`) are found by getFile and downloaded from /file/bot<token>/<file_path>; uploads
 * (sendPhoto, sendDocument: multipart) are recorded with their bytes in `uploads`. It can also be
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
  /** A file the person sent: getFile(fileId) finds it, its bytes are downloadable with the bot's token. */
  addFile(fileId: string, bytes: Buffer): void;
  /** Files uploaded with sendPhoto / sendDocument: the method, the chat, the field's file name and bytes. */
  uploads: { method: string; chatId: string; name: string; type: string; bytes: Buffer }[];
  /** 'up' answers; 'refuse' drops every connection; 'hang' never answers (until set 'up' again). */
  setMode(mode: FakeTelegramMode): void;
  close(): Promise<void>;
}

export type FakeTelegramMode = 'up' | 'refuse' | 'hang';

/** The parts of a multipart body, read as leniently as Telegram does (grammY writes `name:value` headers, unquoted file names). */
function multipartParts(raw: Buffer, boundary: string): { name: string; filename?: string; type: string; value: Buffer }[] {
  const parts: { name: string; filename?: string; type: string; value: Buffer }[] = [];
  const delimiter = Buffer.from(`--${boundary}`);
  let at = raw.indexOf(delimiter);
  while (at >= 0) {
    const start = at + delimiter.length + 2; // past the CRLF
    const next = raw.indexOf(delimiter, start);
    if (next < 0) break;
    const part = raw.subarray(start, next - 2); // before the CRLF that precedes the delimiter
    const split = part.indexOf('\r\n\r\n');
    const head = part.subarray(0, split).toString('utf8');
    const name = /name="?([^";\r\n]+)"?/.exec(head)?.[1] ?? '';
    const filename = /filename="?([^";\r\n]+)"?/.exec(head)?.[1];
    const type = /content-type:\s*([^\r\n]+)/i.exec(head)?.[1] ?? '';
    parts.push({ name, ...(filename === undefined ? {} : { filename }), type, value: part.subarray(split + 4) });
    at = next;
  }
  return parts;
}

export async function startFakeTelegram(token: string, opts: { mode?: FakeTelegramMode } = {}): Promise<FakeTelegram> {
  const calls: BotApiCall[] = [];
  let messageId = 0;
  let failing = 0;
  let limited = 0;
  let retryAfter = 0;
  let mode = opts.mode ?? 'up';
  const files = new Map<string, { path: string; bytes: Buffer }>();
  const uploads: FakeTelegram['uploads'] = [];
  const server: Server = createServer((req, res) => {
    if (mode === 'refuse') return void req.socket.destroy();
    if (mode === 'hang') return;
    const chunks: Buffer[] = [];
    req.on('data', (d: Buffer) => chunks.push(d));
    req.on('end', async () => {
      const raw = Buffer.concat(chunks);
      const download = /^\/file\/bot([^/]+)\/(.+)$/.exec(req.url ?? '');
      if (download) {
        const file = [...files.values()].find((f) => f.path === decodeURIComponent(download[2]!));
        if (download[1] !== token || !file) {
          res.statusCode = 404;
          return res.end('Not Found');
        }
        res.setHeader('content-type', 'application/octet-stream');
        return res.end(file.bytes);
      }
      let body = raw.toString('utf8');
      const m = /^\/bot([^/]+)\/(\w+)$/.exec(req.url ?? '');
      const type = req.headers['content-type'] ?? '';
      if (type.startsWith('multipart/form-data')) {
        // grammY uploads files as multipart: the fields become the payload, the file is recorded.
        const fields: Record<string, unknown> = {};
        const files: { field: string; name: string; type: string; bytes: Buffer }[] = [];
        for (const part of multipartParts(raw, /boundary=(.+)$/.exec(type)?.[1] ?? '')) {
          if (part.filename === undefined) fields[part.name] = /^-?\d+$/.test(part.value.toString()) ? Number(part.value.toString()) : part.value.toString();
          else files.push({ field: part.name, name: part.filename, type: part.type, bytes: part.value });
        }
        for (const f of files) uploads.push({ method: m?.[2] ?? '', chatId: String(fields.chat_id), name: f.name, type: f.type, bytes: f.bytes });
        body = JSON.stringify(fields);
      }
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
            : method === 'getFile'
              ? (() => {
                  const file = files.get(String(payload.file_id));
                  return file ? { file_id: payload.file_id, file_unique_id: `u${String(payload.file_id)}`, file_size: file.bytes.length, file_path: file.path } : undefined;
                })()
              : method === 'sendPhoto' || method === 'sendDocument'
                ? { message_id: ++messageId, date: Math.floor(Date.now() / 1000), chat: { id: payload.chat_id, type: 'private' } }
                : true;
      if (result === undefined) {
        res.statusCode = 400;
        return res.end(JSON.stringify({ ok: false, error_code: 400, description: 'Bad Request: invalid file_id' }));
      }
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
    addFile: (fileId, bytes) => void files.set(fileId, { path: `files/file_${files.size}.bin`, bytes }),
    uploads,
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
