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

  it('trusts no proxy unless TRUST_PROXY lists their addresses or CIDRs', () => {
    expect(loadConfig({}).TRUST_PROXY).toBeUndefined();
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 192.168.1.5,fd00::/8,::1,loopback' }).TRUST_PROXY).toEqual(['10.0.0.0/8', '192.168.1.5', 'fd00::/8', '::1', 'loopback']);
    for (const bad of ['true', '*', '10.0.0.0/33', '10.0.0', 'lb.example.org', '10.0.0.0/8/1', '::1/129']) {
      expect(() => loadConfig({ TRUST_PROXY: bad }), bad).toThrow(/TRUST_PROXY.*addresses or CIDRs/);
    }
  });

  it('lets centres embed the web chat only where WEBCHAT_FRAME_ANCESTORS says', () => {
    expect(loadConfig({}).WEBCHAT_FRAME_ANCESTORS).toBe("'self'");
    expect(loadConfig({ WEBCHAT_FRAME_ANCESTORS: "'self' https://centre.example.org *.example.net" }).WEBCHAT_FRAME_ANCESTORS).toBe("'self' https://centre.example.org *.example.net");
    for (const bad of ["'self'; script-src *", 'https://a.org,https://b.org', "'unsafe-inline'"]) {
      expect(() => loadConfig({ WEBCHAT_FRAME_ANCESTORS: bad }), bad).toThrow(/WEBCHAT_FRAME_ANCESTORS/);
    }
  });

  it('gives clients REQUEST_TIMEOUT_SECONDS (30 by default) to send a request', () => {
    expect(loadConfig({}).REQUEST_TIMEOUT_SECONDS).toBe(30);
    expect(() => loadConfig({ REQUEST_TIMEOUT_SECONDS: '0' })).toThrow(/REQUEST_TIMEOUT_SECONDS/);
  });
});
