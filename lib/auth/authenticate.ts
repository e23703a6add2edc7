import type { Db } from "../db/client";
import { burnPasswordCheck, verifyPassword } from "../crypto/password";
import { lockedUntil, recordFailure, recordSuccess } from "./login-throttle";

export type AuthResult =
  | { ok: true; user: { id: string; email: string; name: string | null; accountId: string } }
  | { ok: false; reason: "invalid" | "throttled"; retryAt?: Date };

/** Email + password check with throttling; the one place a login is decided. */
export async function authenticate(db: Db, email: string, password: string, ip?: string): Promise<AuthResult> {
  const normalized = email.trim().toLowerCase();
  const retryAt = await lockedUntil(db, normalized, ip);
  if (retryAt) return { ok: false, reason: "throttled", retryAt };

  const user = await db.user.findUnique({ where: { email: normalized } });
  const valid = user ? await verifyPassword(password, user.passwordHash) : (await burnPasswordCheck(password), false);
  if (!user || !valid) {
    await recordFailure(db, normalized, ip);
    return { ok: false, reason: "invalid" };
  }
  await recordSuccess(db, normalized);
  await db.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, accountId: user.accountId } };
}
