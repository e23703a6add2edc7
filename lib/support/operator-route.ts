import { NextResponse } from "next/server";
import { isOperator } from "../auth/operator";
import { signedInUser, type AccountSession } from "../auth/session";
import { db } from "../db/client";

/**
 * Route-handler guard of the operator area: the signed-in user (never a viewed merchant) must have
 * the operator role, in every mode. Anyone else gets the same 404 as for a page that does not exist.
 */
export function withOperator<C>(handler: (req: Request, operator: AccountSession, ctx: C) => Promise<Response>) {
  return async (req: Request, ctx: C) => {
    const user = await signedInUser();
    if (!user || !(await isOperator(db(), user.userId))) return NextResponse.json({ error: "not_found", message: "Not found." }, { status: 404 });
    return handler(req, user, ctx);
  };
}
