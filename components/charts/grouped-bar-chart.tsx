import { ChartDataTable } from "./chart-data-table";
import { ChartLegend } from "./chart-legend";
import type { ChartProps } from "./chart-types";
import { niceMax } from "./scale";

const HEIGHT = 180;
const PAD = { top: 8, bottom: 24, left: 8 };

/**
 * Bars side by side per category (shop vs booked per VAT rate), hand-drawn SVG. The SVG is one
 * image with its meaning in aria-label; the numbers are in the table behind the toggle.
 */
export function GroupedBarChart({ label, title, categories, series, dataLabel, testId }: ChartProps) {
  const max = niceMax(series.flatMap((s) => s.values));
  const groupWidth = Math.max(40, series.length * 22 + 16);
  const width = PAD.left + categories.length * groupWidth + 8;
  const plot = HEIGHT - PAD.top - PAD.bottom;
  return (
    <figure className="rounded-lg border border-slate-200 bg-white p-4" data-testid={testId}>
      <figcaption className="mb-2 text-sm font-medium">{title}</figcaption>
      <div className="relative w-full overflow-x-auto">
        <svg role="img" aria-label={label} width={width} height={HEIGHT} viewBox={`0 0 ${width} ${HEIGHT}`}>
          <line x1={PAD.left} x2={width} y1={HEIGHT - PAD.bottom} y2={HEIGHT - PAD.bottom} stroke="#cbd5e1" />
          {categories.map((c, ci) => (
            <g key={c}>
              {series.map((s, si) => {
                const v = Math.abs(s.values[ci] ?? 0);
                const h = (v / max) * plot;
                return <rect key={s.name} x={PAD.left + ci * groupWidth + 8 + si * 22} y={HEIGHT - PAD.bottom - h} width={18} height={h} fill={s.color} />;
              })}
              <text x={PAD.left + ci * groupWidth + groupWidth / 2} y={HEIGHT - 8} textAnchor="middle" fontSize="11" fill="#475569">{c}</text>
            </g>
          ))}
        </svg>
      </div>
      <ChartLegend series={series} />
      <ChartDataTable title={title} categories={categories} series={series} dataLabel={dataLabel} />
    </figure>
  );
}
