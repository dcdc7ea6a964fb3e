/**
 * The import progress bar: on stderr, and only when stderr is a terminal (style.md: stdout is data, stderr is
 * talk, and logs must not fill with bar redraws). Shows bytes with ETA, records per second and rejects.
 */
import cliProgress from 'cli-progress';
import type { ImportProgress } from './pipeline.js';

export interface ProgressBar {
  update(p: ImportProgress): void;
  stop(): void;
}

const mb = (n: number): string => (n / 1048576).toFixed(1);

export function progressBar(stream: NodeJS.WriteStream = process.stderr): ProgressBar | undefined {
  if (!stream.isTTY) return undefined;
  const started = Date.now();
  const bar = new cliProgress.SingleBar({
    stream,
    format: 'importing [{bar}] {percentage}% | {mb}/{mbTotal} MB | {records} records, {rate}/s | {rejected} rejected | ETA {eta_formatted}',
    hideCursor: true,
    clearOnComplete: true,
    fps: 5,
  }, cliProgress.Presets.shades_classic);
  let begun = false;
  let finishing = false;
  return {
    update(p) {
      if (finishing) return;
      if (p.finishing) {
        finishing = true;
        if (begun) bar.stop();
        begun = false;
        stream.write('clearly: every record committed; merging the search index (minutes on a large store)…\n');
        return;
      }
      const total = p.bytes_total ?? 0;
      const payload = {
        mb: mb(p.bytes), mbTotal: mb(total), records: p.records, rejected: p.rejected,
        rate: Math.round(p.records / Math.max(0.001, (Date.now() - started) / 1000)),
      };
      if (!begun) { bar.start(Math.max(total, 1), p.bytes, payload); begun = true; }
      bar.setTotal(Math.max(total, 1));
      bar.update(p.bytes, payload);
    },
    stop() { if (begun) bar.stop(); },
  };
}
