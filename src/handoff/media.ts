/**
 * Files in a handoff: the person's voice notes and photos, read by the advisors who may read that
 * handoff's transcript (and nobody else), and the photos and documents an advisor sends back. An
 * advisor's file reaches the person through their channel: uploaded (Telegram), or fetched by the
 * channel's service from a signed link that expires (Twilio for WhatsApp, the web chat page).
 * Only files advisors sent ever get such a link; what a person sent is served to staff only.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { mediaKindOf, type MediaKind } from '../core/messages.js';
import type { Conversations } from '../runtime/conversations.js';
import { describeMedia, newMediaId, safeContentType, safeFileName, type MediaChannels } from '../runtime/media.js';
import { mayActOn } from '../staff/auth.js';
import type { Handoff, MediaInfo, StaffMember, Storage, StoredMedia } from '../storage/types.js';

/** How long the link to an advisor's file works (the web chat page shows it for a while). */
export const MEDIA_LINK_TTL_MS = 24 * 3600_000;

/** Signed, expiring links to files advisors sent: `/media/out/{id}?exp=<unix seconds>&sig=<HMAC>`. */
export class MediaLinks {
  constructor(
    private readonly secret: Buffer,
    private readonly publicBaseUrl: string,
    private readonly now: () => Date,
  ) {}

  private sign(id: string, exp: number): string {
    return createHmac('sha256', this.secret).update(`media-out:${id}:${exp}`).digest('base64url');
  }

  url(id: string): string {
    const exp = Math.floor((this.now().getTime() + MEDIA_LINK_TTL_MS) / 1000);
    return `${this.publicBaseUrl}/media/out/${encodeURIComponent(id)}?exp=${exp}&sig=${this.sign(id, exp)}`;
  }

  /** True when the link is ours, for this file, and not expired. */
  verify(id: string, exp: unknown, sig: unknown): boolean {
    if (typeof exp !== 'string' || !/^\d{1,12}$/.test(exp) || typeof sig !== 'string') return false;
    if (Number(exp) * 1000 < this.now().getTime()) return false;
    const expected = Buffer.from(this.sign(id, Number(exp)));
    const given = Buffer.from(sig);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }
}

export type MediaResult<T> =
  | { status: 'ok'; value: T }
  | { status: 'not-found' }
  | { status: 'forbidden' }
  | { status: 'closed' }
  /** The channel will not take it (a person who wrote stop, WhatsApp's window, a type it refuses). */
  | { status: 'refused'; reason: string }
  /** The channel failed for now: nothing was sent, nothing kept; the advisor may try again. */
  | { status: 'failed'; reason: string };

/** An advisor's file as posted. */
export interface UploadedFile {
  bytes: Buffer;
  contentType: string;
  name?: string;
}

const EXTENSIONS: Record<string, string> = {
  'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp', 'image/gif': 'gif', 'application/pdf': 'pdf', 'text/plain': 'txt',
  'audio/ogg': 'ogg', 'audio/mpeg': 'mp3', 'audio/wav': 'wav', 'video/mp4': 'mp4',
};

function defaultName(kind: MediaKind, contentType: string): string {
  return `${kind === 'image' ? 'photo' : kind}.${EXTENSIONS[contentType] ?? 'bin'}`;
}

export class HandoffMedia {
  constructor(
    private readonly storage: Storage,
    private readonly conversations: Conversations,
    private readonly channels: MediaChannels,
    private readonly links: MediaLinks,
    private readonly now: () => Date,
  ) {}

  /** The same rule as the transcript: the handoff's centre (an admin: every handoff). */
  private visible(member: StaffMember, h: Handoff): boolean {
    return h.centreId ? mayActOn(member, h.centreId) : member.role === 'admin';
  }

  /** A file of a handoff, with its bytes, for a staff member who may read that handoff's transcript. */
  async read(member: StaffMember, id: string): Promise<MediaResult<StoredMedia & { content: Buffer }>> {
    const media = await this.storage.media.get(id);
    const h = media && (await this.storage.handoffs.get(media.handoffId));
    if (!media || !h) return { status: 'not-found' };
    if (!this.visible(member, h)) return { status: 'forbidden' };
    return { status: 'ok', value: media };
  }

  /** An advisor's file behind a signed link (never a file a person sent). */
  async published(id: string, exp: unknown, sig: unknown): Promise<(StoredMedia & { content: Buffer }) | undefined> {
    if (!this.links.verify(id, exp, sig)) return undefined;
    const media = await this.storage.media.get(id);
    return media?.direction === 'out' ? media : undefined;
  }

  /**
   * Sends an advisor's photo or document to the person on their channel, under the conversation's
   * lock; kept in the transcript only when the channel took it.
   */
  async send(member: StaffMember, handoffId: string, file: UploadedFile): Promise<MediaResult<MediaInfo>> {
    const h = await this.storage.handoffs.get(handoffId);
    if (!h) return { status: 'not-found' };
    if (!this.visible(member, h)) return { status: 'forbidden' };
    if (h.status !== 'open') return { status: 'closed' };
    const split = h.conversationId.indexOf(':');
    const channel = h.conversationId.slice(0, split);
    const channelMedia = this.channels.get(channel);
    if (!channelMedia?.sendFile) return { status: 'refused', reason: `the ${channel} channel cannot send files` };
    return this.conversations.withConversation(h.conversationId, async () => {
      const state = await this.storage.conversations.load(h.conversationId);
      if (state?.stopped) return { status: 'refused', reason: 'the person wrote stop: nothing is sent until they write again' };
      const contentType = safeContentType(file.contentType);
      const kind = mediaKindOf(contentType);
      const name = safeFileName(file.name) ?? defaultName(kind, contentType);
      const at = this.now().toISOString();
      const info: MediaInfo = { id: newMediaId(), kind, contentType, size: file.bytes.length, name };
      // Stored first: Twilio fetches the signed link after it accepted the message.
      await this.storage.media.add({ ...info, conversationId: h.conversationId, handoffId: h.id, direction: 'out', createdAt: at }, file.bytes);
      const sendingTo = state ? { lang: state.lang, updatedAt: state.updatedAt } : undefined;
      const sent = await channelMedia
        .sendFile!(h.conversationId.slice(split + 1), { ...info, name, bytes: file.bytes, url: this.links.url(info.id) }, sendingTo)
        .catch((err: Error) => ({ status: 'failed' as const, reason: err.message }));
      if (sent.status !== 'sent') {
        await this.storage.media.remove(info.id);
        return sent.status === 'refused' ? { status: 'refused', reason: sent.reason } : { status: 'failed', reason: sent.reason };
      }
      await this.storage.handoffs.addMessage(h.id, { sender: 'staff', staffId: member.id, text: describeMedia(kind, name), at, mediaId: info.id });
      await this.storage.staff.audit({ staffId: member.id, action: 'handoff.media', target: h.id }, this.now());
      return { status: 'ok', value: info };
    });
  }
}
