import { randomBytes } from "node:crypto";
import { OPERATOR_ROLE } from "../auth/operator";
import { hashPassword } from "../crypto/password";
import type { Db } from "../db/client";

/** Our own account that every operator login belongs to (never a merchant's). */
export const SUPPORT_ACCOUNT_NAME = "Boekkoppeling support";

/** The sandbox-mode operator login the demo seed creates (lib/demo/seed-demo.ts). */
export const DEMO_OPERATOR = { email: "operator@example.com", password: "operator", name: "Demo operator" } as const;

/** A password for a new operator: 24 characters from 18 random bytes. */
export const generatePassword = () => randomBytes(18).toString("base64url");

export type CreateOperatorResult = { status: "created" | "password-reset"; userId: string } | { status: "not-an-operator" };

/**
 * Creates an operator login in the support account (made on first use), or gives an existing
 * operator a new password. An address that belongs to a merchant is refused: a merchant's login
 * never silently becomes an operator.
 */
export async function createOperator(db: Db, input: { email: string; password: string; name?: string }): Promise<CreateOperatorResult> {
  const email = input.email.trim().toLowerCase();
  const passwordHash = await hashPassword(input.password);
  const existing = await db.user.findUnique({ where: { email }, select: { id: true, role: true } });
  if (existing) {
    if (existing.role !== OPERATOR_ROLE) return { status: "not-an-operator" };
    await db.user.update({ where: { id: existing.id }, data: { passwordHash } });
    return { status: "password-reset", userId: existing.id };
  }
  const account =
    (await db.account.findFirst({ where: { name: SUPPORT_ACCOUNT_NAME, users: { some: { role: OPERATOR_ROLE } } }, select: { id: true } })) ??
    (await db.account.create({ data: { name: SUPPORT_ACCOUNT_NAME }, select: { id: true } }));
  const user = await db.user.create({ data: { accountId: account.id, email, name: input.name ?? null, role: OPERATOR_ROLE, passwordHash }, select: { id: true } });
  return { status: "created", userId: user.id };
}

/** The demo operator (sandbox mode only): created once, left as it is afterwards. */
export async function seedDemoOperator(db: Db): Promise<boolean> {
  if (await db.user.findUnique({ where: { email: DEMO_OPERATOR.email }, select: { id: true } })) return false;
  await createOperator(db, DEMO_OPERATOR);
  return true;
}
