import { describe, expect, it } from "vitest";
import { memoryLine } from "./memory-log";

describe("memoryLine", () => {
  it("says in megabytes where the memory is", () => {
    const MB = 1_048_576;
    expect(memoryLine({ rss: 700 * MB, heapTotal: 300 * MB, heapUsed: 250 * MB, external: 200 * MB, arrayBuffers: 180 * MB })).toBe(
      "[memory] rss 700 MB; heap 250 of 300 MB; external 200 MB (array buffers 180 MB); native and wasm 200 MB",
    );
  });
});
