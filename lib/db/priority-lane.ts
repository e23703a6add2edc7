import { AsyncLocalStorage } from "node:async_hooks";
import { PriorityLock as Lock } from "./priority-lock.mjs";

/**
 * The embedded database runs one statement (or transaction) at a time. Work someone is waiting on
 * right now, a shop's webhook acknowledgement above all, goes to the front of that one line, ahead
 * of background work (the executor's runs); within each lane the order of arrival is kept.
 * PostgreSQL runs statements side by side and needs none of this.
 */
const lane = new AsyncLocalStorage<"urgent">();

let urgentInFlight = 0;
let calmWaiters: (() => void)[] = [];

/** Runs `fn` with its database statements in the urgent lane (the async context carries it). */
export async function urgently<T>(fn: () => Promise<T>): Promise<T> {
  urgentInFlight++;
  try {
    return await lane.run("urgent", fn);
  } finally {
    if (--urgentInFlight === 0) for (const resume of calmWaiters.splice(0)) resume();
  }
}

/**
 * For background work between two of its steps: resolves once no urgent work is in flight, so
 * that a flood of webhooks gets the process's one thread first. After `maxWaitMs` it resolves
 * anyway: under a steady stream, background work must still move.
 */
export function whenCalm(maxWaitMs = 1_000): Promise<void> {
  if (urgentInFlight === 0) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      calmWaiters = calmWaiters.filter((w) => w !== done);
      resolve();
    }, maxWaitMs);
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    calmWaiters.push(done);
  });
}

/** Runs `fn` back in the ordinary lane, e.g. background work started from an urgent request. */
export const inBackground = <T>(fn: () => T): T => lane.exit(fn);

/** Whether the caller runs in the urgent lane. */
export const isUrgent = () => lane.getStore() === "urgent";

/** A mutex whose waiters in the urgent lane (by default: the caller's) are let in before the ordinary ones. */
export class PriorityLock extends Lock {
  override run<T>(fn: () => Promise<T>, urgent = isUrgent()): Promise<T> {
    return super.run(fn, urgent);
  }
}
