import fs from "node:fs";
import { Session } from "node:inspector/promises";
import path from "node:path";

/**
 * With CPU_PROFILE_DIR set, SIGUSR2 starts a CPU profile of the server's main thread and the next
 * SIGUSR2 writes it there (open it in Chrome DevTools). For finding where the time goes under a
 * real load, without restarting the server or depending on how it is stopped.
 */
export function profileOnSignal(dir: string): void {
  let session: Session | undefined;
  process.on("SIGUSR2", () => void toggle().catch((err) => console.error("[cpu-profile] failed:", err)));

  async function toggle() {
    if (!session) {
      session = new Session();
      session.connect();
      await session.post("Profiler.enable");
      await session.post("Profiler.start");
      console.info("[cpu-profile] started");
      return;
    }
    const { profile } = await session.post("Profiler.stop");
    session.disconnect();
    session = undefined;
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `server-${process.pid}-${Date.now()}.cpuprofile`);
    fs.writeFileSync(file, JSON.stringify(profile));
    console.info(`[cpu-profile] written to ${file}`);
  }
}
