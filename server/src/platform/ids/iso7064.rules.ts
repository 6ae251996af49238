/**
 * ISO/IEC 7064 MOD 37,36 (GB/T 17710), the hybrid system for alphanumeric
 * strings with one alphanumeric check character.
 *
 * Alphabet `0-9A-Z`, value = index (0–35), M = 36.
 *   p = M
 *   for each character c:  s = (p + value(c)) mod M, with 0 read as M;  p = 2·s mod (M + 1)
 *   check = alphabet[(M + 1 − p) mod M]
 * A string with its check character appended is valid when the last s is 1.
 */
export const MOD37_36_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const M = 36;

function valueOf(ch: string, position: number): number {
  const code = ch.charCodeAt(0);
  if (ch.length === 1 && code >= 48 && code <= 57) return code - 48;
  if (ch.length === 1 && code >= 65 && code <= 90) return code - 55;
  throw new RangeError(`"${ch}" at position ${position} is not in the MOD 37,36 alphabet (0-9, A-Z)`);
}

/** The product p after running the hybrid recurrence over `input`. */
function run(input: string): { p: number; s: number } {
  let p = M;
  let s = M;
  for (let i = 0; i < input.length; i++) {
    s = (p + valueOf(input[i], i + 1)) % M || M;
    p = (s * 2) % (M + 1);
  }
  return { p, s };
}

/** The MOD 37,36 check character for `input` (upper-case 0-9A-Z; throws RangeError otherwise). */
export function mod37_36CheckChar(input: string): string {
  return MOD37_36_ALPHABET[(M + 1 - run(input).p) % M];
}

/** True when the last character of `withCheck` is the MOD 37,36 check of the rest. */
export function mod37_36IsValid(withCheck: string): boolean {
  if (!/^[0-9A-Z]+$/.test(withCheck)) return false;
  return run(withCheck).s === 1;
}
