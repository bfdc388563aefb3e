/**
 * The baseline of `bench:turns`: the unavoidable work of a persisted WhatsApp turn and nothing
 * else — verify Twilio's signature, parse the form, read and write one row in SQLite in one
 * transaction (the same driver the server uses), answer TwiML. Run in its own process, as the
 * server is, so both get the same share of the machine. Prints its URL when it listens.
 *
 *   PORT=0 DATA_DIR=/tmp/x TWILIO_AUTH_TOKEN=... PUBLIC_BASE_URL=... tsx scripts/bench-baseline-server.ts
 */
import { join } from 'node:path';
import formbody from '@fastify/formbody';
import Fastify from 'fastify';
import twilio from 'twilio';
import { SqliteDatabase } from '../src/storage/sqlite/driver.js';

const token = process.env.TWILIO_AUTH_TOKEN ?? '';
const publicBaseUrl = process.env.PUBLIC_BASE_URL ?? '';
const db = await SqliteDatabase.open(join(process.env.DATA_DIR ?? '.', 'baseline.sqlite'));
await db.exec('CREATE TABLE IF NOT EXISTS rows (id TEXT PRIMARY KEY, body TEXT NOT NULL, turns INTEGER NOT NULL)');

const app = Fastify();
await app.register(formbody);
app.post('/webhooks/whatsapp', async (req, reply) => {
  const form = req.body as Record<string, string>;
  const signature = req.headers['x-twilio-signature'];
  if (typeof signature !== 'string' || !twilio.validateRequest(token, signature, `${publicBaseUrl}${req.url}`, form)) return reply.code(403).send();
  const id = form.From ?? '';
  const turns = await db.transaction(async (tx) => {
    const row = await tx.get<{ turns: number }>('SELECT turns FROM rows WHERE id = ?', [id]);
    const next = (row?.turns ?? 0) + 1;
    await tx.run('INSERT INTO rows (id, body, turns) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET body = excluded.body, turns = excluded.turns', [id, form.Body ?? '', next]);
    return next;
  });
  return reply.type('text/xml').send(`<?xml version="1.0" encoding="UTF-8"?><Response><Message>turn ${turns}</Message></Response>`);
});
const url = await app.listen({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1' });
console.log(url);
