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
import { parseOutboxItem, reachOf, sendOutcome, sendToConversation, type ChannelSender, type Reach, type SendPurpose, type SendResult } from '../runtime/outbox.js';
import { queueOutbound, recordSent, sendStored, storeUnsent } from '../runtime/outbound.js';
import type { Conversations } from '../runtime/conversations.js';
import type { Lang } from '../core/lang.js';
import { parseCoordinates } from '../core/messages.js';
import type { BookingService } from '../booking/service.js';
import { receivesPeople, takesRequests } from '../booking/centres.js';
import { centreName, cityName } from '../booking/format.js';
import type { DeliveryStatus, Handoff, HandoffMessage, HandoffStore, StaffMember, Storage } from '../storage/types.js';
import { mayActOn } from '../staff/auth.js';
import type { StaffEvent, StaffEvents } from './events.js';

/**
 * A handoff as the console shows it: who has it, the person's country and last topic, each
 * message's author and what became of an advisor's message; and whether a reply reaches the
 * person now, only after inviting them with a template (WhatsApp after 24 hours), or not at all.
 */
export interface HandoffDetails extends Handoff {
  messages: (HandoffMessage & { author?: string; delivery?: DeliveryStatus })[];
  claimedByEmail: string | null;
  country: string | null;
  topic: string | null;
  canReply: Reach;
}

/**
 * What staff did to a handoff, for reports and metrics (no text): the first advisor reply (with
 * the seconds since the handoff opened) and closing.
 */
export type HandoffEvent = { kind: 'firstReply'; handoff: Handoff; seconds: number; at: Date } | { kind: 'closed'; handoff: Handoff; at: Date };
export type HandoffListener = (event: HandoffEvent) => void | Promise<void>;

/** The outbox tries again in a minute at the earliest. */
const FIRST_RETRY_MS = 60_000;

export type StaffActionResult<T = void> =
  | { status: 'ok'; value: T }
  /** The channel failed for now: the reply waits in the outbox and is retried with backoff. */
  | { status: 'queued'; reason: string }
  /** Outside WhatsApp's window: the person was invited (a template) and the reply waits for their answer. */
  | { status: 'waiting'; reason: string }
  | { status: 'not-found' }
  | { status: 'forbidden' }
  | { status: 'closed' }
  | { status: 'refused'; reason: string }
  /** Someone else has claimed the conversation: take it over first (`by`: their email). */
  | { status: 'claimed'; by: string };

export { OUTBOX_KIND } from '../runtime/outbox.js';

export class HandoffService {
  constructor(
    private readonly storage: Storage,
    private readonly conversations: Conversations,
    private readonly booking: BookingService,
    private readonly senders: ReadonlyMap<string, ChannelSender>,
    private readonly t: Translate,
    private readonly now: () => Date,
    private readonly events?: StaffEvents,
  ) {}

  private readonly listeners: HandoffListener[] = [];

  /** Tells `listener` of each first advisor reply and each close; one that fails changes nothing for the advisor. */
  onEvent(listener: HandoffListener): void {
    this.listeners.push(listener);
  }

  /** Reports and metrics learn what staff did (counts, no text). */
  private async report(event: HandoffEvent): Promise<void> {
    for (const listener of this.listeners) await Promise.resolve().then(() => listener(event)).catch(() => undefined);
  }

  /** Tells the consoles; a failure to tell (Redis away) never undoes what was done. */
  private async tell(event: StaffEvent): Promise<void> {
    await this.events?.publish(event).catch(() => undefined);
  }

  /** A stored turn touched handoff `id` (a person wrote, opened or cancelled): the consoles refresh. */
  async touched(id: string, type: 'opened' | 'message'): Promise<void> {
    const h = await this.storage.handoffs.get(id);
    if (h) await this.tell({ type: h.status === 'closed' ? 'closed' : type, handoffId: id, centreId: h.centreId, urgent: h.urgent });
  }

  /** Performs a turn's handOff effect through `handoffs` (the turn's transaction): opened with the turn's state, or not at all. */
  action(handoffs: HandoffStore = this.storage.handoffs): Pick<Actions, 'handOff'> {
    return {
      handOff: async ({ lang, country, conversationId, urgent, centreId, place, recent, reason }): Promise<ActionResult> => {
        const chosen = this.booking.centre(centreId ?? '');
        const where = parseCoordinates(place) ?? (place ? { query: place } : undefined);
        const nearest = where ? this.booking.nearest(where, 1)?.centres[0]?.centre : undefined;
        const centre =
          (chosen && receivesPeople(chosen) ? chosen : undefined) ?? nearest ?? this.booking.centres.find((c) => receivesPeople(c) && c.country === country);
        const handoff = await handoffs.open(
          { id: randomUUID(), conversationId, centreId: centre?.id ?? null, lang, urgent, reason, createdAt: this.now().toISOString() },
          recent.map((m) => ({ sender: m.from, text: m.text, at: this.now().toISOString() })),
        );
        const name = centre ? centreName(centre, lang) : '';
        // A centre whose details are not confirmed may take longer to reply: the person is told so.
        const key = !centre ? 'advisor.createdNoCentre' : takesRequests(centre) ? 'advisor.createdUnconfirmed' : 'advisor.created';
        const text = this.t(lang, key, { centreName: name, city: centre ? cityName(centre, lang) : '' });
        return { outcome: 'ok', outbox: [{ kind: 'handoffNotice', text }], handoff: { id: handoff.id }, facts: { handoff: centre?.id ?? '' } };
      },
    };
  }

