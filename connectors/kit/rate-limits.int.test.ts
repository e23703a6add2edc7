import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDb } from "@/lib/db/client";
import { createTestDb, type TestDb } from "@/lib/db/testing";
import { inProcessSandboxFetch } from "../sandbox/in-process-fetch";
import { API, createCcvClient } from "../ccvshop/client";
import { sandboxCredentials as ccvCredentials } from "../ccvshop/sandbox/credentials";
import { createKmoClient } from "../kmoshops/client";
import { sandboxCredentials as kmoCredentials } from "../kmoshops/sandbox/credentials";

/**
 * A burst over a shop's documented per-minute limit, through the real clients against the
 * in-process sandboxes (which answer 429 past the limit): every request succeeds, and the
 * sandbox's own request log never has more than the limit in any minute. Takes a little over a
 * minute of real time, because that is what the limit asks for.
 */
const APP = "http://app.test/sandbox";
type Logged = { method: string; path: string; status: number; at: string };

async function requestLog(system: string, tenant: string): Promise<Logged[]> {
  return (await (await inProcessSandboxFetch(`${APP}/${system}/${tenant}/_admin/requests`)).json()) as Logged[];
}

function busiestMinute(entries: Logged[]): number {
  const times = entries.map((e) => Date.parse(e.at)).sort((a, b) => a - b);
  let best = 0;
  for (let i = 0, j = 0; j < times.length; j++) {
    while (times[j]! - times[i]! >= 60_000) i++;
    best = Math.max(best, j - i + 1);
  }
  return best;
}

let t: TestDb;
beforeAll(async () => { t = await createTestDb(); setDb(t.db); });
afterAll(async () => { setDb(undefined); await t.close(); });

describe("client-side rate limits against the sandboxes", () => {
  it("KMO Shops (120 a minute per shop) and CCV Shop (150 reads a minute per resource): a burst past the limit gets no 429", async () => {
    const kmoTenant = "burst-kmo";
    const ccvTenant = "burst-ccv";
    const kmo = createKmoClient({ baseUrl: `${APP}/kmoshops/${kmoTenant}`, credentials: kmoCredentials(kmoTenant), fetch: inProcessSandboxFetch });
    const ccv = createCcvClient({ baseUrl: `${APP}/ccvshop/${ccvTenant}`, credentials: ccvCredentials(ccvTenant), fetch: inProcessSandboxFetch });
    const KMO_BURST = 125;
    const CCV_BURST = 155;
    await Promise.all([
      ...Array.from({ length: KMO_BURST }, () => kmo.getShop()),
      ...Array.from({ length: CCV_BURST }, () => ccv.request("GET", `${API}/webhooks`)),
    ]);

    const kmoLog = await requestLog("kmoshops", kmoTenant);
    expect(kmoLog).toHaveLength(KMO_BURST);
    expect(kmoLog.filter((e) => e.status === 429)).toEqual([]);
    expect(busiestMinute(kmoLog)).toBeLessThanOrEqual(120);

    const ccvLog = await requestLog("ccvshop", ccvTenant);
    expect(ccvLog).toHaveLength(CCV_BURST);
    expect(ccvLog.filter((e) => e.status === 429)).toEqual([]);
    expect(busiestMinute(ccvLog)).toBeLessThanOrEqual(150);
  }, 180_000);
});
