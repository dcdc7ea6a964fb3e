/**
 * Case metadata recovered from an opinion that arrived without it (a CourtListener opinion object with no cluster,
 * a loose PDF): case name, court, decision date, docket number and precedential status, each recorded in
 * `inferred` with how it was found and how sure that is, so nothing inferred passes for something stated.
 */
import { getCourt, resolveCourt } from '../../courts/index.js';
import type { Inference, PrecedentialStatus } from '../../store/index.js';
import { caseName, caseWord, learnForms, wordKey, type CaseGuide } from './casing.js';
import { decodeEntities } from '../html-text.js';
import { findDecisionDate } from './dates.js';
import { findDocket } from './docket.js';
import { captionName, orgWord, readCaption, shortParty } from './parties.js';
import { foreign, sameParty, spelledOut, spellsOutSome } from './same-party.js';
import { captionSide } from './sides.js';
import { readSlug, slugOf } from './slug.js';
import { inferStatus } from './status.js';
import { brokenInCaption, initialsOf, wordsOf } from './word-forms.js';

export interface InferInput {
  /** The opinion text with its line breaks (plain text, or HTML turned into lines). */
  text: string;
  absolute_url?: string | null;
  download_url?: string | null;
  /** CourtListener's stored file path, `pdf/2013/08/01/name.pdf`: the date it filed the document under. */
  local_path?: string | null;
}

export interface InferredMeta {
  case_name: string | null;
  court_id: string | null;
  circuit: string | null;
  decision_date: string | null;
  docket_number: string | null;
  precedential_status: PrecedentialStatus | null;
  inferred: Record<string, Inference>;
}

export function inferCaseMeta(raw: InferInput): InferredMeta {
  // Some sources' plain text still carries HTML entities ("&amp;"); names and dates are read from decoded text.
  const input = raw.text.includes('&') ? { ...raw, text: decodeEntities(raw.text) } : raw;
  const inferred: Record<string, Inference> = {};
  const out: InferredMeta = {
    case_name: null, court_id: null, circuit: null, decision_date: null, docket_number: null,
    precedential_status: null, inferred,
  };
  const name = inferName(input);
  if (name) { out.case_name = name.value; inferred.case_name = { method: name.method, confidence: name.confidence }; }

  const court = inferCourt(input);
  if (court) {
    out.court_id = court.id;
    out.circuit = getCourt(court.id)?.circuit ?? null;
    inferred.court_id = { method: court.method, confidence: court.confidence };
  }

  const date = findDecisionDate(input.text);
  const filedUnder = /(?:^|\/)(\d{4})\/(\d{2})\/(\d{2})\//.exec(input.local_path ?? '');
  if (date) {
    out.decision_date = date.date;
    const agrees = filedUnder && `${filedUnder[1]}-${filedUnder[2]}-${filedUnder[3]}` === date.date;
    inferred.decision_date = { method: date.method + (agrees ? '; agrees with the source file path' : ''), confidence: agrees ? 0.99 : date.confidence };
  } else if (filedUnder) {
    out.decision_date = `${filedUnder[1]}-${filedUnder[2]}-${filedUnder[3]}`;
    inferred.decision_date = { method: 'source file path date (local_path)', confidence: 0.8 };
  }

  const docket = findDocket(input.text);
  if (docket) { out.docket_number = docket; inferred.docket_number = { method: 'text: "No." line in the caption', confidence: 0.9 }; }

  const level = court ? getCourt(court.id)?.level : undefined;
  const status = inferStatus(input.text, input.download_url, level === 'appellate' || level === 'supreme');
  if (status) {
    out.precedential_status = status.status;
    inferred.precedential_status = { method: status.method, confidence: status.confidence };
  }
  return out;
}

interface Found { value: string; method: string; confidence: number }

function inferCourt(input: InferInput): { id: string; method: string; confidence: number } | undefined {
  const byHost = input.download_url ? resolveCourt(input.download_url) : undefined;
  const byCaption = resolveCourt(input.text.slice(0, 2000));
  const caption = byCaption?.via === 'caption' ? byCaption : undefined;
  if (byHost && caption && byHost.court.id === caption.court.id) {
    return { id: byHost.court.id, method: 'download host and caption agree', confidence: 0.99 };
  }
  if (byHost) return { id: byHost.court.id, method: `download host (${new URL(input.download_url!).hostname})`, confidence: byHost.confidence };
  if (caption) return { id: caption.court.id, method: 'court named in the caption', confidence: caption.confidence };
  return undefined;
}

