/**
 * Court from the host of an opinion's download URL. Known hosts come from each court's `hosts`; any other
 * `*.uscourts.gov` host is matched by a label that is a court id (`ecf.mad.uscourts.gov` → `mad`) or a district
 * court's site label (`txs.uscourts.gov` → `txsd`), with lower confidence.
 */
import { allCourts, getCourt } from './data.js';
import type { Court } from './types.js';

let known: Map<string, Court> | undefined;

const bare = (host: string): string => host.toLowerCase().replace(/^www\d?\./, '');

/** Hostname of a URL or bare host (`media.ca1.uscourts.gov/pdf.opinions/x.pdf`); undefined if it is neither. */
export function hostOf(s: string): string | undefined {
  const t = s.trim();
  if (/\s/.test(t)) return undefined;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(t)) {
    try {
      return new URL(t).hostname.toLowerCase();
    } catch {
      return undefined;
    }
  }
  const m = /^([a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:gov|us|com|org|net|edu))(?::\d+)?(?:[/?#].*)?$/i.exec(t);
  return m?.[1]?.toLowerCase();
}

/** The court for a host, with confidence: 0.95 for a listed host, 0.8 for a uscourts.gov label match. */
export function courtFromHost(host: string): { court: Court; confidence: number } | undefined {
  if (!known) {
    known = new Map();
    for (const c of allCourts()) for (const h of c.hosts) known.set(bare(h), c);
  }
  const h = bare(host);
  const hit = known.get(h);
  if (hit) return { court: hit, confidence: 0.95 };
  if (!h.endsWith('uscourts.gov')) return undefined;
  const labels = h.split('.').slice(0, -2);
  for (const label of labels) {
    const court = getCourt(label);
    if (court && court.jurisdiction === 'federal') return { court, confidence: 0.8 };
  }
  for (const label of labels) {
    const court = getCourt(`${label}d`);
    if (court?.level === 'district') return { court, confidence: 0.7 };
  }
  return undefined;
}
