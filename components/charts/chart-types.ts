/** One series of a bar chart: its name, colour (a CSS colour) and one value per category. */
export type ChartSeries = {
  name: string;
  color: string;
  /** For drawing only (bar heights); the data table shows `labels`. */
  values: number[];
  /** The values as the reader should see them (formatted money, counts). */
  labels: string[];
};

export type ChartProps = {
  /** The accessible name of the chart: what it shows, in words (screen readers read this). */
  label: string;
  title: string;
  categories: string[];
  series: ChartSeries[];
  /** Caption/summary text of the toggleable data table. */
  dataLabel: string;
  testId?: string;
};
