import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDb } from "../db/client";
import { createTestDb, type TestDb } from "../db/testing";
import { seedDemo } from "../demo/seed-demo";
import { loadCredentials, saveCredentials } from "./connection-credentials";

let t: TestDb;
beforeAll(async () => { t = await createTestDb(); setDb(t.db); });
afterAll(async () => { setDb(undefined); await t.close(); });

describe("secrets at rest", () => {
  it("a dump of the whole database holds no plaintext API key, token or password", async () => {
    await seedDemo(t.db, "http://localhost:3000");
    const integration = await t.db.integration.findFirstOrThrow({ where: { licenseKey: "DEMO-CCVSHOP-ROMPSLOMP" } });
    const secrets = {
      source: { publicKey: "ccv-public-7f3a9c", secretKey: "ccv-secret-e41b07d2" },
      target: { accessToken: "rs-access-tok-5521aa", refreshToken: "rs-refresh-tok-99e0c1" },
    };
    await saveCredentials(t.db, integration.id, "source", "ccvshop", secrets.source);
    await saveCredentials(t.db, integration.id, "target", "rompslomp", secrets.target);

    expect(await loadCredentials(t.db, integration.id, "source")).toEqual(secrets.source);
    expect(await loadCredentials(t.db, integration.id, "target")).toEqual(secrets.target);

    const dump = await t.dump();
    expect(dump).toContain("DEMO-CCVSHOP-ROMPSLOMP"); // the dump is real and complete
    for (const value of [...Object.values(secrets.source), ...Object.values(secrets.target)]) {
      expect(dump).not.toContain(value);
    }
    expect(dump).not.toMatch(/"passwordHash":"demo"/);
    expect(dump).toContain('"passwordHash":"scrypt$');
  });
});
