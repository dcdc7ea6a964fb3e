/** HTML character references: numeric (&#8212; &#x2014;) and the named ones that occur in court opinions. */
const NAMED: Record<string, number> = {
  amp: 38, lt: 60, gt: 62, quot: 34, apos: 39, nbsp: 0xa0, sect: 0xa7, para: 0xb6, copy: 0xa9, reg: 0xae,
  mdash: 0x2014, ndash: 0x2013, hyphen: 0x2010, shy: 0xad, lsquo: 0x2018, rsquo: 0x2019, ldquo: 0x201c,
  rdquo: 0x201d, sbquo: 0x201a, bdquo: 0x201e, hellip: 0x2026, middot: 0xb7, bull: 0x2022, deg: 0xb0,
  frac12: 0xbd, frac14: 0xbc, frac34: 0xbe, ensp: 0x2002, emsp: 0x2003, thinsp: 0x2009, zwsp: 0x200b,
  zwnj: 0x200c, zwj: 0x200d, laquo: 0xab, raquo: 0xbb, prime: 0x2032, Prime: 0x2033, times: 0xd7,
  aacute: 0xe1, eacute: 0xe9, iacute: 0xed, oacute: 0xf3, uacute: 0xfa, ntilde: 0xf1, uuml: 0xfc, ccedil: 0xe7,
  Aacute: 0xc1, Eacute: 0xc9, Iacute: 0xcd, Oacute: 0xd3, Uacute: 0xda, Ntilde: 0xd1, Uuml: 0xdc, Ccedil: 0xc7,
  agrave: 0xe0, egrave: 0xe8, ograve: 0xf2, acirc: 0xe2, ecirc: 0xea, ocirc: 0xf4, auml: 0xe4, ouml: 0xf6,
  Auml: 0xc4, Ouml: 0xd6, szlig: 0xdf, euro: 0x20ac, pound: 0xa3, cent: 0xa2, dollar: 36, percnt: 37,
};

export interface DecodedEntity {
  code: number;
  length: number;
}

/** Decodes the character reference starting at `amp` ('&'), or returns undefined when there is none. */
export function decodeEntity(s: string, amp: number): DecodedEntity | undefined {
  const limit = Math.min(s.length, amp + 12);
  let j = amp + 1;
  if (s.charCodeAt(j) === 35) {
    j++;
    const hex = s.charCodeAt(j) === 120 || s.charCodeAt(j) === 88;
    if (hex) j++;
    const start = j;
    while (j < limit && isDigitOf(s.charCodeAt(j), hex)) j++;
    if (j === start) return undefined;
    const code = parseInt(s.slice(start, j), hex ? 16 : 10);
    const length = (s.charCodeAt(j) === 59 ? j + 1 : j) - amp;
    // Invalid and control code points become U+FFFD, as browsers do.
    const safe = code > 0 && code <= 0xffff && !(code >= 0xd800 && code <= 0xdfff) ? code : 0xfffd;
    return { code: safe, length };
  }
  const start = j;
  while (j < limit && isAlnum(s.charCodeAt(j))) j++;
  if (s.charCodeAt(j) !== 59) return undefined;
  const code = NAMED[s.slice(start, j)];
  return code === undefined ? undefined : { code, length: j + 1 - amp };
}

function isDigitOf(c: number, hex: boolean): boolean {
  if (c >= 48 && c <= 57) return true;
  return hex && ((c >= 97 && c <= 102) || (c >= 65 && c <= 70));
}

function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}
