import { describe, expect, it } from "vitest";
import { csvCell, csvLine } from "./csv";

describe("CSV cells", () => {
  it("quotes separators, quotes and line breaks (RFC 4180, semicolon-separated)", () => {
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell("a;b")).toBe('"a;b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell(" padded")).toBe('" padded"');
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
  });

  it("never lets shop text run as a formula, but leaves amounts and dates alone", () => {
    expect(csvCell("=HYPERLINK(\"x\")")).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell("+31 20 123")).toBe("'+31 20 123");
    expect(csvCell("-12.50", true)).toBe("-12.50");
  });

  it("joins a line with semicolons and CRLF", () => {
    expect(csvLine(["a", "b;c", "-1.00"], new Set([2]))).toBe('a;"b;c";-1.00\r\n');
  });
});
