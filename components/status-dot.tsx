const colours: Record<string, string> = { ok: "bg-green-500", error: "bg-red-500", unknown: "bg-slate-300" };

/** The wizard's and dashboard's connection light: green = works, red = broken, grey = not checked. */
export function StatusDot({ status, label }: { status: string; label: string }) {
  return (
    <span className="inline-flex items-center gap-1.5" title={`${label}: ${status}`}>
      <span className={`h-2.5 w-2.5 rounded-full ${colours[status] ?? colours.unknown}`} aria-hidden />
      {label}
    </span>
  );
}
