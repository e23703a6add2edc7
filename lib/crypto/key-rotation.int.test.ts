import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDb, type TestDb } from "../db/testing";
import { loadCredentials } from "../integrations/connection-credentials";
import { findPendingInstall, savePendingInstall } from "../install/pending-installs";

// Key rotation as SECURITY.md describes it: the new key in ENCRYPTION_KEY, the old one in
// ENCRYPTION_KEY_PREVIOUS (set before the app's env is first read), then `npm run secrets:reencrypt`.
const OLD = vi.hoisted(() => {
  const key = Buffer.from(globalThis.crypto.getRandomValues(new Uint8Array(32)));
  process.env.ENCRYPTION_KEY_PREVIOUS = key.toString("base64");
  return key;
});
const { decryptionKeys, encryptionKey } = await import("./keys");
const { decryptSecret, encryptSecret, sealCredentials } = await import("./secrets");
const { reencryptSecrets } = await import("./reencrypt-secrets");

let t: TestDb;
let integrationId: string;
beforeAll(async () => {
  t = await createTestDb();
  const account = await t.db.account.create({ data: { name: "Rotation", integrations: { create: { licenseKey: "BK-ROTATE", name: "R", sourceSystem: "ccvshop", targetSystem: "rompslomp" } } }, include: { integrations: true } });
  integrationId = account.integrations[0]!.id;
});
afterAll(async () => { await t.close(); });

describe("key rotation", () => {
  it("reads what the previous key sealed, writes with the current key only", async () => {
    expect(decryptionKeys().map((k) => k.toString("hex"))).toEqual([encryptionKey().toString("hex"), OLD.toString("hex")]);
    const old = encryptSecret("sealed before the rotation", OLD);
    expect(decryptSecret(old)).toBe("sealed before the rotation");
    const fresh = encryptSecret("sealed after");
    expect(decryptSecret(fresh, encryptionKey())).toBe("sealed after");
    expect(() => decryptSecret(fresh, OLD)).toThrow();
    expect(() => decryptSecret(encryptSecret("x", randomBytes(32)))).toThrow();
  });

  it("re-seals every stored secret with the current key, once, and lists what no key opens", async () => {
    await t.db.connection.create({ data: { integrationId, side: "source", system: "ccvshop", credentialsEnc: sealCredentials({ publicKey: "p", secretKey: "old-shop-secret" }, OLD) } });
    await t.db.connection.create({ data: { integrationId, side: "target", system: "rompslomp", credentialsEnc: sealCredentials({ apiToken: "new-token" }) } });
    const pending = await savePendingInstall(t.db, { system: "magento1", shopKey: "rt", integrationId, payload: { requestTokenSecret: "pending-secret" } });
    if (!pending.saved) throw new Error("not saved");
    await t.db.pendingInstall.update({ where: { id: pending.id }, data: { payloadEnc: encryptSecret(JSON.stringify({ requestTokenSecret: "pending-secret" }), OLD) } });

    // The app reads both while the rotation is under way.
    expect(await loadCredentials(t.db, integrationId, "source")).toEqual({ publicKey: "p", secretKey: "old-shop-secret" });
    expect((await findPendingInstall(t.db, { id: pending.id }))?.payload).toEqual({ requestTokenSecret: "pending-secret" });

    expect(await reencryptSecrets(t.db, decryptionKeys())).toEqual({ checked: 3, resealed: 2, unreadable: [] });
    const current = [encryptionKey()];
    for (const c of await t.db.connection.findMany()) expect(() => decryptSecret(c.credentialsEnc!, current[0])).not.toThrow();
    for (const p of await t.db.pendingInstall.findMany()) expect(JSON.parse(decryptSecret(p.payloadEnc, current[0]))).toEqual({ requestTokenSecret: "pending-secret" });
    expect(await reencryptSecrets(t.db, decryptionKeys())).toEqual({ checked: 3, resealed: 0, unreadable: [] });

    const stray = await t.db.connection.update({ where: { integrationId_side: { integrationId, side: "target" } }, data: { credentialsEnc: sealCredentials({ x: 1 }, randomBytes(32)) } });
    expect(await reencryptSecrets(t.db, decryptionKeys())).toEqual({ checked: 3, resealed: 0, unreadable: [`Connection.credentialsEnc ${stray.id}`] });
  });
});
