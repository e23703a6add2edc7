import type { SandboxContext } from "@/connectors/sandbox/kit/create-sandbox";
import { normalizeVatNumber, validateVatNumber } from "@/lib/domain/vat-number";
import { VIES_COUNTRY_CODES } from "../config";
import type { RegisteredNumber, ViesSandboxState } from "./state";

/**
 * `POST _admin/numbers` {"vatNumber": "NL123456782B01", "countryCode"?: "NL", "valid"?: true,
 * "name"?: "…", "address"?: "…"} registers (or overrides) what VIES answers for one number;
 * `GET _admin/numbers` lists them. Test-only, like every `_admin` hook.
 */
const bad = (message: string) => Response.json({ error: message }, { status: 400 });
const optionalText = (v: unknown) => (typeof v === "string" && v.trim() ? v : undefined);

export async function numbersAdmin(ctx: SandboxContext<ViesSandboxState>, method: string): Promise<Response | undefined> {
  if (method === "GET") return Response.json({ numbers: Object.values((await ctx.read()).numbers) });
  if (method !== "POST") return undefined;
  const body = (await ctx.req.json().catch(() => null)) as Record<string, unknown> | null;
  if (!body || typeof body !== "object" || typeof body.vatNumber !== "string") return bad('Body must be {"vatNumber": "NL…", "valid"?: boolean, "name"?: string, "address"?: string}');
  if (body.valid !== undefined && typeof body.valid !== "boolean") return bad('"valid" must be true or false');
  const hint = typeof body.countryCode === "string" ? body.countryCode : undefined;
  const checked = validateVatNumber(body.vatNumber, hint);
  const normalized = normalizeVatNumber(body.vatNumber, hint);
  const countryCode = checked.ok ? checked.country : normalized.country;
  if (!countryCode || !(VIES_COUNTRY_CODES as readonly string[]).includes(countryCode) || !normalized.number) {
    return bad(`"${body.vatNumber}" names no VIES country: give it a prefix (NL, BE, EL, XI…) or a "countryCode"`);
  }
  const entry: RegisteredNumber = {
    countryCode,
    vatNumber: checked.ok ? checked.number : normalized.number,
    valid: body.valid ?? true,
    name: optionalText(body.name),
    address: optionalText(body.address),
  };
  await ctx.update((s) => { s.numbers[`${entry.countryCode}${entry.vatNumber}`] = entry; });
  return Response.json(entry, { status: 201 });
}
