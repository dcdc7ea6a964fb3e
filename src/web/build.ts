/**
 * Bundles the web interface (Preact + htm) with esbuild into dist/web/static: one script, one stylesheet, no
 * CDN, so `clearly serve` works offline. Run by `npm run build` after tsc (node dist/web/build.js).
 */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

export async function buildWeb(outdir = fileURLToPath(new URL('../../dist/web/static', import.meta.url))): Promise<string> {
  const src = (f: string): string => fileURLToPath(new URL(`../../src/web/${f}`, import.meta.url));
  await build({
    entryPoints: { app: src('main.ts') },
    bundle: true, minify: true, format: 'esm', target: ['es2020'], platform: 'browser',
    outdir, legalComments: 'none', logLevel: 'warning',
  });
  await build({ entryPoints: { app: src('style.css') }, bundle: true, minify: true, outdir, logLevel: 'warning' });
  return outdir;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  buildWeb().then((dir) => process.stderr.write(`web bundle written to ${dir}\n`), (err: unknown) => {
    process.stderr.write(`web bundle failed: ${(err as Error).message}\n`);
    process.exitCode = 1;
  });
}