  private visible(member: StaffMember, h: Handoff): boolean {
    return h.centreId ? mayActOn(member, h.centreId) : member.role === 'admin';
  }

  /** The handoffs the member may see: their centre's (an admin's: all, or `centreId`'s). */
  async list(member: StaffMember, status: 'open' | 'closed' = 'open', centreId?: string): Promise<HandoffDetails[]> {
    const all = await this.storage.handoffs.list({ status, centreId: centreId ?? (member.role === 'admin' ? undefined : member.centreId) });
    const emails = new Map((await this.storage.staff.list()).map((m) => [m.id, m.email]));
    return Promise.all(
      all.filter((h) => this.visible(member, h)).map(async (h) => {
        const [messages, state] = await Promise.all([this.storage.handoffs.messages(h.id), this.storage.conversations.load(h.conversationId)]);
        const staffIds = messages.filter((m) => m.sender === 'staff' && m.id !== undefined).map((m) => m.id!);
        const delivery = await this.storage.outbound.statusOfHandoffMessages(staffIds);
        return {
          ...h,
          claimedBy: h.claimedBy ?? null,
          claimedByEmail: h.claimedBy ? (emails.get(h.claimedBy) ?? null) : null,
          country: state?.country ?? null,
          topic: state?.context?.answered ?? state?.lastTopic ?? null,
          canReply: h.status === 'open' ? await reachOf(this.storage.conversations, this.senders, h.conversationId, 'advisor-replied') : 'now',
          messages: messages.map((m) => {
            const shown = m.staffId ? { ...m, author: emails.get(m.staffId) ?? '' } : m;
            return m.sender === 'staff' && m.id !== undefined && delivery.has(m.id) ? { ...shown, delivery: delivery.get(m.id)! } : shown;
          }),
        };
      }),
    );
  }

  /** Takes the conversation (`steal`: from whoever has it); others see who has it. */
  async claim(member: StaffMember, handoffId: string, steal = false): Promise<StaffActionResult<{ claimedBy: string }>> {
    const h = await this.storage.handoffs.get(handoffId);
    if (!h) return { status: 'not-found' };
    if (!this.visible(member, h)) return { status: 'forbidden' };
    const result = await this.storage.handoffs.claim(h.id, member.id, steal);
    if (!result) return { status: 'closed' };
    if (!result.taken) return { status: 'claimed', by: (await this.storage.staff.byId(result.claimedBy ?? ''))?.email ?? '' };
    await this.storage.staff.audit({ staffId: member.id, action: steal ? 'handoff.take-over' : 'handoff.claim', target: h.id }, this.now());
    await this.tell({ type: 'claimed', handoffId: h.id, centreId: h.centreId, urgent: h.urgent });
    return { status: 'ok', value: { claimedBy: member.email } };
  }

  /**
   * Hands the conversation to a colleague (`toStaffId`) or to another centre's queue
   * (`toCentreId`), with a note that stays between staff.
   */
  async handOver(member: StaffMember, handoffId: string, to: { toStaffId?: string; toCentreId?: string; note: string }): Promise<StaffActionResult> {
    const h = await this.storage.handoffs.get(handoffId);
    if (!h) return { status: 'not-found' };
    if (!this.visible(member, h)) return { status: 'forbidden' };
    if (h.status !== 'open') return { status: 'closed' };
    let target: { centreId: string | null; claimedBy: string | null };
    if (to.toStaffId) {
      const colleague = await this.storage.staff.byId(to.toStaffId);
      if (!colleague || colleague.disabled) return { status: 'refused', reason: 'no such colleague' };
      const centreId = to.toCentreId ?? h.centreId;
      if (!centreId ? colleague.role !== 'admin' : !mayActOn(colleague, centreId)) return { status: 'refused', reason: `${colleague.email} does not work for that centre` };
      target = { centreId, claimedBy: colleague.id };
    } else if (to.toCentreId) {
      const centre = this.booking.centre(to.toCentreId);
      if (!centre) return { status: 'refused', reason: `no centre ${to.toCentreId}` };
      target = { centreId: centre.id, claimedBy: null };
    } else return { status: 'refused', reason: 'say to whom: toStaffId or toCentreId' };
    return this.conversations.withConversation(h.conversationId, async () => {
      if (!(await this.storage.handoffs.transfer(h.id, target))) return { status: 'closed' };
      await this.storage.handoffs.addMessage(h.id, { sender: 'staff', staffId: member.id, text: to.note, at: this.now().toISOString(), internal: true });
      await this.storage.staff.audit({ staffId: member.id, action: 'handoff.hand-over', target: h.id }, this.now());
      await this.tell({ type: 'moved', handoffId: h.id, centreId: target.centreId, fromCentreId: h.centreId, urgent: h.urgent });
      return { status: 'ok', value: undefined };
    });
  }

