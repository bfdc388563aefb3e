import { describe, expect, it } from 'vitest';
import { WegweiserError } from '../src/core/errors.js';
import { loadConfig } from '../src/server/config.js';

describe('configuration', () => {
  it('runs on embedded defaults with nothing set', () => {
    const c = loadConfig({});
    expect(c.PORT).toBe(3978);
    expect(c.publicBaseUrl).toBe('http://localhost:3978');
    expect(c.databaseUrl).toMatch(/^sqlite:.*data\/wegweiser\.sqlite$/);
    expect(c.sessionTtlMs).toBe(24 * 3600_000);
    expect(c.TELEGRAM_MODE).toBe('webhook');
  });

  it('treats empty values as unset', () => {
    expect(loadConfig({ PORT: '', PUBLIC_BASE_URL: '' }).PORT).toBe(3978);
  });

  it('fails at start-up with what to fix', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(WegweiserError);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL must start with sqlite: or postgres:\/\//);
    expect(() => loadConfig({ PUBLIC_BASE_URL: 'not a url' })).toThrow(/PUBLIC_BASE_URL/);
    expect(() => loadConfig({ TELEGRAM_MODE: 'carrier-pigeon' })).toThrow(/TELEGRAM_MODE/);
  });
});
