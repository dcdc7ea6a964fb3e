/**
 * Reads data/kb/decisions.json once. `src/kb/` and `dist/kb/` both sit two levels below the package root. The
 * content hash lets `ensureKnowledgeBase` tell, with one checkpoint read, whether a store already holds this
 * exact knowledge base.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ClearlyError } from '../errors/index.js';
import type { KbDecision, KbFile } from './types.js';

/** Bump when the way rows become store records changes, so stores reload even if the data file did not change. */
export const LOADER_VERSION = 1;

export function kbDataPath(): string {
  return fileURLToPath(new URL('../../data/kb/decisions.json', import.meta.url));
}

let file: KbFile | undefined;
let hash: string | undefined;
let byId: Map<string, KbDecision> | undefined;

function load(): KbFile {
  if (file) return file;
  const path = kbDataPath();
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
    file = JSON.parse(text) as KbFile;
  } catch (err) {
    throw new ClearlyError('internal', `cannot load the knowledge base data/kb/decisions.json: ${(err as Error).message}`, {
      location: { file: path },
      cause: err,
    });
  }
  hash = createHash('sha1').update(`loader ${LOADER_VERSION}\0`).update(text).digest('hex');
  return file;
}

/** Every knowledge-base decision, in file order. */
export function knowledgeBase(): readonly KbDecision[] {
  return load().decisions;
}

/** The decision with this knowledge-base id, or undefined. */
export function kbDecision(id: string): KbDecision | undefined {
  byId ??= new Map(knowledgeBase().map((d) => [d.id, d]));
  return byId.get(id);
}

export function kbVersion(): number {
  return load().version;
}

/** SHA-1 of the data file and the loader version: equal hashes mean identical store contents. */
export function kbHash(): string {
  load();
  return hash!;
}
