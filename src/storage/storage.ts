/** Storage over any database behind the SQL interface: the repositories, units of work, retention. */
import { AppointmentRepository } from './repositories/appointments.js';
import { ConversationRepository } from './repositories/conversations.js';
import { CurationRepository } from './repositories/curation.js';
import { DeliveryRepository } from './repositories/deliveries.js';
import { HandoffRepository } from './repositories/handoffs.js';
import { JobRepository } from './repositories/jobs.js';
import { MediaRepository } from './repositories/media.js';
import { OutboundRepository } from './repositories/outbound.js';
import { ReportBuffer, ReportRepository } from './repositories/reports.js';
import { StaffRepository } from './repositories/staff.js';
import { randomBytes } from 'node:crypto';
import { CannedReplyRepository, CentreSettingsRepository } from './repositories/console.js';
import type { Database, Sql } from './sql.js';
import type { Repositories, Storage } from './types.js';

export interface StorageOptions {
  /**
   * The key of the reports' pseudonyms (a keyed hash of the conversation): the same on every
   * instance and across restarts (the log id secret). Default: a key for this process only.
   */
  pseudonymKey?: Buffer;
}

export function createStorage(db: Database, opts: StorageOptions = {}): Storage {
  const key = opts.pseudonymKey ?? randomBytes(32);
  const pruned = { at: 0 }; // the delivery log's, whichever repository claims
  const gathered = new ReportBuffer(db);
  const repositories = (sql: Sql): Repositories => {
    const tables = {
      conversations: new ConversationRepository(sql, { batchLoads: sql === db }),
      deliveries: new DeliveryRepository(sql, pruned),
      appointments: new AppointmentRepository(sql),
      staff: new StaffRepository(sql),
      handoffs: new HandoffRepository(sql),
      jobs: new JobRepository(sql),
      outbound: new OutboundRepository(sql),
      reports: new ReportRepository(sql, key, sql === db ? gathered : undefined),
      curation: new CurationRepository(sql, key),
      media: new MediaRepository(sql),
      cannedReplies: new CannedReplyRepository(sql),
      centreSettings: new CentreSettingsRepository(sql),
    };
    return { ...tables, forgetConversation: (id) => sql.transaction((tx) => forget(tx, id, key, gathered)) };
  };
  return {
    ...repositories(db),
    transaction: (fn) => db.transaction((tx) => fn(repositories(tx))),
    purgeOlderThan: async (cutoff, opts) => {
      await gathered.flush();
      return db.transaction((tx) => purgeOlderThan(tx, cutoff, new CurationRepository(tx, key), opts?.curationCutoff ?? cutoff));
    },
    inspect: async () => {
      await gathered.flush();
      const tables = await db.all<{ name: string }>(db.dialect.tablesSql);
      const rows: Record<string, Record<string, unknown>[]> = {};
      for (const { name } of tables) rows[name] = await db.all(`SELECT * FROM "${name}"`);
      return rows;
    },
    ping: async () => void (await db.get('SELECT 1 AS one')),
    isUniqueViolation: (err) => db.dialect.isUniqueViolation(err),
    close: async () => {
      await gathered.flush().catch(() => undefined); // the database may be gone already
      await db.close();
    },
  };
}

async function forget(tx: Sql, conversationId: string, key: Buffer, gathered: ReportBuffer): Promise<void> {
  await new CurationRepository(tx, key).forgetConversation(conversationId);
  await new ConversationRepository(tx).delete(conversationId);
  await new AppointmentRepository(tx).forgetConversation(conversationId);
  await new MediaRepository(tx).forgetConversation(conversationId);
  await new HandoffRepository(tx).forgetConversation(conversationId);
  await new JobRepository(tx).forgetConversation(conversationId);
  await new OutboundRepository(tx).forgetConversation(conversationId);
  await new DeliveryRepository(tx).forgetConversation(conversationId);
  await new ReportRepository(tx, key).forgetConversation(conversationId, gathered);
  await tx.scrub();
}

async function purgeOlderThan(tx: Sql, cutoff: Date, curation: CurationRepository, curationCutoff: Date): Promise<Record<string, number>> {
  const run = async (sql: string) => (await tx.run(sql, [cutoff.toISOString()])).changes;
  const counts = {
    conversations: await run('DELETE FROM conversations WHERE updated_at < ?'),
    // a closed handoff's files go with it
    media: await run("DELETE FROM media WHERE handoff_id IN (SELECT id FROM handoffs WHERE status = 'closed' AND closed_at < ?)"),
    // the messages go first, so their count is not hidden by the cascade from handoffs
    handoffMessages: await run("DELETE FROM handoff_messages WHERE handoff_id IN (SELECT id FROM handoffs WHERE status = 'closed' AND closed_at < ?)"),
    handoffs: await run("DELETE FROM handoffs WHERE status = 'closed' AND closed_at < ?"),
    appointments: await run('UPDATE appointments SET name = NULL, contact = NULL, conversation_id = NULL WHERE start < ? AND (name IS NOT NULL OR contact IS NOT NULL OR conversation_id IS NOT NULL)'),
    jobs: await run("DELETE FROM jobs WHERE status IN ('done', 'skipped', 'failed') AND updated_at < ?"),
    deliveries: await run('DELETE FROM deliveries WHERE created_at < ?'),
    curation: await curation.purgeOlderThan(curationCutoff),
    // the statuses first, so their count is not hidden by the cascade from the messages
    outboundReceipts: await run('DELETE FROM outbound_receipts WHERE outbound_id IN (SELECT id FROM outbound_messages WHERE updated_at < ?)'),
    outbound: await run('DELETE FROM outbound_messages WHERE updated_at < ?'),
    // The reports keep their counts; only the link between a person's turns goes.
    reportPeople: await run('UPDATE report_events SET person = NULL WHERE at < ? AND person IS NOT NULL'),
  };
  await tx.scrub(); // what was deleted must not stay readable in the database's files
  return counts;
}
