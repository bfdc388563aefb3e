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
  /** Something the channel delivered that we cannot read (a photo, a voice note, a sticker). */
  | { kind: 'unsupported' };

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
}

/** "lat,lon" as a flow variable holds a shared location; anything else is not one. */
export function parseCoordinates(value: string | undefined): { lat: number; lon: number } | undefined {
  const m = value ? /^(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)$/.exec(value) : null;
  return m ? { lat: Number(m[1]), lon: Number(m[2]) } : undefined;
}
