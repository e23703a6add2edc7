import { Inngest } from "inngest";

/**
 * The one Inngest client. In production it talks to Inngest Cloud (INNGEST_SIGNING_KEY /
 * INNGEST_EVENT_KEY) or a self-hosted server (INNGEST_BASE_URL); with INNGEST_DEV=1 to the official
 * dev server; otherwise to the embedded executor, which instrumentation.ts points INNGEST_DEV at
 * before anything creates this client.
 */
export const inngest = new Inngest({ id: "boekkoppeling" });
