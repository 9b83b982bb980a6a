/**
 * What an account's name, e-mail and password may be, and the keys names are compared by; pure (no I/O).
 * Names are unique case-insensitively and across full/half width: `Zhang` and `ｚｈａｎｇ` are one account.
 */

export const NAME_MIN = 2;
export const NAME_MAX = 32;
export const PASSWORD_MIN = 8;
/** Argon2 takes any length; a cap keeps one request from hashing megabytes. */
export const PASSWORD_MAX = 256;
export const EMAIL_MAX = 254;

/** The key a user name (or e-mail) is looked up and kept unique by. */
export function loginKey(value: string): string {
  return value.normalize('NFKC').trim().toLowerCase();
}

/** True when `value` reads as an e-mail address (a login may be a name or an e-mail). */
export function looksLikeEmail(value: string): boolean {
  return value.includes('@');
}

/** Why a user name is refused (Chinese, for the form), or null when it is fine. */
export function nameProblem(name: string): string | null {
  const n = name.normalize('NFKC').trim();
  if (n.length < NAME_MIN || n.length > NAME_MAX) return `用户名应为 ${NAME_MIN} 到 ${NAME_MAX} 个字符`;
  // Letters of any script (汉字 too), digits, _ - . ; no spaces, no @ (that is for e-mails), no markup.
  if (!/^[\p{L}\p{N}_.-]+$/u.test(n)) return '用户名只能包含文字、字母、数字和 _ - .';
  return null;
}

/** Why an e-mail address is refused, or null when it is fine. */
export function emailProblem(email: string): string | null {
  const e = email.trim();
  if (e.length > EMAIL_MAX || !/^[^\s@<>"']+@[^\s@<>"']+\.[^\s@<>"']+$/.test(e)) return '电子邮箱格式不正确';
  return null;
}

/** Why a new password is refused, or null when it is fine. */
export function passwordProblem(password: string): string | null {
  if (password.length < PASSWORD_MIN) return `密码至少 ${PASSWORD_MIN} 个字符`;
  if (password.length > PASSWORD_MAX) return `密码最多 ${PASSWORD_MAX} 个字符`;
  return null;
}
