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
import type { StaffEvent, StaffEvents } from './events.js';

/** A handoff as the console shows it: who has it, the person's country and last topic, and each message's author. */
export interface HandoffDetails extends Handoff {
  messages: (HandoffMessage & { author?: string })[];
  claimedByEmail: string | null;
  country: string | null;
  topic: string | null;
}

export type StaffActionResult<T = void> =
  | { status: 'ok'; value: T }
  /** The channel failed for now: the reply waits in the outbox and is retried with backoff. */
  | { status: 'queued'; reason: string }
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
  async list(member: StaffMember, status: 'open' | 'closed' = 'open', centreId?: string): Promise<HandoffDetails[]> {
    const all = await this.storage.handoffs.list({ status, centreId: centreId ?? (member.role === 'admin' ? undefined : member.centreId) });
    const emails = new Map((await this.storage.staff.list()).map((m) => [m.id, m.email]));
    return Promise.all(
      all.filter((h) => this.visible(member, h)).map(async (h) => {
        const [messages, state] = await Promise.all([this.storage.handoffs.messages(h.id), this.storage.conversations.load(h.conversationId)]);
        return {
          ...h,
          claimedBy: h.claimedBy ?? null,
          claimedByEmail: h.claimedBy ? (emails.get(h.claimedBy) ?? null) : null,
          country: state?.country ?? null,
          topic: state?.lastTopic ?? null,
          messages: messages.map((m) => (m.staffId ? { ...m, author: emails.get(m.staffId) ?? '' } : m)),
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
      const sent = await this.send(h.conversationId, text);
      if (sent.status === 'refused') return { status: 'refused', reason: sent.reason };
      await this.storage.handoffs.addMessage(h.id, { sender: 'staff', staffId: member.id, text, at: this.now().toISOString() });
      await this.storage.staff.audit({ staffId: member.id, action: 'handoff.reply', target: h.id }, this.now());
      if (sent.status === 'sent') return { status: 'ok', value: undefined };
      // A passing failure (the channel's API is down): the reply waits in the outbox, in the database.
      await enqueueReply(this.storage.jobs, { conversationId: h.conversationId, outbox: [{ kind: 'text', text }] }, this.now(), sent.retryAfterMs);
      return { status: 'queued', reason: sent.reason };
    });
    if (result.status === 'ok' || result.status === 'queued') await this.tell({ type: 'message', handoffId: h.id, centreId: h.centreId, urgent: h.urgent });
    return result;
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
      return { status: 'ok', value: undefined };
    });
    if (result.status === 'ok') await this.tell({ type: 'closed', handoffId: h.id, centreId: h.centreId, urgent: h.urgent });
    return result;
  }

  /** Tells a person on their channel, in their language, that the centre cancelled their appointment (best effort). */
  async notifyCancelled(conversationId: string, lang: string, text: (lang: Lang) => string): Promise<boolean> {
    const state = await this.storage.conversations.load(conversationId);
    const sent = await this.conversations.withConversation(conversationId, () => this.send(conversationId, text((state?.lang ?? lang) as Lang)));
    return sent.status === 'sent';
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
