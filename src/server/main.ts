/** `npm start`: the server with embedded defaults, shut down gracefully on SIGINT/SIGTERM. */
import { WegweiserError } from '../core/errors.js';
import { createCore, createServer, prepareCaches } from './app.js';
import { loadConfig } from './config.js';
import { createLogger } from './logger.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config.LOG_LEVEL);
  const core = await createCore(config, log);
  const app = await createServer(core);
  const address = await app.listen({ port: config.PORT, host: config.HOST });
  core.jobs.start();
  const purge = () =>
    core.storage
      .purgeOlderThan(new Date(Date.now() - config.RETENTION_DAYS * 86_400_000), { curationCutoff: new Date(Date.now() - config.CURATION_DAYS * 86_400_000) })
      .then((counts) => log.info({ counts, retentionDays: config.RETENTION_DAYS, curationDays: config.CURATION_DAYS }, 'retention: old data removed'))
      .catch((err: Error) => log.error({ err: err.message }, 'retention failed'));
  void purge();
  const retention = setInterval(() => void purge(), 6 * 3600_000);
  retention.unref();
  log.info({ address, publicUrl: config.publicBaseUrl }, `Wegweiser is listening on ${address}`);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    core.jobs.stop();
    clearInterval(retention);
    await app.close();
    await core.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

// WEGWEISER_PREPARE=1: only build what a start keeps on disk, then exit (see scripts/start.mjs).
const prepareOnly = process.env.WEGWEISER_PREPARE === '1';
(prepareOnly ? (async () => prepareCaches(loadConfig()))() : main()).then(
  () => prepareOnly && process.exit(0),
  (err: unknown) => {
    console.error(err instanceof WegweiserError ? err.message : err);
    process.exit(1);
  },
);
