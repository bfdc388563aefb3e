/**
 * Handing a conversation to a human advisor of the person's centre (chosen, or in their country),
 * with the last messages; the advisor's replies reach the person on their channel; closing gives
 * the conversation back to the assistant. Staff replies run under the conversation's lock, so a
 * reply and a bot turn never both answer.
 */
import { randomUUID } from 'node:crypto';
import type { ActionResult, Actions, Translate } from '../core/actions.js';
import type { JobHandler } from '../runtime/job-runner.js';
import type { Outbound } from '../core/messages.js';
import { enqueueReply, parseOutboxItem, sendOutcome, sendToConversation, type ChannelSender, type SendResult } from '../runtime/outbox.js';
import type { Conversations } from '../runtime/conversations.js';
import type { Lang } from '../core/lang.js';
import { parseCoordinates } from '../core/messages.js';
import type { BookingService } from '../booking/service.js';
import type { Handoff, HandoffMessage, HandoffStore, StaffMember, Storage } from '../storage/types.js';
import { mayActOn } from '../staff/auth.js';

export type StaffActionResult<T = void> =
  | { status: 'ok'; value: T }
  /** The channel failed for now: the reply waits in the outbox and is retried with backoff. */
  | { status: 'queued'; reason: string }
  | { status: 'not-found' }
  | { status: 'forbidden' }
  | { status: 'closed' }
  | { status: 'refused'; reason: string };

export { OUTBOX_KIND } from '../runtime/outbox.js';

/**
 * What staff did to a handoff, for reports and metrics (no text): the first advisor reply (with
 * the seconds since the handoff opened) and closing.
 */
export type HandoffEvent = { kind: 'firstReply'; handoff: Handoff; seconds: number; at: Date } | { kind: 'closed'; handoff: Handoff; at: Date };
export type HandoffListener = (event: HandoffEvent) => void | Promise<void>;

export class HandoffService {
  constructor(
    private readonly storage: Storage,
    private readonly conversations: Conversations,
    private readonly booking: BookingService,
    private readonly senders: ReadonlyMap<string, ChannelSender>,
    private readonly t: Translate,
    private readonly now: () => Date,
  ) {}

  private readonly listeners: HandoffListener[] = [];

  /** Tells `listener` of each first advisor reply and each close; one that fails changes nothing for the advisor. */
  onEvent(listener: HandoffListener): void {
    this.listeners.push(listener);
  }

  private async tell(event: HandoffEvent): Promise<void> {
    for (const listener of this.listeners) await Promise.resolve().then(() => listener(event)).catch(() => undefined);
  }

  /** Performs a turn's handOff effect through `handoffs` (the turn's transaction): opened with the turn's state, or not at all. */
  action(handoffs: HandoffStore = this.storage.handoffs): Pick<Actions, 'handOff'> {
    return {
      handOff: async ({ lang, country, conversationId, urgent, centreId, place, recent, reason }): Promise<ActionResult> => {
        const chosen = this.booking.centre(centreId ?? '');
        const where = parseCoordinates(place) ?? (place ? { query: place } : undefined);
        const nearest = where ? this.booking.nearest(where, 1)?.centres[0]?.centre : undefined;
        const centre =
          (chosen?.status === 'active' ? chosen : undefined) ?? nearest ?? this.booking.centres.find((c) => c.status === 'active' && c.country === country);
        const handoff = await handoffs.open(
          { id: randomUUID(), conversationId, centreId: centre?.id ?? null, lang, urgent, reason, createdAt: this.now().toISOString() },
          recent.map((m) => ({ sender: m.from, text: m.text, at: this.now().toISOString() })),
        );
        const name = centre ? ((centre.names as Record<string, string>)[lang] ?? centre.names.en) : '';
        const text = this.t(lang, centre ? 'advisor.created' : 'advisor.createdNoCentre', { centreName: name, city: centre?.city ?? '' });
        return { outcome: 'ok', outbox: [{ kind: 'handoffNotice', text }], handoff: { id: handoff.id }, facts: { handoff: centre?.id ?? '' } };
      },
    };
  }

