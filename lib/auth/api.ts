import { NextResponse } from "next/server";
import { currentAccount, type AccountSession } from "./session";

/** Route-handler guard: 401 JSON without a session, else the handler with the account. */
export function withAccount<C>(handler: (req: Request, account: AccountSession, ctx: C) => Promise<Response>) {
  return async (req: Request, ctx: C) => {
    const account = await currentAccount();
    if (!account) return NextResponse.json({ error: "unauthenticated", message: "Log in first." }, { status: 401 });
    return handler(req, account, ctx);
  };
}

export const notFoundJson = () =>
  NextResponse.json({ error: "not_found", message: "No such integration in your account." }, { status: 404 });
