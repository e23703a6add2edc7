import { InngestTestEngine } from "@inngest/test";
import { beforeAll, describe, expect, it } from "vitest";
import { inProcessSandboxFetch } from "@/connectors/sandbox/in-process-fetch";
import { receiveDocument } from "@/lib/pipeline/receive-document";
import { processDocument } from "./process-document";
import { sentEventSteps } from "./testing/sent-events";
import { useDemoDatabase } from "@/lib/db/demo-database";

/**
 * A run's steps must not depend on what other runs do between its replays. Found by the fault
 * soak (scripts/soak-faults.ts): while a run waited to retry its "find-product:X" step, another
 * document's run of the same integration linked product X; the replay read that link outside any
 * step, skipped find-product:X, and every retry failed with "Could not find step … to run" until
 * retries ran out. Here "another run" links the debtor and the product while this run's step runs.
 */
const APP = "http://localhost:3000";
const KEY = "DEMO-CCVSHOP-ROMPSLOMP";
const shopAdmin = `${APP}/sandbox/ccvshop/${KEY.toLowerCase()}/_admin`;
const t = useDemoDatabase(APP);
let integrationId: string;

beforeAll(async () => {
  integrationId = (await t.db.integration.findUniqueOrThrow({ where: { licenseKey: KEY } })).id;
});

const row = (name: string, price: number, tax: number) => ({ product_name: name, product_number: name.toUpperCase(), count: 1, price, selling_price: price, price_without_discount: price, tax });
async function placeOrder(email: string): Promise<string> {
  const payload = {
    paid: true, paymethod: "iDEAL", taxes_included: true, order_row_taxes_included: true, shipping_tax_percentage: 21, total_shipping: 0,
    total_price: 24.95, total_tax: 4.33, currency: "EUR", is_intra_community_order: false,
    customer: { email, billingaddress: { first_name: "Eva", last_name: "Koper", country_code: "NL" }, deliveryaddress: { country_code: "NL" } },
    orderrows: [row("Theepot", 24.95, 21)],
  };
  const res = await inProcessSandboxFetch(`${shopAdmin}/documents`, { method: "POST", body: JSON.stringify({ kind: "order", payload }) });
  return ((await res.json()) as { id: string }).id;
}

const run = (documentId: string) =>
  new InngestTestEngine({ function: processDocument, events: [{ name: "document/process.requested", data: { documentId, integrationId } }], steps: sentEventSteps() }).execute();

type Found = { id: string; name?: string; displayName?: string };
type Checkpoint = { type: string; steps?: Found[]; step?: { id: string; data?: unknown; error?: unknown }; data?: unknown };

/**
 * Drives a run the way the executor does: each new step is first reported ("steps-found"), then
 * run by a later call that names it (requestedRunStep), replaying the function up to it; `between`
 * runs in that gap, as other runs do while this one waits (for a retry, above all).
 */
async function runAsTheExecutorDoes(documentId: string, between: (step: string) => Promise<void>): Promise<{ checkpoints: string[]; last: Checkpoint }> {
  const engine = new InngestTestEngine({ function: processDocument, events: [{ name: "document/process.requested", data: { documentId, integrationId } }] });
  const steps: { id: string; idIsHashed?: boolean; handler: () => unknown }[] = sentEventSteps();
  const execute = (targetStepId?: string) =>
    (engine as unknown as { individualExecution(o: object): Promise<{ result: Checkpoint }> }).individualExecution({ steps: [...steps], disableImmediateExecution: true, targetStepId });
  const checkpoints: string[] = [];
  let last = (await execute()).result;
  for (let i = 0; i < 200; i++) {
    checkpoints.push(last.type);
    if (last.type === "steps-found" && last.steps?.length) {
      const step = last.steps[0]!;
      await between(step.displayName ?? step.name ?? step.id);
      last = (await execute(step.id)).result;
    } else if (last.type === "step-ran" && last.step && !last.step.error) {
      const { id, data } = last.step;
      steps.push({ id, idIsHashed: true, handler: () => data });
      last = (await execute()).result;
    } else break;
  }
  return { checkpoints, last };
}

describe("process-document replays take the same path whatever other runs link meanwhile", () => {
  it("books once when another run links the product between this run's planning and running of its lookup", async () => {
    // A first order books the product, so its Rompslomp id is known; then the link is forgotten, so
    // the next order's run plans to look the product up, and meanwhile "another run" links it again.
    const first = await receiveDocument(t.db, { integrationId, kind: "order", sourceId: await placeOrder("first@example.nl") });
    expect((await run(first.documentId)).result).toMatchObject({ status: "booked" });
    const link = await t.db.productLink.findUniqueOrThrow({ where: { integrationId_sourceCode: { integrationId, sourceCode: "THEEPOT" } } });
    await t.db.productLink.delete({ where: { id: link.id } });

    const second = await receiveDocument(t.db, { integrationId, kind: "order", sourceId: await placeOrder("second@example.nl") });
    const { checkpoints, last } = await runAsTheExecutorDoes(second.documentId, async (step) => {
      if (step === "find-product:THEEPOT") await t.db.productLink.create({ data: { integrationId, sourceCode: "THEEPOT", targetId: link.targetId } });
    });
    expect(checkpoints).not.toContain("step-not-found");
    expect(last).toMatchObject({ type: "function-resolved", data: { status: "booked" } });
    expect((await t.db.document.findUniqueOrThrow({ where: { id: second.documentId } })).status).toBe("booked");
  });
});

describe("process-document after a product create whose answer was lost", () => {
  it("uses the product the lost create made when the retry is refused as a duplicate code", async () => {
    // THEEPOT exists in Rompslomp (an order books it), but this run's lookup ran before the create
    // whose answer was lost: its retry of the create is refused ("Productcode is al in gebruik").
    const booked = await receiveDocument(t.db, { integrationId, kind: "order", sourceId: await placeOrder("earlier@example.nl") });
    expect((await run(booked.documentId)).result).toMatchObject({ status: "booked" });
    await t.db.productLink.deleteMany({ where: { integrationId, sourceCode: "THEEPOT" } });
    const third = await receiveDocument(t.db, { integrationId, kind: "order", sourceId: await placeOrder("third@example.nl") });
    const { result } = await new InngestTestEngine({
      function: processDocument,
      events: [{ name: "document/process.requested", data: { documentId: third.documentId, integrationId } }],
      steps: [...sentEventSteps(), { id: "find-product:THEEPOT", handler: () => ({ ok: true, value: null }) }],
    }).execute();
    const document = await t.db.document.findUniqueOrThrow({ where: { id: third.documentId } });
    expect([document.status, document.errorDetail]).toEqual(["booked", null]);
    expect(result).toMatchObject({ status: "booked" });
  });
});
