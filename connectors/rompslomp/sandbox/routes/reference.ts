import { isIsoDate, noEndpoint, notFound, paginated, today } from "../http";
import type { Route } from "../route";
import { isPaymentAccount, type AccountJson, type VatTypeRecord } from "../seed";
import type { RompslompState } from "../state";

/** Read-only reference data: VAT types, ledger accounts, invoice templates. */

const vatJson = ({ id, name, friendly_name, value }: VatTypeRecord) => ({ id, name, friendly_name, value });

/** `?since=` (default today): the types valid on or after that date; 6% "laag oud" only for old dates. */
function vatTypesSince(state: RompslompState, since: string) {
  return state.vatTypes.filter((t) => (!t.valid_until || t.valid_until >= since)).map(vatJson);
}

function accountsFor(state: RompslompState, selection: string): AccountJson[] | undefined {
  switch (selection) {
    case "all":
    case "ledger":
      return state.accounts;
    case "payment":
      return state.accounts.filter(isPaymentAccount);
    case "revenue":
      return state.accounts.filter((a) => a.type === "revenue");
    case "costs":
      return state.accounts.filter((a) => a.type === "costs");
    default:
      return undefined;
  }
}

export async function vatTypes({ ctx, method, rest }: Route): Promise<Response> {
  if (method !== "GET") return noEndpoint();
  const state = await ctx.read();
  if (rest.length === 0) {
    const since = ctx.url.searchParams.get("since") ?? today();
    return paginated(ctx.url, "vat_types", vatTypesSince(state, isIsoDate(since) ? since : today()));
  }
  const found = state.vatTypes.find((t) => String(t.id) === rest[0]);
  return found ? Response.json({ vat_type: vatJson(found) }) : notFound("Btw-soort");
}

export async function accounts({ ctx, method, rest }: Route): Promise<Response> {
  if (method !== "GET") return noEndpoint();
  const state = await ctx.read();
  if (rest.length === 0) {
    let list = accountsFor(state, ctx.url.searchParams.get("selection") ?? "all");
    if (!list) return Response.json({ error: { type: "client.parameters.invalid_parameter_value", message: "Ongeldige waarde voor selection" } }, { status: 400 });
    const paths = ctx.url.searchParams.getAll("search[paths][]");
    if (paths.length) list = list.filter((a) => paths.includes(a.path));
    return paginated(ctx.url, "accounts", list);
  }
  const found = state.accounts.find((a) => String(a.id) === rest[0]);
  return found ? Response.json({ account: found }) : notFound("Rekening");
}

export async function templates({ ctx, method, rest }: Route): Promise<Response> {
  if (method !== "GET") return noEndpoint();
  const state = await ctx.read();
  if (rest.length === 0) return paginated(ctx.url, "templates", state.templates);
  const found = state.templates.find((t) => String(t.id) === rest[0]);
  return found ? Response.json({ template: found }) : notFound("Sjabloon");
}
