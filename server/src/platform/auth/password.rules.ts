/**
 * Password rules for staff and applicant accounts: 8–128 characters, at
 * least three of four classes (upper, lower, digit, symbol), not containing
 * the username. Returns the broken rules (Chinese and English), empty when fine.
 */
export function passwordProblems(password: string, username = ''): { zh: string; en: string }[] {
  const out: { zh: string; en: string }[] = [];
  if (password.length < 8) out.push({ zh: '长度至少 8 位', en: 'at least 8 characters' });
  if (password.length > 128) out.push({ zh: '长度不超过 128 位', en: 'at most 128 characters' });
  const classes = [/[A-Z]/, /[a-z]/, /\d/, /[^A-Za-z0-9]/].filter((r) => r.test(password)).length;
  if (classes < 3) out.push({ zh: '需包含大写字母、小写字母、数字、符号中的至少三类', en: 'at least three of: upper case, lower case, digit, symbol' });
  if (username.length >= 3 && password.toLowerCase().includes(username.toLowerCase()))
    out.push({ zh: '不能包含用户名', en: 'must not contain the username' });
  return out;
}