  private visible(member: StaffMember, h: Handoff): boolean {
    return h.centreId ? mayActOn(member, h.centreId) : member.role === 'admin';
  }

  /** The handoffs the member may see: their centre's (an admin's: all, or `centreId`'s). */
  async list(member: StaffMember, status: 'open' | 'closed' = 'open', centreId?: string): Promise<(Handoff & { messages: HandoffMessage[] })[]> {
    const all = await this.storage.handoffs.list({ status, centreId: centreId ?? (member.role === 'admin' ? undefined : member.centreId) });
    return Promise.all(all.filter((h) => this.visible(member, h)).map(async (h) => ({ ...h, messages: await this.storage.handoffs.messages(h.id) })));
  }

  async reply(member: StaffMember, handoffId: string, text: string): Promise<StaffActionResult> {
    const h = await this.storage.handoffs.get(handoffId);
    if (!h) return { status: 'not-found' };
    if (!this.visible(member, h)) return { status: 'forbidden' };
    if (h.status !== 'open') return { status: 'closed' };
    return this.conversations.withConversation(h.conversationId, async () => {
      const sent = await this.send(h.conversationId, text);
      if (sent.status === 'refused') return { status: 'refused', reason: sent.reason };
      const first = !(await this.storage.handoffs.messages(h.id)).some((m) => m.sender === 'staff');
      const at = this.now();
      await this.storage.handoffs.addMessage(h.id, { sender: 'staff', staffId: member.id, text, at: at.toISOString() });
      await this.storage.staff.audit({ staffId: member.id, action: 'handoff.reply', target: h.id }, this.now());
      if (first) await this.tell({ kind: 'firstReply', handoff: h, seconds: Math.max(0, (at.getTime() - Date.parse(h.createdAt)) / 1000), at });
      if (sent.status === 'sent') return { status: 'ok', value: undefined };
      // A passing failure (the channel's API is down): the reply waits in the outbox, in the database.
      await enqueueReply(this.storage.jobs, { conversationId: h.conversationId, outbox: [{ kind: 'text', text }] }, this.now(), sent.retryAfterMs);
      return { status: 'queued', reason: sent.reason };
    });
  }

  async close(member: StaffMember, handoffId: string): Promise<StaffActionResult> {
    const h = await this.storage.handoffs.get(handoffId);
    if (!h) return { status: 'not-found' };
    if (!this.visible(member, h)) return { status: 'forbidden' };
    return this.conversations.withConversation(h.conversationId, async () => {
      if (!(await this.storage.handoffs.close(h.id, this.now()))) return { status: 'closed' };
      const state = await this.storage.conversations.load(h.conversationId);
      if (state?.handoff?.id === h.id) {
        delete state.handoff;
        delete state.urgent;
        await this.storage.conversations.save(h.conversationId, state);
      }
      await this.send(h.conversationId, this.t((state?.lang ?? h.lang) as Lang, 'advisor.closed')); // best effort: the person may have left
      await this.storage.staff.audit({ staffId: member.id, action: 'handoff.close', target: h.id }, this.now());
      await this.tell({ kind: 'closed', handoff: h, at: this.now() });
      return { status: 'ok', value: undefined };
    });
  }

  /** The job handler that retries a reply from the outbox. */
  outboxHandler(): JobHandler {
    return async (payload) => {
      const { conversationId, outbox } = parseOutboxItem(payload);
      return sendOutcome(await this.conversations.withConversation(conversationId, () => this.send(conversationId, outbox)));
    };
  }

  private send(conversationId: string, message: string | Outbound[]): Promise<SendResult> {
    return sendToConversation(this.storage.conversations, this.senders, conversationId, typeof message === 'string' ? [{ kind: 'text', text: message }] : message);
  }
}
