import { expect, test } from "@playwright/test";
import { logIn } from "./login";
import { DEMO, OTHER, seedState } from "./seed-state";

test("merchant A gets 404 for merchant B's integration pages and API routes", async ({ page }) => {
  const { demoIntegrationId, otherIntegrationId } = seedState();
  await logIn(page, OTHER);

  // Its own integration is there…
  expect((await page.request.get(`/api/integrations/${otherIntegrationId}`)).status()).toBe(200);
  const own = await page.goto(`/dashboard/${otherIntegrationId}/report`);
  expect(own?.status()).toBe(200);

  // …the demo merchant's is not, on any page or route.
  for (const tab of ["report", "errors", "open", "configuration"]) {
    const res = await page.goto(`/dashboard/${demoIntegrationId}/${tab}`);
    expect(res?.status(), tab).toBe(404);
    await expect(page.getByText("DEMO-CCVSHOP-ROMPSLOMP")).toHaveCount(0);
  }
  const api = await page.request.get(`/api/integrations/${demoIntegrationId}`);
  expect(api.status()).toBe(404);
  expect(await api.text()).not.toContain("DEMO-CCVSHOP-ROMPSLOMP");
  expect((await page.request.post(`/api/integrations/${demoIntegrationId}/sync`)).status()).toBe(404);

  // The dashboard lists only its own integrations.
  await page.goto("/dashboard");
  await expect(page.getByText("OTHER-CCVSHOP-WEFACT")).toBeVisible();
  await expect(page.getByText("DEMO-CCVSHOP-ROMPSLOMP")).toHaveCount(0);
});

test("API routes need a session", async ({ request }) => {
  const { demoIntegrationId } = seedState();
  const res = await request.get(`/api/integrations/${demoIntegrationId}`);
  expect(res.status()).toBe(401);
});

test("the demo merchant does reach its own integration", async ({ page }) => {
  const { demoIntegrationId } = seedState();
  await logIn(page, DEMO);
  const res = await page.request.get(`/api/integrations/${demoIntegrationId}`);
  expect(res.status()).toBe(200);
  expect((await res.json()).licenseKey).toBe("DEMO-CCVSHOP-ROMPSLOMP");
});
