import type { StepRow } from "./store";

/** The memo value the SDK expects for a finished step (protocol brief §4.6). */
export function memoValue(row: StepRow): unknown {
  switch (row.op) {
    case "StepFailed":
      return { error: row.error };
    case "Sleep":
      return null;
    case "WaitForEvent":
      return row.data ?? null; // the matching event itself, or null on timeout
    case "InvokeFunction":
      return row.error ? { error: row.error } : { data: row.data ?? null };
    default:
      return { data: row.data ?? null };
  }
}

/** Ops that ride along with others and need no action from us (brief §4.4). */
export const LAZY_OPS = new Set(["DeferAdd", "DeferAbort"]);

/** sha1("complete"): the id the SDK gives RunComplete and terminal errors with lazy ops. */
export const COMPLETE_ID = "0737c22d3bfae812339732d14d8c7dbd6dc4e09c";

/** Pending ops that wait for something outside the run (an event, another run). */
export const EXTERNAL_WAITS = new Set(["WaitForEvent", "InvokeFunction"]);
