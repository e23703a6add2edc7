import Link from "next/link";
import { notFound } from "next/navigation";
import { db } from "@/lib/db/client";
import { errorMessage, getRun } from "@/inngest/embedded/queries";
import { requireOperator } from "../../access";
import { StatusBadge } from "../status-badge";

type Props = { params: Promise<{ runId: string }> };

const time = (d: Date | null) => (d ? d.toISOString().replace("T", " ").slice(0, 23) : "—");

function Json({ value }: { value: unknown }) {
  const text = JSON.stringify(value, null, 2) ?? "null";
  return <pre className="max-h-64 overflow-auto rounded bg-slate-50 p-2 text-xs">{text.length > 4000 ? `${text.slice(0, 4000)}\n…` : text}</pre>;
}

/** A WaitForEvent row is keyed by the event it waits for; its own name is in opts. */
function stepLabel(s: { name: string | null; op: string; stepId: string; opts: unknown }): string {
  const display = (s.opts as { displayName?: unknown } | null)?.displayName;
  if (s.op === "WaitForEvent") return `${typeof display === "string" ? display : "wait"} (for ${s.name ?? "an event"})`;
  return s.name ?? s.stepId.slice(0, 12);
}

/** One run: its event, every step with attempts and errors, and the outcome. */
export default async function RunPage({ params }: Props) {
  await requireOperator();
  const { runId } = await params;
  const run = await getRun(db(), runId);
  if (!run) notFound();
  return (
    <>
      <p className="text-sm"><Link href="/ops/runs" className="text-blue-700 hover:underline">← Runs</Link></p>
      <h1 className="mt-2 text-2xl font-semibold">{run.functionId}</h1>
      <p className="font-mono text-xs text-slate-500">{run.id}</p>
      <dl className="mt-4 grid grid-cols-2 gap-x-6 gap-y-2 text-sm md:grid-cols-4">
        <div><dt className="text-slate-500">Status</dt><dd><StatusBadge status={run.status} /></dd></div>
        <div><dt className="text-slate-500">Created</dt><dd>{time(run.createdAt)}</dd></div>
        <div><dt className="text-slate-500">Started</dt><dd>{time(run.startedAt)}</dd></div>
        <div><dt className="text-slate-500">Ended</dt><dd>{time(run.endedAt)}</dd></div>
        <div><dt className="text-slate-500">Next due</dt><dd>{run.status === "queued" || run.status === "running" ? time(run.runAt) : "—"}</dd></div>
        <div><dt className="text-slate-500">Lease until</dt><dd>{time(run.leaseUntil)}</dd></div>
        <div><dt className="text-slate-500">Function attempt</dt><dd>{run.attempt + 1}</dd></div>
        <div><dt className="text-slate-500">Concurrency key</dt><dd className="font-mono text-xs">{run.concurrencyKey ?? "—"}</dd></div>
      </dl>
      {run.error != null && (
        <section className="mt-6">
          <h2 className="font-semibold text-red-800">{run.status === "failed" ? "Error" : "Last error (retrying)"}</h2>
          <p className="text-sm text-red-700">{errorMessage(run.error)}</p>
          <Json value={run.error} />
        </section>
      )}
      {run.status === "completed" && (
        <section className="mt-6"><h2 className="font-semibold">Output</h2><Json value={run.output} /></section>
      )}
      <section className="mt-6">
        <h2 className="font-semibold">Steps</h2>
        {run.steps.length === 0 ? <p className="text-sm text-slate-600">No steps yet.</p> : (
          <ol className="mt-2 divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
            {run.steps.map((s) => (
              <li key={s.stepId} className="px-4 py-3 text-sm">
                <div className="flex flex-wrap items-center gap-3">
                  <span className="w-6 text-right text-slate-400">{s.seq ?? "…"}</span>
                  <span className="font-medium">{stepLabel(s)}</span>
                  <span className="rounded bg-slate-100 px-2 py-0.5 text-xs">{s.op}{s.seq === null ? " (pending)" : ""}</span>
                  <span className="text-xs text-slate-500">attempts {s.attempts}</span>
                  {s.wakeAt && s.seq === null && <span className="text-xs text-slate-500">due {time(s.wakeAt)}</span>}
                  <span className="ml-auto text-xs text-slate-400">{time(s.at)}</span>
                </div>
                {s.error != null && <p className="mt-1 text-xs text-red-700">{errorMessage(s.error)}</p>}
                {s.data != null && <details className="mt-1"><summary className="cursor-pointer text-xs text-slate-500">data</summary><Json value={s.data} /></details>}
              </li>
            ))}
          </ol>
        )}
      </section>
      <section className="mt-6"><h2 className="font-semibold">Event</h2><Json value={run.event} /></section>
    </>
  );
}
