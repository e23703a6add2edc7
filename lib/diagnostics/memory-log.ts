const mb = (bytes: number) => Math.round(bytes / 1_048_576);

/**
 * One line of where the server's memory is: resident in all, the JavaScript heap (used of
 * reserved), memory V8 knows outside the heap (ArrayBuffers and other external), and the rest:
 * native memory such as the WebAssembly memories of the embedded database and Prisma's query
 * compiler, compiled code and stacks.
 */
export function memoryLine(usage: NodeJS.MemoryUsage = process.memoryUsage()): string {
  const native = usage.rss - usage.heapTotal - usage.external;
  return `[memory] rss ${mb(usage.rss)} MB; heap ${mb(usage.heapUsed)} of ${mb(usage.heapTotal)} MB; external ${mb(usage.external)} MB (array buffers ${mb(usage.arrayBuffers)} MB); native and wasm ${mb(native)} MB`;
}

/** Logs memoryLine every `seconds` (MEMORY_LOG_S), for the life of the process. */
export function logMemoryEvery(seconds: number): void {
  setInterval(() => console.info(memoryLine()), seconds * 1000).unref();
}
