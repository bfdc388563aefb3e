/**
 * Start-up honesty: Twilio, Telegram and Azure reach this server at PUBLIC_BASE_URL (and Twilio
 * signs against it). A public channel switched on with that unset, or pointing at this machine,
 * cannot work: say so at start, in one warning line, instead of letting webhooks fail later.
 */
import type { Config } from './config.js';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '0.0.0.0']);

/** The public channels switched on: WhatsApp, Telegram in webhook mode, Bot Framework (an Azure app id). */
export function publicChannels(config: Config, on: ReadonlySet<string>): string[] {
  const names: string[] = [];
  if (on.has('whatsapp')) names.push('WhatsApp');
  if (on.has('telegram') && config.TELEGRAM_MODE === 'webhook') names.push('Telegram (webhook mode)');
  if (on.has('webchat') && config.MicrosoftAppId) names.push('Bot Framework');
  return names;
}

/** The warning to log, or undefined when PUBLIC_BASE_URL is a public address or no public channel is on. */
export function publicUrlWarning(config: Config, on: ReadonlySet<string>): string | undefined {
  const channels = publicChannels(config, on);
  if (!channels.length) return undefined;
  const host = new URL(config.publicBaseUrl).hostname.toLowerCase();
  const local = !config.PUBLIC_BASE_URL || LOCAL_HOSTS.has(host) || host.endsWith('.localhost') || host.startsWith('127.');
  if (!local) return undefined;
  const why = config.PUBLIC_BASE_URL ? `PUBLIC_BASE_URL points at this machine (${config.publicBaseUrl})` : `PUBLIC_BASE_URL is not set (using ${config.publicBaseUrl})`;
  return `${why} while ${channels.join(', ')} ${channels.length > 1 ? 'are' : 'is'} on: their services cannot reach the webhooks, Twilio's signatures will not match and links in messages point at localhost; set PUBLIC_BASE_URL to the https address the world reaches this server at`;
}
