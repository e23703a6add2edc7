/**
 * The manual: product names with "special characters removed as much as possible". Letters (with
 * accents), digits, spaces and ordinary punctuation stay; markup, entities, control characters,
 * symbols (™ ® emoji …) go, and whitespace is collapsed.
 */
const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

export function cleanProductName(name: string | null | undefined): string {
  return (name ?? "")
    .replace(/<[^>]*>/g, " ")
    .replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (whole, ref: string) => {
      if (ref[0] !== "#") return ENTITIES[ref.toLowerCase()] ?? " ";
      const code = ref[1]?.toLowerCase() === "x" ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : " ";
    })
    .normalize("NFC")
    .replace(/[^\p{L}\p{M}\p{N} .,:;!?'"()&+\-/%#*@=_]/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}
