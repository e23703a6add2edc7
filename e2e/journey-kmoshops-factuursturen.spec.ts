import { test } from "@playwright/test";
import { connectFactuursturen } from "./journey/accounting";
import { expectBookedOnReport, finishInstallation } from "./journey/dashboard";
import { screens } from "./journey/screens";
import { firstDocuments, installFromAppStore, placeDocument } from "./journey/shops";
import { signUpAndOpenWizard } from "./journey/sign-up";

test("manual 004, KMO Shops → Factuursturen: sign up, mail, app store install, connect, layout, first order on Report", async ({ page, request }) => {
  const shot = screens("kmoshops-factuursturen");
  const merchant = await signUpAndOpenWizard(page, { source: "KMO Shops", target: "Factuursturen" }, shot);
  await installFromAppStore(page, "KMO Shops", merchant, merchant.licenseKey, shot);
  await connectFactuursturen(page, merchant.tenant, shot);
  const report = await finishInstallation(page, merchant, shot);
  const { kind, payload, total } = firstDocuments.kmoOrder;
  await placeDocument(request, "kmoshops", merchant.tenant, kind, payload);
  await expectBookedOnReport(page, report, total, { fetchNow: false }, shot);
});
