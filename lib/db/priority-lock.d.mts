/** A mutex whose urgent waiters are let in before the ordinary ones (priority-lock.mjs). */
export declare class PriorityLock {
  run<T>(fn: () => Promise<T>, urgent: boolean): Promise<T>;
  get queued(): { urgent: number; ordinary: number };
}
