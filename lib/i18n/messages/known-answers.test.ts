import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Messages } from "../translate";
import { installAnswers } from "./wizard-notices";
import { loginAnswers } from "./login";

const root = path.resolve(import.meta.dirname, "../../..");

function sourcesUnder(...dirs: string[]): string {
  const texts: string[] = [];
  const walk = (p: string) => {
    const stat = fs.statSync(p);
    if (stat.isDirectory()) for (const entry of fs.readdirSync(p)) walk(path.join(p, entry));
    else if (/\.tsx?$/.test(p) && !/\.test\.tsx?$/.test(p)) texts.push(fs.readFileSync(p, "utf8"));
  };
  for (const dir of dirs) walk(path.join(root, dir));
  return texts.join("\n");
}

/**
 * The English templates that localizeKnown matches must be the very sentences the code writes,
 * or the Dutch silently stops showing: each template's longest fixed part must occur in the source.
 */
function expectWrittenBy<K extends string>(messages: Messages<K>, source: string) {
  for (const [key, template] of Object.entries<string>(messages.en)) {
    const fixed = template.split(/\{\w+\}/).sort((a, b) => b.length - a.length)[0]!;
    expect(source.includes(fixed), `${key}: "${fixed}"`).toBe(true);
  }
}

describe("known English answers shown in Dutch", () => {
  it("match what lib/install and the install routes write", () => {
    expectWrittenBy(installAnswers, sourcesUnder("lib/install", "app/api/oauth", "app/api/install"));
  });
  it("match what the sign-in and the Magento consent write", () => {
    expectWrittenBy(loginAnswers, sourcesUnder("lib/auth", "app/api/install/magento2", "connectors/magento2"));
  });
});
