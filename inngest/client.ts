import { Inngest } from "inngest";
import { env, useEmbeddedInngest } from "@/lib/config/env";
import { embeddedClientOptions } from "./embedded/app-config";

/**
 * The one Inngest client. In production it talks to Inngest Cloud (INNGEST_SIGNING_KEY /
 * INNGEST_EVENT_KEY) or a self-hosted server (INNGEST_BASE_URL); with INNGEST_DEV=1 to the official
 * dev server; the SDK reads those variables itself. With none of them set it talks to the
 * embedded executor that lib/boot.ts starts in-process (inngest/embedded), which signs its
 * calls like Inngest Cloud so nobody else can run functions through /api/inngest.
 */
export const inngest = new Inngest({ id: "boekkoppeling", ...(useEmbeddedInngest(env()) ? embeddedClientOptions(env()) : {}) });
