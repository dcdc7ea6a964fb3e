/** Small character helpers shared by the scanners. All work on char codes: no regex backtracking. */
export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

export function isUpper(c: number): boolean {
  return c >= 65 && c <= 90;
}

export function isLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0x24f);
}

export function isAlnum(c: number): boolean {
  return isDigit(c) || isLetter(c);
}

/** End of the run of digits starting at `i`. */
export function digitsEnd(text: string, i: number): number {
  let j = i;
  while (j < text.length && isDigit(text.charCodeAt(j))) j++;
  return j;
}

/** True when `text` has `word` at `i` and no letter follows it. */
export function wordAt(text: string, i: number, word: string): boolean {
  return text.startsWith(word, i) && !isLetter(text.charCodeAt(i + word.length));
}

/** Runs a sticky regex at `i`, returning the match or null. Patterns passed here must be anchored-safe. */
export function stickyAt(re: RegExp, text: string, i: number): RegExpExecArray | null {
  re.lastIndex = i;
  return re.exec(text);
}
