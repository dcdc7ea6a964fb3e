/**
 * The format of an input from its content, for `clearly import` without `--format`: the first bytes (after
 * gunzip) and, for JSON, the keys of the first record. A directory takes the format of its first readable file.
 */
import { listFiles, peek } from './files.js';

export type Format = 'courtlistener-json' | 'courtlistener-bulk' | 'cap' | 'document';
export const FORMATS: readonly Format[] = ['courtlistener-json', 'courtlistener-bulk', 'cap', 'document'];

const CL_KEYS = /"(?:resource_uri|plain_text|html_with_citations|opinions_cited|sub_opinions|absolute_url|date_filed|cluster|cluster_id|docket_number)"\s*:/;
const CAP_KEYS = /"(?:casebody|name_abbreviation|cites_to|decision_date|frontend_url)"\s*:/;
const CL_CSV = /^\s*"?(?:id|date_created)"?\s*,.*\b(?:date_created|date_modified|cluster_id|docket_id|court_id|citing_opinion_id|plain_text|case_name)\b/;

export function detectFromBytes(name: string, head: Buffer): Format | undefined {
  if (/\.bz2$/i.test(name) || head.subarray(0, 3).toString('latin1') === 'BZh') return 'courtlistener-bulk';
  const start = head.subarray(0, 8).toString('latin1');
  if (start.startsWith('%PDF-') || (head[0] === 0x50 && head[1] === 0x4b)) return 'document';
  const text = head.toString('utf8').replace(/^\ufeff/, '');
  const first = text.trimStart()[0];
  if (first === '{' || first === '[') {
    // CAP is checked first: its cases carry no CourtListener-only key, while CourtListener objects never have a casebody.
    if (CAP_KEYS.test(text) && !/"(?:resource_uri|plain_text|sub_opinions)"\s*:/.test(text)) return 'cap';
    if (CL_KEYS.test(text)) return 'courtlistener-json';
    return undefined;
  }
  if (CL_CSV.test(text.split('\n')[0] ?? '') || /\.csv(\.gz)?$/i.test(name)) return 'courtlistener-bulk';
  // Text (or HTML) is a document; bytes with control characters are not text of any format clearly reads.
  const binary = /[\x00-\x08\x0e-\x1a\ufffd]/.test(text.slice(0, 4096));
  if (!binary && (/\.(txt|text|html?|xhtml)$/i.test(name) || /[a-z]{3,}/i.test(text))) return 'document';
  return undefined;
}

/** Detects one input path (a file, or a directory by its first file). */
export async function detectFormat(path: string): Promise<Format | undefined> {
  for (const file of listFiles([path])) {
    const found = detectFromBytes(file.path, await peek(file.path, 16 * 1024));
    if (found) return found;
  }
  return undefined;
}
