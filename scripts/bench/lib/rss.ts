// Resident memory of a process tree, sampled from /proc (Linux): the server and every child it starts.
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
  const children = childrenOf();
  let kb = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    kb += rssKb(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return kb / 1024;
}

/** Samples the tree every `everyMs` until stopped; returns peak and mean. */
export function sampleRss(root: number, everyMs = 500) {
  const samples: number[] = [];
  const take = () => { const mb = treeRssMb(root); if (mb > 0) samples.push(mb); };
  take();
  const timer = setInterval(take, everyMs);
  return {
    stop(): { peakMb: number; meanMb: number; samples: number } {
      clearInterval(timer);
      take();
      const peak = samples.length ? Math.max(...samples) : 0;
      const mean = samples.length ? samples.reduce((a, b) => a + b, 0) / samples.length : 0;
      return { peakMb: Math.round(peak), meanMb: Math.round(mean), samples: samples.length };
    },
  };
}
