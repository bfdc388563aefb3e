import cliProgress from 'cli-progress';

/** A progress bar on standard error, shown only when the work takes more than a second. */
export function lateProgressBar(label: string): { update(done: number, total: number): void; stop(): void } {
  const started = Date.now();
  let bar: cliProgress.SingleBar | undefined;
  return {
    update(done, total) {
      if (!bar && Date.now() - started > 1000 && process.stderr.isTTY) {
        bar = new cliProgress.SingleBar({ format: `${label} [{bar}] {value}/{total}`, stream: process.stderr }, cliProgress.Presets.shades_classic);
        bar.start(total, done);
      }
      bar?.update(done);
    },
    stop() {
      bar?.stop();
    },
  };
}