function inferName(input: InferInput): Found | undefined {
  const guide = learnForms(input.text);
  const joinCompounds = (words: string[]): string[] => joinHyphenated(words, guide);
  let caption = readCaption(input.text);
  const fromCaption = caption && caption.first.length ? captionName(caption, guide) : undefined;
  const slug = slugOf(input.absolute_url);
  // Possessives are the name itself: "Tapia's" teaches "tapia", never "tapias".
  const known = new Set(input.text.slice(0, 20_000).split(/[^A-Za-z0-9\u00c0-\u024f'’]+/).map((w) => wordKey(w.replace(/['’]s?$/, ''))).filter(Boolean));
  // A slug word whose letter the text lost ("nunez" over NU EZ) is a word of the text.
  for (const w of slug?.split('-') ?? []) if (!known.has(w) && caption && [caption.first, caption.second].some((side) => brokenInCaption(w, side))) known.add(w);
  const parsed = slug ? readSlug(slug, known) : undefined;
  // A slug that spelled out the whole caption, or lost words, is second to a caption read from the text.
  const captionWhole = caption && (caption.inRe || caption.second.length > 0) && fromCaption;
  // A slug with a side whose words the text never uses names some other case (CourtListener attached another
  // case's name, "wilson-v-state-of-nh" over KOWAL v. REICH) or misspells a one-word side ("tapias" for TAPIA): the
  // caption read from the text names this one. (A slug word that is the initials of a caption party is known.)
  const slugKnown = new Set([...known, ...[caption?.first ?? [], caption?.second ?? []].flatMap(initialsOf)]);
  if (parsed && captionWhole && (foreign(parsed.first, slugKnown) || foreign(parsed.second, slugKnown))) {
    return { value: fromCaption, method: 'text: parties in the caption (URL slug names words the text never uses)', confidence: 0.8 };
  }
  // Neither side of the slug shares a word with the caption's party on that side ("municipality-v-banco" over FEDERAL
  // DEPOSIT INSURANCE CORPORATION v. SHEARSON-AMERICAN EXPRESS, INC.): CourtListener named other parties (an
  // intervenor, a consolidated case) and the caption names this one.
  if (parsed && caption && captionWhole && !parsed.inRe && !caption.inRe && parsed.second.length &&
    !caption.oneLine && !sharesWord(parsed.first, caption.first) && !sharesWord(parsed.second, caption.second)) {
    return { value: fromCaption, method: 'text: parties in the caption (URL slug names other parties)', confidence: 0.75 };
  }
  if (parsed && parsed.fullCaption && captionWhole) {
    return { value: fromCaption, method: 'text: parties in the caption (URL slug incomplete)', confidence: 0.85 };
  }
  // A slug naming two sides over an in re caption names the parties captioned under the in re line.
  if (parsed && !parsed.inRe && parsed.second.length && caption?.inRe && caption.adversary) caption = caption.adversary;
  // The slug names the caption's parties the other way round ("durfee-v-newport" over NEWPORT PLAZA ASSOCIATES v.
  // DURFEE ATTLEBORO BANK): the caption's order is the case's.
  if (parsed && caption && !parsed.inRe && !caption.inRe && parsed.second.length && caption.first.length && caption.second.length &&
    sharesWord(parsed.first, caption.second) && sharesWord(parsed.second, caption.first) &&
    !sharesWord(parsed.first, caption.first) && !sharesWord(parsed.second, caption.second)) {
    return { value: `${caseName(shortParty(caption.first), guide)} v. ${caseName(shortParty(caption.second), guide)}`, method: 'text: parties in the caption (URL slug names them the other way round)', confidence: 0.8 };
  }
  if (parsed) {
    const head = input.text.slice(0, 2500);
    // The caption's lines: the heading up to the line that ends the parties ("APPEAL FROM …", "ON PETITION …").
    const end = /^[ \t]*(?:APPEALS?\s+FROM|ON\s+APPEAL|ON\s+PETITIONS?|PETITIONS?\s+FOR|Before\b|\[Hon)/im.exec(head)?.index ?? head.length;
    const ctx = { known, head: new Set(wordsOf([head])), parties: new Set(wordsOf([head.slice(0, end)])), acronyms: guide.acronyms };
    const inRe = parsed.inRe || !!caption?.inRe;
    // A one-word slug side that is the first part of a compound surname the caption's lines print, and only there
    // ("cotto" for the claimant DOMINGO COTTO-GARCIA): the surname whole.
    const partyLines = head.slice(0, end);
    const compoundOf = (words: string[]): string[] => {
      if (words.length !== 1 || !/^[a-z]{3,}$/.test(words[0]!)) return words;
      const found = new Set([...partyLines.matchAll(new RegExp(String.raw`(?<![\w-])${words[0]}-[A-Za-z\u00c0-\u024f]{2,}(?![\w-])`, 'gi'))].map((m) => m[0].toUpperCase()));
      const alone = new RegExp(String.raw`(?<![\w-])${words[0]}(?![\w-])`, 'i').test(partyLines);
      return found.size === 1 && !alone ? [...found] : words;
    };
    const side = (words: string[]): string => caseName(joinCompounds(parsed.fullCaption ? shortParty(words) : compoundOf(words)), guide);
    const better = (slugWords: string[], captionWords: string[] | undefined, laterAllowed = false, block?: string): string | undefined => {
      const words = inRe ? undefined : captionSide(slugWords, captionWords, ctx, laterAllowed, block);
      return words ? caseName(words, guide) : undefined;
    };
    // The first side may name a later party of the caption too ("boj-xum-v-holder" for ISAIAS ROE, ISABEL BOJ XUM v.
    // HOLDER) when the slug's second side is the caption's second party.
    const secondAgrees = !!caption?.second.length && parsed.second.length > 0 && wordsOf(caption.second).includes(wordKey(parsed.second[parsed.second.length - 1]!));
    const firstFromCaption = better(parsed.first, caption?.first, secondAgrees, caption?.firstBlock);
    let first = firstFromCaption ?? side(parsed.first);
    if (parsed.trimmed && caption && !inRe && caption.second.length) {
      // A cut-off slug: the caption completes the side that was cut when it begins with the slug's words.
      const keys = (w: string[]): string => w.map(wordKey).join(' ');
      const cutSide = parsed.second.length ? parsed.second : parsed.first;
      const fromText = parsed.second.length ? caption.second : caption.first;
      if (keys(fromText).startsWith(keys(cutSide))) {
        const a = parsed.second.length ? first : caseName(joinCompounds(shortParty(fromText)), guide);
        const b = caseName(joinCompounds(shortParty(parsed.second.length ? fromText : caption.second)), guide);
        return { value: `${a} v. ${b}`, method: 'URL slug (cut off) completed from the caption', confidence: 0.9 };
      }
    }
    // Only when the slug's first side is the caption's first party is its second side compared with later parties.
    // (The slug's last word may shorten the caption's: "inc" for INCORPORATED.)
    const lastOfFirst = wordKey(parsed.first[parsed.first.length - 1] ?? '');
    const firstAgrees = !!caption?.first.length && parsed.first.length > 0 &&
      wordsOf(caption.first).some((h) => h === lastOfFirst || (lastOfFirst.length >= 3 && h.startsWith(lastOfFirst)));
    let name: string;
    // "in-re-trustees-v" over IN RE TRUSTEES OF BOSTON UNIVERSITY, "in-re-grand-jury-v-doe" over IN RE: GRAND JURY
    // PROCEEDINGS: the slug stops where the caption's name goes on (with "of" or "for", or only with words that name
    // bodies and proceedings, not people), so the slug was cut inside the name.
    const inReWords = caption?.inRe ? wordsOf(caption.first) : [];
    const slugKeys = parsed.first.map(wordKey);
    const thingWords = inReWords.slice(slugKeys.length).every((w) => orgWord(w));
    // "in-re-usa-v-fleet-bank" over IN RE: UNITED STATES OF AMERICA, EX REL. ROE AND COMPANY: the relator is part of
    // the in re party's name.
    const exRel = inReWords[slugKeys.length] === 'ex' && inReWords[slugKeys.length + 1] === 'rel';
    const inReWhole = parsed.inRe && inReWords.length > slugKeys.length && slugKeys.every((w, i) => inReWords[i] === w) &&
      (/^(?:of|for|de|del)$/.test(inReWords[slugKeys.length]!) || thingWords || exRel) && (slugKeys.join(' ') !== 'united states' || exRel);
    // A slug without "in re" whose words begin the caption's in re name ("grand-jury-v" over IN RE GRAND JURY
    // PROCEEDINGS): the in re name.
    const inReUnsaid = !parsed.inRe && !parsed.second.length && !!caption?.inRe && inReWords.length > slugKeys.length && slugKeys.every((w, i) => inReWords[i] === w);
    if (inReUnsaid) name = `In re ${caseName(caption!.first, guide)}`;
    else if (parsed.inRe) name = `In re ${inReWhole ? caseName(caption!.first, guide) : first}`;
    else if (parsed.second.length) {
      const secondFromCaption = better(parsed.second, caption?.second, firstAgrees, caption?.secondBlock);
      let second = secondFromCaption ?? side(parsed.second);
      // One side taken from the caption in full, the other the slug's abbreviation of its caption party ("Hartford
      // Fire Ins Co. v. CNA Insurance Company (Europe) Limited"): both sides are named as the caption spells them.
      const spelt = (slugWords: string[], words: string[] | undefined): string | undefined =>
        words?.length && spelledOut(slugWords, shortParty(words)) ? caseName(shortParty(words), guide) : undefined;
      const spelledFrom = (slugWords: string[], words: string[] | undefined, taken: string | undefined): boolean =>
        !!taken && !inRe && !!words && spellsOutSome(slugWords, words);
      if (!firstFromCaption && spelledFrom(parsed.second, caption?.second, secondFromCaption)) first = spelt(parsed.first, caption?.first) ?? first;
      if (!secondFromCaption && spelledFrom(parsed.first, caption?.first, firstFromCaption)) second = spelt(parsed.second, caption?.second) ?? second;
      // One side named as the caption names it, the other the slug's shorter form of the same party ("co" for
      // COMPANY, INC.; a person's given name kept): both sides are named from the caption, in one style.
      const alike = (slugWords: string[], words: string[] | undefined): string | undefined => {
        if (inRe || !words?.length || !sameParty(slugWords, words)) return undefined;
        const short = shortParty(words);
        // Not down to an initial ("KIMBERLY F.", a minor named so): the slug's name is the fuller one.
        const same = wordsOf(short).join(' ') === slugWords.map(wordKey).join(' ');
        return same || wordsOf(short).join('').length < 2 ? undefined : caseName(joinCompounds(short), guide);
      };
      if (secondFromCaption && !firstFromCaption) first = alike(parsed.first, caption?.first) ?? first;
      else if (firstFromCaption && !secondFromCaption) second = alike(parsed.second, caption?.second) ?? second;
      // A slug side that abbreviates words the caption spells out ("mennonite-general-hosp-inc" for MENNONITE GENERAL
      // HOSPITAL, INC.) is named as the caption spells it.
      else if (!firstFromCaption && !secondFromCaption) {
        // (Only when the other side is then in the caption's words too: not "… Company v. ASCAP".)
        const spelled = (slugWords: string[], words: string[] | undefined): string | undefined =>
          words?.length && spellsOutSome(slugWords, words) ? alike(slugWords, words) : undefined;
        const plain = (slugWords: string[], words: string[] | undefined): boolean => !!words?.length && slugWords.every((w) => wordsOf(words).includes(wordKey(w)));
        const a = spelled(parsed.first, caption?.first);
        const b = spelled(parsed.second, caption?.second);
        if (a && (b || plain(parsed.second, caption?.second))) first = a;
        if (b && (a || plain(parsed.first, caption?.first))) second = b;
      }
      name = `${first} v. ${second}`;
    }
    else if (caption?.second.length) name = `${first} v. ${caseName(shortParty(caption.second), guide)}`;
    else name = first;
    const agrees = fromCaption !== undefined && sameFirstWord(fromCaption, name);
    return {
      value: name,
      method: `URL slug, cased from the text${agrees ? '; agrees with the caption' : ''}`,
      confidence: agrees ? 0.97 : parsed.second.length || parsed.inRe ? 0.85 : 0.75,
    };
  }
  if (fromCaption) return { value: fromCaption, method: 'text: parties in the caption', confidence: caption!.second.length || caption!.inRe ? 0.8 : 0.6 };
  return undefined;
}

