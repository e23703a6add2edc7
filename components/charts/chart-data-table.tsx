import type { ChartProps } from "./chart-types";

/** The numbers behind a chart, as a table behind a toggle (the chart itself is only a picture). */
export function ChartDataTable({ title, categories, series, dataLabel }: Pick<ChartProps, "title" | "categories" | "series" | "dataLabel">) {
  return (
    <details className="mt-2 text-sm">
      <summary className="cursor-pointer text-slate-600">{dataLabel}</summary>
      <div className="relative w-full overflow-x-auto">
        <table className="mt-2 w-full text-left" aria-label={`${dataLabel}: ${title}`}>
          <thead className="text-slate-500">
            <tr>
              <th className="py-1 pr-4" scope="col"><span className="sr-only">{title}</span></th>
              {series.map((s) => <th key={s.name} scope="col" className="py-1 pr-4 text-right">{s.name}</th>)}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-200">
            {categories.map((c, i) => (
              <tr key={c}>
                <th scope="row" className="py-1 pr-4 font-normal">{c}</th>
                {series.map((s) => <td key={s.name} className="py-1 pr-4 text-right font-mono">{s.labels[i]}</td>)}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
