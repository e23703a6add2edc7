// Resident memory and CPU time of a process tree, sampled from /proc (Linux): the server and every
// child it starts.
import fs from "node:fs";

function childrenOf(): Map<number, number[]> {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      // Field 4 (ppid) comes after the command name, which is in parentheses and may hold spaces.
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(entry));
      children.set(ppid, list);
    } catch { /* exited meanwhile */ }
  }
  return children;
}

function descendants(root: number): number[] {
  const children = childrenOf();
  const out: number[] = [];
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    out.push(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return out;
}

/** User + system CPU seconds of the tree's live processes (fields 14 and 15 of /proc/<pid>/stat, at 100 ticks/s). */
export function treeCpuSeconds(root: number): number {
  let ticks = 0;
  for (const pid of descendants(root)) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch { /* exited meanwhile */ }
  }
  return ticks / 100;
}

function rssKb(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

/** Sum of VmRSS over `root` and its descendants, in MB. */
export function treeRssMb(root: number): number {
  return descendants(root).reduce((kb, pid) => kb + rssKb(pid), 0) / 1024;
}

/** Samples the tree every `everyMs` until stopped; returns peak and mean RSS, and the CPU seconds used meanwhile. */
export function sampleRss(root: number, everyMs = 500) {
  const samples: number[] = [];
  const cpuAtStart = treeCpuSeconds(root);
  const take = () => { const mb = treeRssMb(root); if (mb > 0) samples.push(mb); };
  take();
  const timer = setInterval(take, everyMs);
  return {
    stop(): { peakMb: number; meanMb: number; samples: number; cpuSeconds: number } {
      clearInterval(timer);
      take();
      const peak = samples.length ? Math.max(...samples) : 0;
      const mean = samples.length ? samples.reduce((a, b) => a + b, 0) / samples.length : 0;
      return { peakMb: Math.round(peak), meanMb: Math.round(mean), samples: samples.length, cpuSeconds: Number((treeCpuSeconds(root) - cpuAtStart).toFixed(1)) };
    },
  };
}