/** Slug words the text writes as one hyphenated name (`cortes reyes` → `Cortes-Reyes`). */
function joinHyphenated(words: string[], guide: CaseGuide): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const compound = guide.compounds.get(wordKey(words[i]!))?.find((c) => {
      const parts = c.split('-');
      return parts.length > 1 && parts.every((p, k) => wordKey(p) === wordKey(words[i + k] ?? ''));
    });
    if (compound) {
      out.push(compound.split('-').map((p) => caseWord(p, guide, false)).join('-'));
      i += compound.split('-').length - 1;
    } else out.push(words[i]!);
  }
  return out;
}

/** A slug side and a caption party share a word of three letters or more, by start or initials ("fdic"). */
function sharesWord(slugWords: string[], captionWords: string[]): boolean {
  const have = wordsOf(captionWords);
  const initials = initialsOf(captionWords);
  return slugWords.map(wordKey).some((w) => initials.includes(w) || (w.length >= 2 && have.some((h) => h === w || (w.length >= 3 && (h.startsWith(w) || w.startsWith(h))))));
}

/** The two names start with the same party (compared by its last word, which survives shortening). */
function sameFirstWord(a: string, b: string): boolean {
  const side = (s: string): string => wordKey(s.split(' v. ')[0]!.split(' ').pop() ?? '');
  return side(a) !== '' && side(a) === side(b);
}
