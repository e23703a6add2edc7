"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { SourceSystem } from "@/connectors/types";
import { historyImportRunRequested, historyImportScanRequested } from "@/inngest/functions/history-import-events";
import { inngest } from "@/inngest/client";
import { requireAccount } from "@/lib/auth/session";
import { findIntegration } from "@/lib/dashboard/integrations";
import { db } from "@/lib/db/client";
import { changeImport, createImport, type CommandResult } from "@/lib/history-import/commands";
import { historySources } from "@/lib/history-import/sources";
import { historyImportMessages } from "@/lib/i18n/messages/history-import";
import { requestLocale } from "@/lib/i18n/request-locale";
import { translator } from "@/lib/i18n/translate";

export type HistoryActionState = { at: number; problem?: string };

const formSchema = z.discriminatedUnion("command", [
  z.object({ command: z.literal("scan"), from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }),
  z.object({ command: z.enum(["start", "pause", "resume", "cancel"]), importId: z.string().min(1).max(100) }),
]);

/**
 * Scan a range, or start, pause, resume or cancel the integration's import. The signed-in merchant
 * must own the integration; an operator viewing read-only changes nothing. Start and Resume send
 * the run with the import's new generation; Scan sends the background scan.
 */
export async function historyCommand(integrationId: string, _previous: HistoryActionState, form: FormData): Promise<HistoryActionState> {
  const at = Date.now();
  const t = translator(historyImportMessages, await requestLocale());
  const account = await requireAccount();
  if (account.readOnly) return { at, problem: t("problem.readOnly") };
  const integration = await findIntegration(db(), account.accountId, integrationId);
  if (!integration) return { at, problem: t("problem.notFound") };
  const parsed = formSchema.safeParse(Object.fromEntries(form.entries()));
  if (!parsed.success) return { at, problem: t(form.get("command") === "scan" ? "problem.badRange" : "problem.notFound") };
  const input = parsed.data;
  const who = { integrationId: integration.id, userId: account.userId };

  let result: CommandResult;
  if (input.command === "scan") {
    if (!historySources.has(integration.sourceSystem as SourceSystem)) return { at, problem: t("problem.notSupported") };
    result = await createImport(db(), who, { from: input.from, to: input.to });
    if (result.ok) await inngest.send(historyImportScanRequested.create({ importId: result.importId, integrationId: integration.id }));
  } else {
    result = await changeImport(db(), who, input.importId, input.command);
    if (result.ok && (input.command === "start" || input.command === "resume")) {
      await inngest.send(historyImportRunRequested.create({ importId: result.importId, integrationId: integration.id, generation: result.generation! }));
    }
  }
  revalidatePath(`/dashboard/${integration.id}/history`);
  return result.ok ? { at } : { at, problem: t(`problem.${result.problem}`) };
}
