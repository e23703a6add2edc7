import { serve } from "inngest/next";
import { inngest } from "@/inngest/client";
import { functions } from "@/inngest/functions";
import { withSecurityHeaders } from "@/lib/security/headers";

const handlers = serve({ client: inngest, functions });

// proxy.ts skips this endpoint (see its matcher): the security headers are set here.
export const GET = withSecurityHeaders(handlers.GET);
export const POST = withSecurityHeaders(handlers.POST);
export const PUT = withSecurityHeaders(handlers.PUT);
