import { expect, type Locator, type Page } from "@playwright/test";

/**
 * Screenshots for review, saved by every journey run under test-results/screenshots/journey-<name>/,
 * numbered in the order the merchant saw them.
 */
export function screens(journey: string) {
  let n = 0;
  const file = (step: string) => `test-results/screenshots/journey-${journey}/${String(++n).padStart(2, "0")}-${step}.png`;
  return {
    page: (page: Page, step: string) => page.screenshot({ path: file(step), fullPage: true }),
    // A saved step re-renders the wizard: retry until the section is the settled one.
    part: async (part: Locator, step: string) => {
      const path = file(step);
      await expect(async () => { await part.screenshot({ path, timeout: 5_000 }); }).toPass({ timeout: 30_000 });
    },
  };
}

export type Screens = ReturnType<typeof screens>;
