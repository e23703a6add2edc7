import type { NextRequest } from "next/server";
import { readOnlyGuard } from "@/lib/auth/read-only-guard";

/** Runs before every route: the read-only choke point of "view as merchant" (lib/auth/read-only-guard.ts). */
export function proxy(req: NextRequest) {
  return readOnlyGuard(req);
}

export const config = { matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"] };
