const colours: Record<string, string> = {
  completed: "bg-green-100 text-green-800",
  failed: "bg-red-100 text-red-800",
  cancelled: "bg-slate-200 text-slate-700",
  running: "bg-blue-100 text-blue-800",
  queued: "bg-amber-100 text-amber-800",
};

export function StatusBadge({ status }: { status: string }) {
  return <span className={`rounded px-2 py-0.5 text-xs font-medium ${colours[status] ?? colours.queued}`}>{status}</span>;
}
