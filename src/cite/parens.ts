/**
 * Matching parentheses for the whole text in one pass with a stack, so that reading a parenthetical after a
 * citation is a lookup, not a scan (a text of a million unclosed "(" stays linear).
 */
const MAX_SPAN = 4000; // A parenthetical longer than this is not an explanatory parenthetical.
const MAX_DEPTH = 64;
const PAREN = /[()]/g;

/** Map from the offset of each "(" to the offset of its matching ")". Unmatched ones are absent. */
export function matchParens(text: string): Map<number, number> {
  const result = new Map<number, number>();
  const stack: number[] = [];
  let from = text.indexOf('(');
  if (from < 0) return result;
  // A native search jumps from one parenthesis to the next instead of reading every character in between.
  PAREN.lastIndex = from;
  while (PAREN.test(text)) {
    const i = PAREN.lastIndex - 1;
    const c = text.charCodeAt(i);
    if (c === 40) {
      if (stack.length >= MAX_DEPTH) stack.splice(0, stack.length - MAX_DEPTH + 1);
      stack.push(i);
    } else if (c === 41) {
      const open = stack.pop();
      if (open !== undefined && i - open <= MAX_SPAN) result.set(open, i);
    }
  }
  return result;
}
