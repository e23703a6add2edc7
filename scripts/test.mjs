// `npm test`: typecheck, lint, unit, integration and e2e, in that order; stops at the first failure.
import { execSync } from "node:child_process";

const steps = [
  ["typecheck", "npm run -s typecheck"],
  ["lint", "npm run -s lint"],
  ["unit", "npm run -s test:unit"],
  ["integration", "npm run -s test:integration"],
  ["e2e", "npm run -s test:e2e"],
];

for (const [name, command] of steps) {
  console.info(`\n━━ ${name} ━━ ${command}`);
  const started = Date.now();
  try {
    execSync(command, { stdio: "inherit" });
  } catch {
    console.error(`\n✗ ${name} failed (${command})`);
    process.exit(1);
  }
  console.info(`✓ ${name} (${((Date.now() - started) / 1000).toFixed(0)}s)`);
}
