import { test } from "@playwright/test";
import { connectWefact } from "./journey/accounting";
import { expectBookedOnReport, finishInstallation } from "./journey/dashboard";
import { screens } from "./journey/screens";
import { chooseCcvProcessing, firstDocuments, installFromAppStore, placeDocument } from "./journey/shops";
import { signUpAndOpenWizard } from "./journey/sign-up";

test("manual 003, CCV Shop → WeFact: sign up, mail, app store install, invoices, connect, grid, first invoice on Report", async ({ page, request }) => {
  const shot = screens("ccvshop-wefact");
  const merchant = await signUpAndOpenWizard(page, { source: "CCV Shop", target: "WeFact" }, shot);
  await installFromAppStore(page, "CCV Shop", merchant, merchant.licenseKey, shot);
  await chooseCcvProcessing(page, "invoices");
  await connectWefact(page, merchant.tenant, shot);
  const report = await finishInstallation(page, merchant, shot);
  const { kind, payload, total } = firstDocuments.ccvInvoice;
  await placeDocument(request, "ccvshop", merchant.tenant, kind, payload);
  await expectBookedOnReport(page, report, total, { fetchNow: false }, shot);
});
