import { ChartDataTable } from "./chart-data-table";
import { ChartLegend } from "./chart-legend";
import type { ChartProps } from "./chart-types";
import { niceMax } from "./scale";

const HEIGHT = 180;
const PAD = { top: 8, bottom: 24, left: 4 };
const BAR = 14;
const GAP = 6;

/**
 * Stacked bars per category (documents per day: booked, open, errors), hand-drawn SVG, with every
 * fifth category labelled. Meaning in aria-label, numbers in the table behind the toggle.
 */
export function StackedBarChart({ label, title, categories, series, dataLabel, testId }: ChartProps) {
  const totals = categories.map((_, i) => series.reduce((sum, s) => sum + Math.abs(s.values[i] ?? 0), 0));
  const max = niceMax(totals);
  const width = PAD.left + categories.length * (BAR + GAP) + 4;
  const plot = HEIGHT - PAD.top - PAD.bottom;
  return (
    <figure className="rounded-lg border border-slate-200 bg-white p-4" data-testid={testId}>
      <figcaption className="mb-2 text-sm font-medium">{title}</figcaption>
      <div className="relative w-full overflow-x-auto">
        <svg role="img" aria-label={label} width={width} height={HEIGHT} viewBox={`0 0 ${width} ${HEIGHT}`}>
          <line x1={PAD.left} x2={width} y1={HEIGHT - PAD.bottom} y2={HEIGHT - PAD.bottom} stroke="#cbd5e1" />
          {categories.map((c, ci) => {
            let y = HEIGHT - PAD.bottom;
            const x = PAD.left + ci * (BAR + GAP);
            return (
              <g key={c}>
                {series.map((s) => {
                  const h = (Math.abs(s.values[ci] ?? 0) / max) * plot;
                  y -= h;
                  return <rect key={s.name} x={x} y={y} width={BAR} height={h} fill={s.color} />;
                })}
                {ci % 5 === 0 && <text x={x + BAR / 2} y={HEIGHT - 8} textAnchor="middle" fontSize="10" fill="#475569">{c}</text>}
              </g>
            );
          })}
        </svg>
      </div>
      <ChartLegend series={series} />
      <ChartDataTable title={title} categories={categories} series={series} dataLabel={dataLabel} />
    </figure>
  );
}
