import { db } from "@/lib/db/client";
import { reprocessDocument } from "@/lib/pipeline/reprocess-document";

/**
 * Our side of the soak's comparison: the Document rows per demo integration. In embedded mode
 * one process owns the PGlite directory, so call these only while the server is stopped, with
 * the server's environment (DATA_DIR / DATABASE_URL) in process.env.
 */
export type DocumentRow = { licenseKey: string; kind: string; sourceId: string; status: string; totalInclVat: string | null; errorCode: string | null; errorDetail: string | null };

export async function documentsInDb(): Promise<DocumentRow[]> {
  const rows = await db().document.findMany({
    select: { kind: true, sourceId: true, status: true, totalInclVat: true, errorCode: true, errorDetail: true, integration: { select: { licenseKey: true } } },
  });
  return rows.map((r) => ({ licenseKey: r.integration.licenseKey, kind: r.kind, sourceId: r.sourceId, status: r.status, totalInclVat: r.totalInclVat?.toFixed(2) ?? null, errorCode: r.errorCode, errorDetail: r.errorDetail }));
}

/** What a merchant does on the Errors and Open tabs: Process every unbooked document (the button's own use-case). */
export async function processUnbooked(): Promise<{ documentId: string; integrationId: string }[]> {
  // "processing" is not offered: a run killed mid-way must be resumed by the executor, not by the merchant.
  const unbooked = await db().document.findMany({ where: { status: { in: ["error", "open", "queued"] } }, select: { id: true, integrationId: true } });
  const requeued: { documentId: string; integrationId: string }[] = [];
  for (const d of unbooked) if (await reprocessDocument(db(), d.id)) requeued.push({ documentId: d.id, integrationId: d.integrationId });
  return requeued;
}

export async function closeDb(): Promise<void> {
  await db().$disconnect();
}

/**
 * Runs one of the above in a child process that exits afterwards, so no PGlite instance of ours
 * stays open on the server's data directory once the server is started again.
 */
export async function inChildProcess<T>(env: NodeJS.ProcessEnv, command: "rows" | "process-unbooked"): Promise<T> {
  const { execFile } = await import("node:child_process");
  const path = await import("node:path");
  const tsx = path.resolve(import.meta.dirname, "../../node_modules/.bin/tsx");
  return new Promise((resolve, reject) => {
    execFile(tsx, [path.join(import.meta.dirname, "db-tool.ts"), command], { env, maxBuffer: 256 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err) return reject(new Error(`db-tool ${command} failed: ${stderr || err.message}`));
      resolve(JSON.parse(stdout.trim().split("\n").at(-1)!) as T);
    });
  });
}
