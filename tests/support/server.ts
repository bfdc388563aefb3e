import type { FastifyInstance } from 'fastify';
import { createServer } from '../../src/server/app.js';
import { freePort } from './free-port.js';
import { createTestCore, type TestCore } from './test-core.js';

export interface RunningServer {
  core: TestCore;
  app: FastifyInstance;
  base: string;
  close(): Promise<void>;
}

/** The real server on 127.0.0.1 and a free port, with the given environment on top of the test defaults. */
export async function startTestServer(env: Record<string, string>, publicBaseUrl?: (port: number) => string, shared?: string): Promise<RunningServer> {
  // The signature covers PUBLIC_BASE_URL, so the port must be known first: reserve one, then configure.
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const core = await createTestCore({ storage: 'database', env: { PUBLIC_BASE_URL: publicBaseUrl?.(port) ?? base, ...env }, shared });
  const app = await createServer(core);
  await app.listen({ port, host: '127.0.0.1' });
  return {
    core,
    app,
    base,
    close: async () => {
      await app.close();
      await core.close();
    },
  };
}
