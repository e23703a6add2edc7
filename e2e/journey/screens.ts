import type { Locator, Page } from "@playwright/test";

/**
 * Screenshots for review, saved by every journey run under test-results/screenshots/journey-<name>/,
 * numbered in the order the merchant saw them.
 */
export function screens(journey: string) {
  let n = 0;
  const file = (step: string) => `test-results/screenshots/journey-${journey}/${String(++n).padStart(2, "0")}-${step}.png`;
  return {
    page: (page: Page, step: string) => page.screenshot({ path: file(step), fullPage: true }),
    part: (part: Locator, step: string) => part.screenshot({ path: file(step) }),
  };
}

export type Screens = ReturnType<typeof screens>;
