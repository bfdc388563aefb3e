/**
 * The messages the engine understands and produces. Every channel turns its own updates into an
 * `Inbound` and renders `Outbound` messages with what it can show; no field belongs to one channel.
 */

export type CommandName = 'start' | 'menu' | 'language' | 'human' | 'delete' | 'stop';
export const COMMAND_NAMES: readonly CommandName[] = ['start', 'menu', 'language', 'human', 'delete', 'stop'];

export type Inbound =
  | { kind: 'text'; text: string }
  /** A button the person pressed; `id` is the option id we rendered. */
  | { kind: 'choice'; id: string; label?: string }
  | { kind: 'location'; lat: number; lon: number; label?: string }
  | { kind: 'command'; name: CommandName }
  /**
   * A voice note, photo, video or file (one message may carry several), with its caption. The
   * engine reads only the caption; the bytes stay with the channel until an advisor needs them
   * (`ref` is the channel's handle: a media URL, a file id, an upload id).
   */
  | { kind: 'media'; media: InboundMedia[]; text?: string }
  /** Something the channel delivered that we cannot read (a photo, a voice note, a sticker). */
  | { kind: 'unsupported' };

/** What a file is, as far as people see it: heard, looked at, watched, or opened. */
export type MediaKind = 'audio' | 'image' | 'video' | 'document';
export const MEDIA_KINDS: readonly MediaKind[] = ['audio', 'image', 'video', 'document'];

export interface InboundMedia {
  kind: MediaKind;
  /** The channel's handle to fetch it with its own credentials; never shown, never a public URL. */
  ref: string;
  /** As the channel announced it (e.g. audio/ogg); checked again when fetched. */
  contentType?: string;
  /** The file's own name (documents). */
  name?: string;
  /** In bytes, when the channel says so before it is fetched. */
  size?: number;
}

/** The kind of a file from its content type: audio, image, video, else a document (SVG is a document: it is code). */
export function mediaKindOf(contentType: string | undefined): MediaKind {
  const type = (contentType ?? '').toLowerCase();
  if (type.startsWith('audio/')) return 'audio';
  if (type.startsWith('image/') && !type.includes('svg')) return 'image';
  if (type.startsWith('video/')) return 'video';
  return 'document';
}

export interface Option {
  id: string;
  label: string;
}

export interface SourceLink {
  label: string;
  url: string;
}

export type Outbound =
  | { kind: 'text'; text: string }
  | { kind: 'options'; text: string; options: Option[] }
  | { kind: 'locationRequest'; text: string; buttonLabel: string }
  | { kind: 'link'; text: string; url: string }
  | { kind: 'card'; title: string; text: string; links: SourceLink[]; linksHeading?: string; footer?: string }
  | { kind: 'handoffNotice'; text: string };

/** What the channel tells us about the person before the engine knows them. */
export interface ChannelHints {
  /** A locale such as "fr-FR" (Telegram's language_code, the browser's language). */
  locale?: string;
  /** ISO 3166 alpha-2, e.g. from the phone number's country code. */
  country?: string;
  /** The number the person writes from (WhatsApp, E.164): offered as the booking's contact, stored only when chosen. */
  phone?: string;
}

/** "lat,lon" as a flow variable holds a shared location; anything else is not one. */
export function parseCoordinates(value: string | undefined): { lat: number; lon: number } | undefined {
  const m = value ? /^(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)$/.exec(value) : null;
  return m ? { lat: Number(m[1]), lon: Number(m[2]) } : undefined;
}
