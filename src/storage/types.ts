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
export interface DeliveryLog {
  /** Which of `deliveryIds` were handled, with their replies (null: still being handled elsewhere). */
  find(channel: string, deliveryIds: readonly string[], now: Date): Promise<Map<string, string | null>>;
  /**
   * Records a handled delivery and its reply, under the conversation when it is kept (null after
   * delete my data). False when it was recorded before: the turn must not be stored twice.
   */
  record(channel: string, deliveryId: string, reply: string, conversationId: string | null, now: Date): Promise<boolean>;
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
  /** Delete my data: personal fields go, the slot is freed, the reference stays for the centre's statistics. */
  forgetConversation(conversationId: string): Promise<number>;
}

export interface StaffMember {
  id: string;
  email: string;
  /** '' for an admin of no centre, who acts on all centres. */
  centreId: string;
  role: 'advisor' | 'admin';
  /** The console's language for this account (one of the nine); null: English. */
  lang?: string | null;
  /** A disabled account cannot sign in, and its sessions end. */
  disabled?: boolean;
}

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
  sender: 'person' | 'bot' | 'staff';
  staffId: string | null;
  text: string;
  at: string;
  /** A note between staff: stored with the transcript, never sent to the person. */
  internal?: boolean;
}

/** Conversations handed to a human, and what was said in them. */
export interface HandoffStore {
  /** Opens a handoff, or returns the one already open for the conversation. */
  open(h: Omit<Handoff, 'status' | 'closedAt'>, transcript: readonly Omit<HandoffMessage, 'staffId'>[]): Promise<Handoff>;
  get(id: string): Promise<Handoff | undefined>;
  list(filter: { centreId?: string; status?: 'open' | 'closed' }): Promise<Handoff[]>;
  addMessage(handoffId: string, message: HandoffMessage): Promise<void>;
  messages(handoffId: string): Promise<HandoffMessage[]>;
  close(id: string, now: Date): Promise<boolean>;
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

/** The tables, on their own (Storage) or as one unit of work sees them (Storage.transaction). */
export interface Repositories {
  conversations: ConversationStore;
  deliveries: DeliveryLog;
  appointments: AppointmentStore;
  staff: StaffStore;
  handoffs: HandoffStore;
  jobs: JobQueue;
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
   * messages, finished jobs, the delivery log — and strips the personal details of past
   * appointments (the reference stays for the centre's statistics). Returns how many rows each
   * part touched.
   */
  purgeOlderThan(cutoff: Date): Promise<Record<string, number>>;
  /** Every row of every table, for privacy audits and tests on small databases (never on a hot path). */
  inspect(): Promise<Record<string, Record<string, unknown>[]>>;
  /** Throws when the database does not answer (the health check). */
  ping(): Promise<void>;
  close(): Promise<void>;
}
