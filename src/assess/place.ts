/**
 * Where the conduct occurred → state, district and circuit. The circuit decides which precedent controls
 * (doctrine.md §2.1) and is derived from the state or district per 28 U.S.C. § 41 (data/circuits.json) when not
 * given; a given circuit that contradicts the place is an error, not a silent choice.
 */
import { circuitOfState, getCourt, resolveCourt, stateFromName } from '../courts/index.js';

export type Fail = (field: string, message: string, hint?: string) => never;

const WORDS: Record<string, string> = {
  first: '1', second: '2', third: '3', fourth: '4', fifth: '5', sixth: '6', seventh: '7', eighth: '8', ninth: '9',
  tenth: '10', eleventh: '11',
};

/** `6`, `6th`, `Sixth`, `6th Cir.`, `ca6`, `CA6`, `dc`, `D.C. Cir.` → `6` / `dc`; undefined when unreadable. */
export function normalizeCircuit(v: string): string | undefined {
  const s = v.trim().toLowerCase().replace(/\s+circuit$|\s+cir\.?$/, '').replace(/\s+/g, ' ');
  if (/^(d\.?\s?c\.?|cadc|district of columbia)$/.test(s)) return 'dc';
  const m = /^(?:ca)?(\d{1,2})(?:st|nd|rd|th|d)?$/.exec(s);
  if (m && Number(m[1]) >= 1 && Number(m[1]) <= 11) return String(Number(m[1]));
  return WORDS[s];
}

export interface Place {
  state: string | null;
  district: string | null;
  circuit: string;
}

export function resolvePlace(state: unknown, district: unknown, circuit: unknown, fail: Fail): Place {
  let stateCode: string | null = null;
  let districtId: string | null = null;
  let fromPlace: string | undefined;
  if (state !== undefined && state !== null) {
    if (typeof state !== 'string') fail('state', 'state must be a name or postal code such as "Ohio" or "OH"');
    stateCode = stateFromName(state) ?? null;
    if (!stateCode) fail('state', `"${state}" is not a U.S. state, D.C. or territory`, 'Use a name ("Ohio") or postal code ("OH").');
    fromPlace = circuitOfState(stateCode);
    if (!fromPlace) {
      fail('state', `${stateCode} is not assigned to a circuit by 28 U.S.C. § 41 (handling UNVERIFIED)`, 'Give the circuit explicitly with circuit: and check the rule by hand.');
    }
  }
  if (district !== undefined && district !== null) {
    if (typeof district !== 'string') fail('district', 'district must be a court id or name such as "ohsd" or "S.D. Ohio"');
    const court = getCourt(district.trim().toLowerCase()) ?? resolveCourt(district)?.court;
    if (!court || court.level !== 'district') {
      fail('district', `"${district}" is not a federal district court`, 'Use a CourtListener id ("ohsd") or the Bluebook form ("S.D. Ohio").');
    }
    districtId = court.id;
    if (stateCode && court.state && court.state !== stateCode) {
      fail('district', `${court.citation} sits in ${court.state}, but state is ${stateCode}`);
    }
    stateCode ??= court.state;
    if (court.circuit) fromPlace = court.circuit;
  }
  let given: string | undefined;
  if (circuit !== undefined && circuit !== null) {
    given = normalizeCircuit(String(circuit));
    if (!given) fail('circuit', `"${String(circuit)}" is not a circuit`, 'Use 1 to 11 or dc (also "6th", "Sixth", "ca6").');
    if (fromPlace && given !== fromPlace) {
      fail('circuit', `circuit ${given} contradicts the place: ${districtId ?? stateCode} is in the ${fromPlace} circuit (28 U.S.C. § 41)`);
    }
  }
  const resolved = given ?? fromPlace;
  if (!resolved) fail('circuit', 'the incident needs a place: give state, district or circuit');
  return { state: stateCode, district: districtId, circuit: resolved };
}
