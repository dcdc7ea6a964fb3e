/** Reads the real opinions in ../shared/data/opinions/ when present (benchmarks and evals only; never tests). */
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

export const DATA_DIR = fileURLToPath(new URL('../../shared/data/opinions/', import.meta.url));

export interface RealOpinion {
  id: string;
  file: string;
  plain: string;
  html: string;
}

export function loadOpinions(): RealOpinion[] | undefined {
  const files = ['ca1-courtlistener-v3-opinions.jsonl.gz', 'mixed-courts-sample.jsonl.gz'];
  if (!files.some((f) => existsSync(DATA_DIR + f))) return undefined;
  const out: RealOpinion[] = [];
  for (const file of files) {
    if (!existsSync(DATA_DIR + file)) continue;
    const lines = gunzipSync(readFileSync(DATA_DIR + file)).toString('utf8').split('\n');
    for (const line of lines) {
      if (!line.trim()) continue;
      const o = JSON.parse(line) as Record<string, string | null>;
      const id = String(o.id ?? o.courtlistener_opinion_id ?? o.resource_uri ?? out.length);
      out.push({ id, file, plain: o.plain_text ?? '', html: o.html_with_citations ?? '' });
    }
  }
  return out;
}
