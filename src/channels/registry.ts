import { telegramChannel } from './telegram/index.js';
import { webchatChannel } from './webchat/index.js';
import { whatsappChannel } from './whatsapp/index.js';

/** The HTTP channels, one registration line each. (The terminal channel runs from the command line.) */
export const CHANNELS = [whatsappChannel, telegramChannel, webchatChannel] as const;