  /** An internal note: stored with the transcript for colleagues, never sent to the person. */
  async note(member: StaffMember, handoffId: string, text: string): Promise<StaffActionResult> {
    const h = await this.storage.handoffs.get(handoffId);
    if (!h) return { status: 'not-found' };
    if (!this.visible(member, h)) return { status: 'forbidden' };
    await this.storage.handoffs.addMessage(h.id, { sender: 'staff', staffId: member.id, text, at: this.now().toISOString(), internal: true });
    await this.tell({ type: 'note', handoffId: h.id, centreId: h.centreId, urgent: h.urgent });
    return { status: 'ok', value: undefined };
  }

  async reply(member: StaffMember, handoffId: string, text: string): Promise<StaffActionResult> {
    const h = await this.storage.handoffs.get(handoffId);
    if (!h) return { status: 'not-found' };
    if (!this.visible(member, h)) return { status: 'forbidden' };
    if (h.status !== 'open') return { status: 'closed' };
    // Two advisors never answer one person at once: a reply claims the conversation, or is refused when a colleague has it.
    const claim = await this.storage.handoffs.claim(h.id, member.id);
    if (!claim) return { status: 'closed' };
    if (!claim.taken) return { status: 'claimed', by: (await this.storage.staff.byId(claim.claimedBy ?? ''))?.email ?? '' };
    if (h.claimedBy !== member.id) await this.tell({ type: 'claimed', handoffId: h.id, centreId: h.centreId, urgent: h.urgent });
    const result = await this.conversations.withConversation(h.conversationId, async (): Promise<StaffActionResult> => {
      const reach = await reachOf(this.storage.conversations, this.senders, h.conversationId, 'advisor-replied');
      if (reach === 'no-template') {
        return {
          status: 'refused',
          reason: 'more than 24 hours since the person last wrote, and no approved WhatsApp template "advisor-replied" is configured: nothing was sent (set WHATSAPP_TEMPLATES)',
        };
      }
      const outbox: Outbound[] = [{ kind: 'text', text }];
      const at = this.now();
      const first = !(await this.storage.handoffs.messages(h.id)).some((m) => m.sender === 'staff' && !m.internal);
      if (reach === 'template') {
        const held = await this.hold(member, h, outbox, at);
        if (first && held.status === 'waiting') await this.firstReply(h, at);
        return held;
      }
      // What is still to go (replies released by the person's answer, a retry) goes first: the person reads them in order.
      const earlier = await this.storage.outbound.unsent(h.conversationId);
      const before = earlier.length ? await sendStored(this.storage, this.senders, h.conversationId, earlier, this.now) : undefined;
      const sent: SendResult = before?.status === 'failed' ? { status: 'failed', reason: before.note ?? 'an earlier message is not sent yet' } : await this.send(h.conversationId, outbox);
      if (sent.status === 'refused') return { status: 'refused', reason: sent.reason };
      // The transcript, the message's record and the audit line are stored together.
      const result = await this.storage.transaction(async (tx): Promise<StaffActionResult> => {
        const handoffMessageId = await tx.handoffs.addMessage(h.id, { sender: 'staff', staffId: member.id, text, at: at.toISOString() });
        await tx.staff.audit({ staffId: member.id, action: 'handoff.reply', target: h.id }, at);
        const record = { conversationId: h.conversationId, outbox, handoffMessageId };
        if (sent.status === 'sent') {
          await recordSent(tx, record, sent, at);
          return { status: 'ok', value: undefined };
        }
        // A passing failure (the channel's API is down): the reply waits in the outbox, in the database.
        const id = await storeUnsent(tx, record, 'queued', at);
        await queueOutbound(tx.jobs, h.conversationId, [...earlier, id], new Date(at.getTime() + Math.max(FIRST_RETRY_MS, sent.retryAfterMs ?? 0)), at);
        return { status: 'queued', reason: sent.reason };
      });
      if (first) await this.firstReply(h, at);
      return result;
    });
    if (result.status === 'ok' || result.status === 'queued' || result.status === 'waiting') await this.tell({ type: 'message', handoffId: h.id, centreId: h.centreId, urgent: h.urgent });
    return result;
  }

