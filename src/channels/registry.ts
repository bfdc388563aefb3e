import type { ChannelAdapter } from './adapter.js';

/** The HTTP channels, one registration line each. (The terminal channel runs from the command line.) */
export const CHANNELS: readonly ChannelAdapter[] = [];
