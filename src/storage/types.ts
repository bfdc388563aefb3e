/**
 * The storage interfaces. Callers depend on these only; SQLite is the embedded default and a
 * server database can stand behind the same interfaces (no SQLite-only assumptions in callers).
 */
import type { ConversationState } from '../core/state.js';

export interface ConversationStore {
  load(conversationId: string): Promise<ConversationState | null>;
  save(conversationId: string, state: ConversationState): Promise<void>;
  /** Forgets the conversation entirely (delete my data). */
  delete(conversationId: string): Promise<void>;
}

/** A row with no reply this old is left by a handler that died (an older version claimed first, answered later): it is taken over. */
export const STALE_CLAIM_MS = 30_000;

/**
 * Deliveries already handled (a Twilio MessageSid, a Telegram update_id), with the reply the
 * channel gave: a webhook delivered twice is handled once. The runtime records a delivery in the
 * same transaction as the turn's state and effects, so a delivery is either handled and answered
 * or not received at all.
 */
export interface DeliveryRecord {
  id: string;
  reply: string;
  conversationId: string | null;
}

export interface DeliveryLog {
  /** Which of `deliveryIds` were handled, with their replies (null: still being handled elsewhere). */
  find(channel: string, deliveryIds: readonly string[], now: Date): Promise<Map<string, string | null>>;
  /**
   * Records a handled delivery and its reply, under the conversation when it is kept (null after
   * delete my data). False when it was recorded before: the turn must not be stored twice.
   */
  record(channel: string, deliveryId: string, reply: string, conversationId: string | null, now: Date): Promise<boolean>;
  /** As `record` for several deliveries in one statement (a message's id and its signed content): the ids recorded now. */
  recordAll(channel: string, deliveries: readonly DeliveryRecord[], now: Date): Promise<Set<string>>;
  /**
   * As `recordAll` for deliveries seen for the first time, without waiting for an answer: one
   * recorded before makes the transaction fail at its commit with a unique violation
   * (`Storage.isUniqueViolation`), and the turn is then stored again through `recordAll`.
   */
  recordNew(channel: string, deliveries: readonly DeliveryRecord[], now: Date): Promise<void>;
  /** Delete my data: the conversation's deliveries and their stored replies go. */
  forgetConversation(conversationId: string): Promise<number>;
}

export interface Appointment {
  id: string;
  reference: string;
  centreId: string;
  /** ISO 8601, UTC. */
  start: string;
  status: 'booked' | 'cancelled';
  /** A requested time at a centre whose hours are not confirmed: staff confirm it with the person (then false). */
  requested: boolean;
  name: string | null;
  contact: string | null;
  conversationId: string | null;
  lang: string | null;
  createdBy: string;
  createdAt: string;
}

export interface NewAppointment {
  centreId: string;
  start: string;
  capacity: number;
  name: string;
  contact: string;
  conversationId?: string;
  lang?: string;
  createdBy: string;
  /** A request the centre confirms (see Appointment.requested). */
  requested?: boolean;
}

export type BookResult = { status: 'booked'; appointment: Appointment } | { status: 'taken' };

/** Appointments. The database guarantees one booking per seat of a slot: concurrent bookings cannot double. */
export interface AppointmentStore {
  book(input: NewAppointment, now: Date): Promise<BookResult>;
  /** Booked appointments per UTC start, for a centre between two instants. */
  countBooked(centreId: string, from: string, to: string): Promise<Map<string, number>>;
  get(id: string): Promise<Appointment | undefined>;
  byReference(reference: string): Promise<Appointment | undefined>;
  list(filter: { centreId?: string; from?: string; to?: string; conversationId?: string; status?: 'booked' }): Promise<Appointment[]>;
  cancel(id: string): Promise<boolean>;
  /** Staff confirmed a requested time: false when it is not a booked request (already confirmed, cancelled, unknown). */
  confirmRequest(id: string): Promise<boolean>;
  /** Delete my data: personal fields go, the slot is freed, the reference stays for the centre's statistics. */
  forgetConversation(conversationId: string): Promise<number>;
}