  /**
   * Outside WhatsApp's window: the advisor's message waits (stored, in order) until the person's
   * next message opens the window again. The first waiting message invites the person to answer
   * with the "advisor-replied" template; later ones only join the queue.
   */
  private async hold(member: StaffMember, h: Handoff, outbox: Outbound[], at: Date): Promise<StaffActionResult> {
    const invited = await this.storage.outbound.hasWaiting(h.conversationId);
    if (!invited) {
      const purpose: SendPurpose = { kind: 'advisor-replied', centre: this.centreNameFor(h) };
      const invitation = await sendToConversation(this.storage.conversations, this.senders, h.conversationId, [], purpose);
      if (invitation.status === 'refused') return { status: 'refused', reason: invitation.reason };
      const record = { conversationId: h.conversationId, outbox: [], purpose };
      if (invitation.status === 'sent') await recordSent(this.storage, record, invitation, at);
      else await queueOutbound(this.storage.jobs, h.conversationId, [await storeUnsent(this.storage, record, 'queued', at)], new Date(at.getTime() + FIRST_RETRY_MS), at);
    }
    const text = (outbox[0] as { text: string }).text;
    await this.storage.transaction(async (tx) => {
      const handoffMessageId = await tx.handoffs.addMessage(h.id, { sender: 'staff', staffId: member.id, text, at: at.toISOString() });
      await storeUnsent(tx, { conversationId: h.conversationId, outbox, handoffMessageId }, 'waiting', at);
      // The person's next turn releases it (we hold the conversation's lock: no turn runs meanwhile).
      const state = await tx.conversations.load(h.conversationId);
      if (state && !state.advisorWaiting) await tx.conversations.save(h.conversationId, { ...state, advisorWaiting: true });
      await tx.staff.audit({ staffId: member.id, action: 'handoff.reply', target: h.id }, at);
    });
    return { status: 'waiting', reason: 'more than 24 hours since the person last wrote: they were invited to answer, and your message is delivered when they do' };
  }

  /** Reports and metrics learn of the first advisor reply, with the seconds since the handoff opened. */
  private firstReply(h: Handoff, at: Date): Promise<void> {
    return this.report({ kind: 'firstReply', handoff: h, seconds: Math.max(0, (at.getTime() - Date.parse(h.createdAt)) / 1000), at });
  }

  private centreNameFor(h: Handoff): string {
    const centre = this.booking.centre(h.centreId ?? '');
    return centre ? ((centre.names as Record<string, string>)[h.lang] ?? centre.names.en) : '';
  }

  async close(member: StaffMember, handoffId: string): Promise<StaffActionResult> {
    const h = await this.storage.handoffs.get(handoffId);
    if (!h) return { status: 'not-found' };
    if (!this.visible(member, h)) return { status: 'forbidden' };
    const result = await this.conversations.withConversation(h.conversationId, async (): Promise<StaffActionResult> => {
      if (!(await this.storage.handoffs.close(h.id, this.now()))) return { status: 'closed' };
      const state = await this.storage.conversations.load(h.conversationId);
      if (state?.handoff?.id === h.id) {
        delete state.handoff;
        delete state.urgent;
        await this.storage.conversations.save(h.conversationId, state);
      }
      await this.send(h.conversationId, this.t((state?.lang ?? h.lang) as Lang, 'advisor.closed')); // best effort: the person may have left
      await this.storage.staff.audit({ staffId: member.id, action: 'handoff.close', target: h.id }, this.now());
      await this.report({ kind: 'closed', handoff: h, at: this.now() });
      return { status: 'ok', value: undefined };
    });
    if (result.status === 'ok') await this.tell({ type: 'closed', handoffId: h.id, centreId: h.centreId, urgent: h.urgent });
    return result;
  }

  /** The job handler that retries a reply from the outbox. */
  outboxHandler(): JobHandler {
    return async (payload) => {
      const { conversationId, outbox, outboundIds } = parseOutboxItem(payload);
      if (outboundIds) return this.conversations.withConversation(conversationId, () => sendStored(this.storage, this.senders, conversationId, outboundIds, this.now));
      return sendOutcome(await this.conversations.withConversation(conversationId, () => this.send(conversationId, outbox)));
    };
  }

  private send(conversationId: string, message: string | Outbound[]): Promise<SendResult> {
    return sendToConversation(this.storage.conversations, this.senders, conversationId, typeof message === 'string' ? [{ kind: 'text', text: message }] : message);
  }
}
