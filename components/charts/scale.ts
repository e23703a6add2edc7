/** The top of the value axis: the largest value rounded up to a 1, 2 or 5 step (never 0). */
export function niceMax(values: number[]): number {
  const max = Math.max(0, ...values.map((v) => Math.abs(v)));
  if (max === 0) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  const step = [1, 2, 5, 10].find((s) => s * power >= max) ?? 10;
  return step * power;
}
