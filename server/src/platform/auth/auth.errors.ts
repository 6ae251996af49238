import { defineErrors } from '../errors/index.ts';

export const AuthErrors = defineErrors('auth', {
  BAD_CREDENTIALS: { kind: 'unauthenticated', zh: '用户名或密码错误', en: 'Wrong username or password' },
  LOCKED: {
    kind: 'locked',
    zh: '连续登录失败次数过多，账号已锁定至 {until}',
    en: 'Too many failed sign-ins; the account is locked until {until}',
  },
  DISABLED: { kind: 'forbidden', zh: '账号已停用', en: 'This account is disabled' },
  THROTTLED: { kind: 'rate_limited', zh: '登录尝试过于频繁，请 {seconds} 秒后再试', en: 'Too many sign-in attempts; try again in {seconds} s' },
  WEAK_PASSWORD: { kind: 'invalid', zh: '密码不符合要求', en: 'The password does not meet the rules' },
  WRONG_CURRENT_PASSWORD: { kind: 'invalid', zh: '当前密码错误', en: 'The current password is wrong' },
  DUPLICATE_ACCOUNT: { kind: 'conflict', zh: '该{what}已注册', en: 'This {what} is already registered' },
});
