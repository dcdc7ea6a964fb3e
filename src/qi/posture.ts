/**
 * Procedural posture of the QI ruling (doctrine.md §1.3, §1.6): motion to dismiss, summary judgment, interlocutory
 * appeal of a denial (Mitchell v. Forsyth), or after trial (Rule 50; Ortiz v. Jordan). Scored where posture is
 * stated — the opening procedural history and the QI discussion — with the rest of the opinion counting little.
 */
import type { Posture } from './types.js';
import { compileRows, readLexicon, type PatternRow } from './lexicon.js';
import { within, type PreparedText } from './text.js';
import { majoritySentences, type QiDiscussion, type Stance } from './holdings.js';

interface PostureRow extends PatternRow {
  posture: Exclude<Posture, 'other'>;
}

let rows: ReturnType<typeof compileRows<PostureRow>> | undefined;

export function decidePosture(p: PreparedText, qi: QiDiscussion, below: Stance | null): Posture | null {
  rows ??= compileRows('lexicon-posture.json', readLexicon<{ version: string; rows: PostureRow[] }>('lexicon-posture.json').rows);
  const score: Record<PostureRow['posture'], number> = { interlocutory_appeal: 0, post_trial: 0, summary_judgment: 0, motion_to_dismiss: 0 };
  const sentences = majoritySentences(p);
  const opening = Math.ceil(sentences.length * 0.15);
  sentences.forEach((s, i) => {
    const where = i < opening || qi.region.has(s.index) ? 1 : 0.2;
    for (const c of rows!) {
      c.re.lastIndex = 0;
      for (let m = c.re.exec(s.text); m; m = c.re.exec(s.text)) {
        if (within(p.citationSpans, s.start + m.index, s.start + m.index + m[0].length)) continue;
        score[c.row.posture] += where * (c.row.weight ?? 1);
      }
    }
  });
  // An appeal of a QI denial before final judgment is the interlocutory posture, whatever motion was denied; an
  // appeal from a grant is not interlocutory even if the opinion discusses Mitchell v. Forsyth.
  if (score.interlocutory_appeal >= 2 && below !== 'grant') return 'interlocutory_appeal';
  if (score.post_trial >= 1.5) return 'post_trial';
  if (score.summary_judgment === 0 && score.motion_to_dismiss === 0) return null;
  return score.motion_to_dismiss > score.summary_judgment ? 'motion_to_dismiss' : 'summary_judgment';
}
