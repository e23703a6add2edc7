import { decodePDFRawStream, PDFArray, PDFDocument, PDFRawStream, type PDFObject } from "pdf-lib";

/**
 * The text a PDF shows, as a reader extracts it: every string drawn with Tj on every page,
 * decoded from the standard fonts' WinAnsi encoding. Enough for our own invoices (the tests check
 * that the numbers are real text, not pictures of text).
 */
const WIN_ANSI_HIGH: Record<number, string> = { 0x80: "€", 0x85: "…", 0x91: "‘", 0x92: "’", 0x93: "“", 0x94: "”", 0x96: "–", 0x97: "—" };

const decodeBytes = (bytes: number[]) => bytes.map((b) => WIN_ANSI_HIGH[b] ?? String.fromCharCode(b)).join("");

function stringsOf(content: string): string[] {
  const found: string[] = [];
  // Hex strings <…> and literal strings (…) followed by the Tj operator.
  for (const m of content.matchAll(/<([0-9A-Fa-f\s]*)>\s*Tj|\(((?:\\.|[^\\)])*)\)\s*Tj/g)) {
    if (m[1] !== undefined) {
      const hex = m[1].replace(/\s/g, "");
      found.push(decodeBytes(Array.from({ length: hex.length / 2 }, (_, i) => parseInt(hex.slice(i * 2, i * 2 + 2), 16))));
    } else {
      found.push(m[2]!.replace(/\\([()\\])/g, "$1"));
    }
  }
  return found;
}

export async function pdfText(bytes: Uint8Array): Promise<string> {
  const pdf = await PDFDocument.load(bytes);
  const lines: string[] = [];
  for (const page of pdf.getPages()) {
    const contents = page.node.Contents();
    const streams: PDFObject[] = contents instanceof PDFArray ? contents.asArray().map((ref) => pdf.context.lookup(ref)!) : contents ? [contents] : [];
    for (const stream of streams) {
      if (!(stream instanceof PDFRawStream)) continue;
      lines.push(...stringsOf(Buffer.from(decodePDFRawStream(stream).decode()).toString("latin1")));
    }
  }
  return lines.join("\n");
}
