import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../db/testing";
import { completePendingInstall, findPendingInstall, forgetPendingInstall, handshakeFingerprint, savePendingInstall } from "./pending-installs";

let t: TestDb;
beforeAll(async () => { t = await createTestDb(); });
afterAll(async () => { await t.close(); });

describe("pending installs", () => {
  it("seal the payload, keep the newest per shop, and expire", async () => {
    const now = new Date("2026-01-01T10:00:00Z");
    await savePendingInstall(t.db, { system: "ccvshop", shopKey: "pk_a", payload: { secret: "first-secret" } }, now);
    const saved = await savePendingInstall(t.db, { system: "ccvshop", shopKey: "pk_a", payload: { secret: "second-secret" } }, now);
    expect(saved.saved).toBe(true);
    expect(await t.db.pendingInstall.count()).toBe(1);
    expect(await t.dump()).not.toContain("second-secret");
    expect((await findPendingInstall<{ secret: string }>(t.db, { system: "ccvshop", shopKey: "pk_a" }, now))?.payload).toEqual({ secret: "second-secret" });
    expect(await findPendingInstall(t.db, { system: "ccvshop", shopKey: "pk_a" }, new Date(now.getTime() + 31 * 60_000))).toBeNull();
    expect(await findPendingInstall(t.db, { system: "kmoshops", shopKey: "pk_a" }, now)).toBeNull();
  });

  it("refuse the same signed handshake twice, also after it was completed", async () => {
    const fingerprint = handshakeFingerprint("kmoshops", "ABCDEF");
    const first = await savePendingInstall(t.db, { system: "kmoshops", shopKey: "shop-1", payload: { k: 1 }, fingerprint });
    expect(first).toMatchObject({ saved: true });
    expect(await savePendingInstall(t.db, { system: "kmoshops", shopKey: "shop-1", payload: { k: 1 }, fingerprint: handshakeFingerprint("kmoshops", "abcdef") })).toEqual({ saved: false, replay: true });
    await completePendingInstall(t.db, (first as { id: string }).id);
    expect(await findPendingInstall(t.db, { system: "kmoshops", shopKey: "shop-1" })).toBeNull();
    expect(await savePendingInstall(t.db, { system: "kmoshops", shopKey: "shop-1", payload: { k: 1 }, fingerprint })).toEqual({ saved: false, replay: true });
    expect(await savePendingInstall(t.db, { system: "kmoshops", shopKey: "shop-1", payload: { k: 2 }, fingerprint: handshakeFingerprint("kmoshops", "newer") })).toMatchObject({ saved: true });
  });

  it("forget an unused handshake on uninstall", async () => {
    const saved = await savePendingInstall(t.db, { system: "ccvshop", shopKey: "pk_gone", payload: { s: 1 } });
    await forgetPendingInstall(t.db, (saved as { id: string }).id);
    expect(await findPendingInstall(t.db, { system: "ccvshop", shopKey: "pk_gone" })).toBeNull();
    expect(await t.db.pendingInstall.count({ where: { shopKey: "pk_gone" } })).toBe(0);
  });
});
