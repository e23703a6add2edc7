import type { ChartSeries } from "./chart-types";

export function ChartLegend({ series }: { series: ChartSeries[] }) {
  return (
    <ul className="mt-1 flex flex-wrap gap-4 text-xs text-slate-600" aria-hidden="true">
      {series.map((s) => (
        <li key={s.name} className="inline-flex items-center gap-1">
          <span className="inline-block h-3 w-3 rounded-sm" style={{ backgroundColor: s.color }} />
          {s.name}
        </li>
      ))}
    </ul>
  );
}
