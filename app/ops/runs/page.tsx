import Link from "next/link";
import { db } from "@/lib/db/client";
import { functionIds, listRuns, RUN_STATUSES } from "@/inngest/embedded/queries";
import { requireOperator } from "../access";
import { StatusBadge } from "./status-badge";

type Props = { searchParams: Promise<{ status?: string; fn?: string }> };

/** Recent runs of the embedded executor: status, steps, attempts, last error. */
export default async function RunsPage({ searchParams }: Props) {
  await requireOperator();
  const { status, fn } = await searchParams;
  const validStatus = RUN_STATUSES.find((s) => s === status);
  const [runs, fns] = await Promise.all([listRuns(db(), { status: validStatus, functionId: fn || undefined }), functionIds(db())]);
  const href = (s?: string) => {
    const q = new URLSearchParams();
    if (s) q.set("status", s);
    if (fn) q.set("fn", fn);
    const text = q.toString();
    return text ? `/ops/runs?${text}` : "/ops/runs";
  };
  return (
    <>
      <h1 className="text-2xl font-semibold">Runs</h1>
      <p className="mt-1 text-sm text-slate-600">The latest 100 runs of the embedded job executor, newest first.</p>
      <nav className="mt-4 flex flex-wrap gap-2 text-sm" aria-label="Filter by status">
        {[undefined, ...RUN_STATUSES].map((s) => (
          <Link key={s ?? "all"} href={href(s)} aria-current={s === validStatus ? "page" : undefined}
            className={`rounded border px-3 py-1 ${s === validStatus ? "border-slate-900 bg-slate-900 text-white" : "border-slate-300 bg-white hover:bg-slate-50"}`}>
            {s ?? "all"}
          </Link>
        ))}
        {fn && <Link href={validStatus ? `/ops/runs?status=${validStatus}` : "/ops/runs"} className="rounded border border-slate-300 bg-white px-3 py-1">function: {fn} ✕</Link>}
      </nav>
      {fns.length > 0 && (
        <p className="mt-2 text-xs text-slate-500">
          Functions: {fns.map((f, i) => (
            <span key={f}>{i > 0 && " · "}<Link className="hover:underline" href={`/ops/runs?fn=${encodeURIComponent(f)}`}>{f}</Link></span>
          ))}
        </p>
      )}
      {runs.length === 0 ? (
        <p className="mt-6 text-slate-600">No runs yet.</p>
      ) : (
        <div className="mt-6 overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="min-w-full text-left text-sm">
            <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase text-slate-500">
              <tr>
                <th className="px-4 py-2">Run</th>
                <th className="px-4 py-2">Function</th>
                <th className="px-4 py-2">Event</th>
                <th className="px-4 py-2">Status</th>
                <th className="px-4 py-2 text-right">Steps</th>
                <th className="px-4 py-2 text-right">Attempts</th>
                <th className="px-4 py-2">Started</th>
                <th className="px-4 py-2">Error</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {runs.map((r) => (
                <tr key={r.id} className="align-top">
                  <td className="px-4 py-2 font-mono text-xs"><Link href={`/ops/runs/${r.id}`} className="text-blue-700 hover:underline">{r.id}</Link></td>
                  <td className="px-4 py-2">{r.functionId}</td>
                  <td className="px-4 py-2 font-mono text-xs">{r.eventName}</td>
                  <td className="px-4 py-2"><StatusBadge status={r.status} />{r.state !== r.status && <div className="mt-1 text-xs text-slate-500">{r.state}</div>}</td>
                  <td className="px-4 py-2 text-right">{r.steps}</td>
                  <td className="px-4 py-2 text-right">{r.attempts}</td>
                  <td className="px-4 py-2 whitespace-nowrap text-xs text-slate-600">{r.createdAt.toISOString().replace("T", " ").slice(0, 19)}</td>
                  <td className="max-w-md truncate px-4 py-2 text-xs text-red-700" title={r.error ?? undefined}>{r.error}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
