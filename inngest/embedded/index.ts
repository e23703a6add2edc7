/**
 * The embedded Inngest-compatible executor: plays the Inngest dev server's role toward the
 * app's serve endpoint when no Inngest is configured (see ARCHITECTURE.md, "Inngest, embedded
 * and at scale"), keeping events, runs, step memos and timers in the app's database.
 */
export { startExecutor, type EmbeddedExecutor } from "./executor";
export type { ExecutorOptions } from "./options";
