import { Inngest } from "inngest";
import { env, useEmbeddedInngest } from "@/lib/config/env";

/**
 * The one Inngest client. In production it talks to Inngest Cloud (INNGEST_SIGNING_KEY /
 * INNGEST_EVENT_KEY) or a self-hosted server (INNGEST_BASE_URL); with INNGEST_DEV=1 to the official
 * dev server; the SDK reads those variables itself. With none of them set it talks to the
 * embedded executor that lib/boot.ts starts in-process (inngest/embedded): dev mode (no keys,
 * unsigned loopback calls) against its port.
 */
export const inngest = new Inngest({ id: "boekkoppeling", ...embeddedOptions() });

function embeddedOptions(): { isDev?: true; baseUrl?: string } {
  const e = env();
  if (!useEmbeddedInngest(e)) return {};
  return { isDev: true, baseUrl: `http://127.0.0.1:${e.INNGEST_EMBEDDED_PORT}` };
}
