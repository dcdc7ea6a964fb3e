/**
 * One entry point for "which court is this?": a CourtListener id, a full name, a citation parenthetical, a
 * download host or URL, or the caption at the top of an opinion. Cheaper and surer routes are tried first.
 */
import { courtFromCitationString } from './citation.js';
import { getCourt } from './data.js';
import { courtFromHost, hostOf } from './hosts.js';
import { courtFromCaption, courtFromName } from './names.js';
import type { ResolvedCourt } from './types.js';

/** A caption found this far into the text is still likely the opinion's own heading. */
const CAPTION_HEAD = 500;

export function resolveCourt(query: string): ResolvedCourt | undefined {
  const q = query.trim();
  if (!q) return undefined;
  const host = hostOf(q);
  if (host) {
    const hit = courtFromHost(host);
    return hit ? { court: hit.court, via: 'host', confidence: hit.confidence } : undefined;
  }
  if (!q.includes('\n') && q.length <= 200) {
    const byId = getCourt(q) ?? getCourt(q.toLowerCase());
    if (byId) return { court: byId, via: 'id', confidence: 1 };
    const byCitation = courtFromCitationString(q);
    if (byCitation) return { court: byCitation, via: 'citation', confidence: 0.9 };
    const byName = courtFromName(q);
    if (byName) return { court: byName, via: 'name', confidence: 0.95 };
  }
  const caption = courtFromCaption(q);
  if (!caption) return undefined;
  return { court: caption.court, via: 'caption', confidence: caption.offset < CAPTION_HEAD ? 0.8 : 0.6 };
}