export interface StaffMember {
  id: string;
  email: string;
  /** '' for an admin of no centre, who acts on all centres. */
  centreId: string;
  /** Curators work the curator's queue (all centres); advisors their centre's chats; admins everything. */
  role: StaffRole;
  /** The console's language for this account (one of the nine); null: English. */
  lang?: string | null;
  /** A disabled account cannot sign in, and its sessions end. */
  disabled?: boolean;
}

export const STAFF_ROLES = ['advisor', 'curator', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export interface StaffStore {
  add(member: StaffMember & { passwordHash: string }, now: Date): Promise<void>;
  byEmail(email: string): Promise<(StaffMember & { passwordHash: string }) | undefined>;
  list(): Promise<StaffMember[]>;
  remove(email: string): Promise<boolean>;
  setPasswordHash(email: string, passwordHash: string): Promise<boolean>;
  saveToken(tokenHash: string, staffId: string, expiresAt: string): Promise<void>;
  byToken(tokenHash: string, now: Date): Promise<StaffMember | undefined>;
  /** Signs one session out; false when the token was not known. */
  revokeToken(tokenHash: string): Promise<boolean>;
  /** Signs every session of an account out; how many there were. */
  revokeTokens(staffId: string): Promise<number>;
  audit(entry: { staffId: string | null; action: string; target?: string }, now: Date): Promise<void>;
  byId(id: string): Promise<StaffMember | undefined>;
  /** Changes an account's role, centre, language or disabled flag; false when there is none. */
  update(id: string, change: Partial<Pick<StaffMember, 'role' | 'centreId' | 'lang' | 'disabled'>>): Promise<boolean>;
  auditLog(limit: number): Promise<{ at: string; staffId: string | null; action: string; target: string | null }[]>;
}

export interface Handoff {
  id: string;
  conversationId: string;
  centreId: string | null;
  lang: string;
  urgent: boolean;
  reason: string;
  status: 'open' | 'closed';
  createdAt: string;
  closedAt: string | null;
  /** The staff member who took the conversation, or null while nobody has. */
  claimedBy?: string | null;
}

export interface HandoffMessage {
  /** The database's id of the message (as read back; not needed to add one). */
  id?: number;
  sender: 'person' | 'bot' | 'staff';
  staffId: string | null;
  /** For a file: a short description ("[voice note]"), for places that show only text. */
  text: string;
  at: string;
  /** A note between staff: stored with the transcript, never sent to the person. */
  internal?: boolean;
  /** The file this message carries (`mediaId` when written; its description when read). */
  mediaId?: string;
  media?: MediaInfo;
}

/** A file of a handoff as staff see it: never its bytes, never where it came from. */
export interface MediaInfo {
  id: string;
  kind: 'audio' | 'image' | 'video' | 'document';
  contentType: string;
  size: number;
  name?: string;
}

export interface StoredMedia extends MediaInfo {
  conversationId: string;
  handoffId: string;
  /** 'in': the person sent it; 'out': an advisor did. */
  direction: 'in' | 'out';
  createdAt: string;
}

/** Files of handoffs with their bytes, in the database so that they go with the turn and with the conversation. */
export interface MediaStore {
  add(media: StoredMedia, content: Buffer): Promise<void>;
  get(id: string): Promise<(StoredMedia & { content: Buffer }) | undefined>;
  /** Removes a file no message refers to (an advisor's file the channel refused). */
  remove(id: string): Promise<boolean>;
  /** Delete my data: every file of the conversation goes. */
  forgetConversation(conversationId: string): Promise<number>;
}

/** Conversations handed to a human, and what was said in them. */
export interface HandoffStore {
  /** Opens a handoff, or returns the one already open for the conversation. */
  open(h: Omit<Handoff, 'status' | 'closedAt'>, transcript: readonly Omit<HandoffMessage, 'staffId'>[]): Promise<Handoff>;
  get(id: string): Promise<Handoff | undefined>;
  list(filter: { centreId?: string; status?: 'open' | 'closed' }): Promise<Handoff[]>;
  /** Adds a message to the transcript; its id. */
  addMessage(handoffId: string, message: HandoffMessage): Promise<number>;
  messages(handoffId: string): Promise<HandoffMessage[]>;
  close(id: string, now: Date): Promise<boolean>;
  /** Danger said while the request waits: the advisors see it first. */
  markUrgent(id: string): Promise<void>;
  /**
   * Takes an open handoff for `staffId`, unless someone else has it (`steal`: whoever has it);
   * the result says who has it afterwards, or undefined when it is not open.
   */
  claim(id: string, staffId: string, steal?: boolean): Promise<{ claimedBy: string | null; taken: boolean } | undefined>;
  /** Gives an open handoff to another staff member (or nobody) and/or another centre. */
  transfer(id: string, to: { centreId: string | null; claimedBy: string | null }): Promise<boolean>;
  /** Delete my data: the person's handoffs and their messages go entirely. */
  forgetConversation(conversationId: string): Promise<number>;
}

/** A ready answer a centre's advisors insert in a reply, per language. */
export interface CannedReply {
  id: string;
  centreId: string;
  lang: string;
  title: string;
  text: string;
}

export interface CannedReplyStore {
  list(centreId: string | undefined): Promise<CannedReply[]>;
  get(id: string): Promise<CannedReply | undefined>;
  save(reply: CannedReply, now: Date): Promise<void>;
  remove(id: string): Promise<boolean>;
}

/** A centre's opening days and hours, holidays and seats per slot, as its admin set them in the console. */
export interface CentreSettings {
  hours: Partial<Record<'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun', string[]>>;
  /** Local dates (YYYY-MM-DD) the centre is closed. */
  holidays: string[];
  capacity: number;
}

export interface CentreSettingsStore {
  all(): Promise<Map<string, CentreSettings>>;
  get(centreId: string): Promise<CentreSettings | undefined>;
  save(centreId: string, settings: CentreSettings, now: Date): Promise<void>;
}

export interface Job {
  id: string;
  kind: string;
  runAt: string;
  payload: string;
  attempts: number;
}

/** A job claimed this long ago and never finished is claimed again: its runner (or instance) died. */
export const STALE_JOB_MS = 10 * 60_000;

/**
 * Jobs stored in the database, so they survive a restart; each is claimed by one runner, once (and
 * again only when its runner died, after STALE_JOB_MS).
 */
export interface JobQueue {
  schedule(job: { id: string; kind: string; runAt: string; payload: string }, now: Date): Promise<void>;
  /** Claims due jobs atomically: a job claimed here is claimed nowhere else (until it is stale). */
  claimDue(now: Date, limit: number): Promise<Job[]>;
  finish(id: string, status: 'done' | 'skipped' | 'failed' | 'pending', note: string | null, now: Date, runAt?: string): Promise<void>;
  cancelFor(kind: string, payload: string): Promise<void>;
  /** Delete my data: pending jobs that carry the conversation (replies waiting in the outbox). */
  forgetConversation(conversationId: string): Promise<number>;
}

export type CurationReason = 'declined' | 'low' | 'unhelpful' | 'choices';
export type CurationStatus = 'open' | 'assigned' | 'out-of-scope' | 'new-entry';

/** A question for the curator's queue: masked text only, never the person's address. */
export interface CurationItem {
  id: string;
  lang: string;
  country: string | null;
  reason: CurationReason;
  /** The question with phone numbers, e-mails, ids and names masked. */
  text: string;
  /** The retriever's top three topics, best first. */
  topics: { id: string; score: number }[];
  status: CurationStatus;
  /** The topic a curator assigned it to. */
  topic: string | null;
  at: string;
  decidedAt: string | null;
}

/** A question a curator taught: a topic's example question, or (topic null) one the assistant declines. */
export interface TaughtQuestion {
  id: number;
  text: string;
  lang: string;
  topic: string | null;
  at: string;
}

/**
 * The curator's queue and the questions curators taught. Items are linked to their conversation by
 * a keyed hash (callers give the conversation id; only the hash is stored), so delete my data
 * removes them; retention removes them after CURATION_DAYS.
 */
export interface CurationStore {
  add(item: Omit<CurationItem, 'status' | 'topic' | 'decidedAt'> & { conversationId: string }): Promise<void>;
  get(id: string): Promise<CurationItem | undefined>;
  list(filter: { lang?: string; status?: CurationStatus; limit?: number }): Promise<CurationItem[]>;
  /** Records a curator's decision; false when the item is gone or already decided. */
  decide(id: string, decision: { status: Exclude<CurationStatus, 'open'>; topic: string | null; staffId: string }, now: Date): Promise<boolean>;
  teach(example: { text: string; lang: string; topic: string | null }, now: Date): Promise<void>;
  taught(filter?: { topic?: string; lang?: string }): Promise<TaughtQuestion[]>;
  /** Changes whenever a question is taught: instances compare it before each question. */
  taughtVersion(): Promise<string>;
  forgetConversation(conversationId: string): Promise<number>;
  purgeOlderThan(cutoff: Date): Promise<number>;
}

/**
 * What became of a message from our side: `waiting` (held until the person's next message opens
 * WhatsApp's window again), `queued` (handed to the channel or waiting in the outbox), then what
 * the channel reports. Statuses only move forward.
 */
export type DeliveryStatus = 'waiting' | 'queued' | 'sent' | 'delivered' | 'read' | 'failed' | 'undelivered';
export const DELIVERY_STATUSES: readonly DeliveryStatus[] = ['waiting', 'queued', 'sent', 'delivered', 'read', 'failed', 'undelivered'];

/** A message from our side (an advisor's reply, a reminder, a notice), as stored. */
export interface OutboundMessage {
  id: string;
  conversationId: string;
  channel: string;
  /** The advisor's transcript message it carries, if any. */
  handoffMessageId: number | null;
  /** Why we write (JSON): a channel that needs a template outside its window picks one by it. */
  purpose: string | null;
  /** The messages (JSON Outbound[]), kept to send once the window opens or to try again. */
  outbox: string;
  status: DeliveryStatus;
  errorCode: string | null;
  /** How many times it was handed to the channel (a transient failure is tried again). */
  attempts: number;
  createdAt: string;
}

/** A status the channel reported for one of its message ids, and where it left the message. */
export interface StatusReported {
  outbound: OutboundMessage;
  /** False when the report was not news (a late "sent" after "delivered"): nothing changed. */
  moved: boolean;
}

/** Messages from our side and the statuses the channel reports for them. */
export interface OutboundStore {
  /** Stores a message; `messageIds`: the channel's ids for it (their statuses follow by report). */
  add(m: Omit<OutboundMessage, 'errorCode' | 'attempts' | 'createdAt'>, messageIds: readonly string[], now: Date): Promise<void>;
  get(id: string): Promise<OutboundMessage | undefined>;
  /** Handed to the channel (after waiting or queueing): `messageIds` are this attempt's; `status` where it stands now. */
  handedOver(id: string, messageIds: readonly string[], status: DeliveryStatus, now: Date): Promise<void>;
  /** To be tried again after a transient failure: a new attempt, queued. */
  queueAgain(id: string, now: Date): Promise<void>;
  /** Sets the status without a report (a refusal, a message queued to be tried again). */
  setStatus(id: string, status: DeliveryStatus, errorCode: string | null, now: Date): Promise<void>;
  /**
   * A status for one of the channel's message ids. Each id's status only moves forward (a late
   * "sent" after "delivered" changes nothing); the message takes the status of its current
   * attempt's ids (a failure of any of them, else the least advanced). Undefined for an id we do
   * not know (sent before, or forgotten).
   */
  report(channel: string, messageId: string, status: Exclude<DeliveryStatus, 'waiting'>, errorCode: string | null, now: Date): Promise<StatusReported | undefined>;
  /** Whether the conversation has messages held for its window. */
  hasWaiting(conversationId: string): Promise<boolean>;
  /** The conversation's held messages become queued; their ids, oldest first. */
  releaseWaiting(conversationId: string, now: Date): Promise<string[]>;
  /** Of `ids`, the messages still queued and not yet handed to the channel in their current attempt, in the order given. */
  toSend(ids: readonly string[]): Promise<OutboundMessage[]>;
  /** The conversation's messages queued and not yet handed to the channel (released, or waiting for a retry), oldest first. */
  unsent(conversationId: string): Promise<string[]>;
  /** The status of the messages carrying these transcript messages. */
  statusOfHandoffMessages(handoffMessageIds: readonly number[]): Promise<Map<number, DeliveryStatus>>;
  /** Delete my data: the conversation's messages and their statuses go. */
  forgetConversation(conversationId: string): Promise<number>;
}

/** What a report counts: a person's turn, or an event of a handoff or a booking. */
export const REPORT_KINDS = ['turn', 'handoff.opened', 'handoff.replied', 'handoff.closed', 'booking.made', 'booking.cancelled', 'booking.reminded'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

/** How a question went, for reports: answered, declined, or "did you mean" (null: no question). */
export type ReportOutcome = 'answered' | 'declined' | 'choices';

/** One counted thing, without any message text or address. */
export interface ReportEvent {
  at: string;
  /** YYYY-MM-DD in the centre's time zone (UTC when no centre). */
  day: string;
  centreId: string | null;
  kind: ReportKind;
  channel?: string | null;
  lang?: string | null;
  country?: string | null;
  topic?: string | null;
  outcome?: ReportOutcome | null;
  safety?: string | null;
  /** For handoff.replied: seconds from the handoff to the first advisor reply. */
  seconds?: number | null;
  /** A turn's conversation: stored only as a keyed hash, to count distinct people. */
  conversationId?: string;
}

export interface ReportFilter {
  /** First and last day, YYYY-MM-DD, both included. */
  from: string;
  to: string;
  /** undefined: every centre, and what belongs to none. */
  centreId?: string;
}

/** What a report is computed from: counts grouped in the database, and the distinct visits. */
export interface ReportRows {
  turns: { day: string; channel: string; lang: string; country: string | null; topic: string | null; outcome: ReportOutcome | null; safety: string | null; n: number }[];
  /** Distinct (day, pseudonymous person, channel, language, country): people and conversations. */
  visits: { day: string; person: string; channel: string; lang: string; country: string | null }[];
  events: { day: string; kind: ReportKind; n: number }[];
  /** Seconds to the first advisor reply, one per replied handoff. */
  firstReplies: number[];
}

/** Counts for the centres' reports. */
export interface ReportStore {
  add(event: ReportEvent): Promise<void>;
  rows(filter: ReportFilter): Promise<ReportRows>;
  /** Delete my data: the person's rows lose their key (the anonymous counts stay). */
  forgetConversation(conversationId: string): Promise<number>;
}

/** The tables, on their own (Storage) or as one unit of work sees them (Storage.transaction). */
export interface Repositories {
  conversations: ConversationStore;
  deliveries: DeliveryLog;
  appointments: AppointmentStore;
  staff: StaffStore;
  handoffs: HandoffStore;
  jobs: JobQueue;
  curation: CurationStore;
  outbound: OutboundStore;
  reports: ReportStore;
  media: MediaStore;
  cannedReplies: CannedReplyStore;
  centreSettings: CentreSettingsStore;
  /**
   * Delete my data, in one transaction: every row about the conversation in every table goes
   * (appointments keep only their reference), and nothing of it stays readable in the database's
   * files either.
   */
  forgetConversation(conversationId: string): Promise<void>;
}

export interface Storage extends Repositories {
  /**
   * A unit of work: what `fn` does through `tx` is stored together or not at all. A transaction
   * begun inside it joins it.
   */
  transaction<T>(fn: (tx: Repositories) => Promise<T>): Promise<T>;
  /**
   * Retention: forgets what is older than `cutoff` — idle conversations, closed handoffs and their
   * messages, finished jobs, the delivery log, messages from our side and their statuses — and strips the personal details of past
   * appointments (the reference stays for the centre's statistics), and the curator's queue
   * older than `curationCutoff` (default `cutoff`). Returns how many rows each part touched.
   */
  purgeOlderThan(cutoff: Date, opts?: { curationCutoff?: Date }): Promise<Record<string, number>>;
  /** Every row of every table, for privacy audits and tests on small databases (never on a hot path). */
  inspect(): Promise<Record<string, Record<string, unknown>[]>>;
  /** Throws when the database does not answer (the health check). */
  ping(): Promise<void>;
  /** The error a unique key raised, from a transaction (see DeliveryLog.recordNew). */
  isUniqueViolation(err: unknown): boolean;
  close(): Promise<void>;
}
