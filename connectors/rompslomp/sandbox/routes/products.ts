import { decimalParam, idParam, noEndpoint, notFound, paginated, rb, readRoot, round2, stringParam, unpermitted, unpermittedError, validationError } from "../http";
import type { Route } from "../route";
import { rateOf, resolveVatType } from "../vat";
import { newId, type ProductJson, type RompslompState } from "../state";

const PERMITTED = ["has_stock", "invoice_line"] as const;
const LINE_PERMITTED = ["description", "extended_description", "price_per_unit", "vat_type_id", "vat_rate", "account_id", "account_path", "product_code"] as const;

export function buildProduct(state: RompslompState, input: Record<string, unknown>): { product: ProductJson } | { errors: string[] } {
  const line = (input.invoice_line && typeof input.invoice_line === "object" ? input.invoice_line : {}) as Record<string, unknown>;
  const errors: string[] = [];
  const description = stringParam(line.description);
  if (!description) errors.push("Omschrijving moet opgegeven zijn");
  else if (description.length > 255) errors.push("Omschrijving is te lang (maximaal 255 tekens)");
  const price = decimalParam(line.price_per_unit);
  if (line.price_per_unit === undefined || line.price_per_unit === null || line.price_per_unit === "") errors.push("Stuksprijs moet opgegeven zijn");
  else if (!price) errors.push("Stuksprijs is geen getal");
  const vatType = resolveVatType(state, line.vat_type_id);
  if (!vatType) errors.push("Btw-soort bestaat niet");
  const customRate = decimalParam(line.vat_rate);
  if (vatType?.name === "vat_custom" && (!customRate || customRate.isNeg() || customRate.gt(1))) errors.push("Btw-percentage moet opgegeven zijn (een fractie, bijv. 0.19)");
  const accountId = line.account_id === undefined || line.account_id === null ? null : (idParam(line.account_id) ?? -1);
  if (accountId !== null && !state.accounts.some((a) => a.id === accountId && a.type === "revenue")) errors.push("Grootboekrekening is ongeldig");
  // The manual: "Rompslomp only accepts SKUs consisting of numbers/letters".
  const code = stringParam(line.product_code) ?? `P${String(state.counters.product + 1).padStart(5, "0")}`;
  if (!/^[A-Za-z0-9]+$/.test(code)) errors.push("Productcode mag alleen letters en cijfers bevatten");
  else if (code.length > 100) errors.push("Productcode is te lang (maximaal 100 tekens)");
  else if (state.products.some((p) => p.invoice_line.product_code.toLowerCase() === code.toLowerCase())) errors.push("Productcode is al in gebruik");
  if (errors.length || !price || !vatType) return { errors };

  const rate = rateOf(vatType, customRate);
  const vat = round2(price.times(rate));
  const id = newId(state);
  return {
    product: {
      id,
      number_sold: 0,
      has_stock: input.has_stock === true,
      invoice_line: {
        id: newId(state),
        description,
        extended_description: stringParam(line.extended_description),
        price_per_unit: rb(price),
        price_with_vat: rb(round2(price).plus(vat)),
        price_without_vat: rb(round2(price)),
        vat_amount: rb(vat),
        vat_rate: rb(rate),
        vat_type_id: vatType.id,
        quantity: "1.0",
        product_id: id,
        account_id: accountId,
        account_path: accountId === null ? null : (state.accounts.find((a) => a.id === accountId)?.path ?? null),
        product_code: code,
      },
    },
  };
}

function search(state: RompslompState, params: URLSearchParams): ProductJson[] {
  let list = state.products;
  const codes = params.getAll("search[product_codes][]").map((c) => c.toLowerCase());
  if (codes.length) list = list.filter((p) => codes.includes(p.invoice_line.product_code.toLowerCase()));
  const q = params.get("search[q]")?.toLowerCase();
  if (q) list = list.filter((p) => [p.invoice_line.product_code, p.invoice_line.description].some((v) => v?.toLowerCase().includes(q)));
  return list;
}

export async function products({ ctx, method, rest }: Route): Promise<Response> {
  if (rest.length === 0 && method === "GET") return paginated(ctx.url, "products", search(await ctx.read(), ctx.url.searchParams));
  if (rest.length === 0 && method === "POST") {
    const body = await readRoot(ctx.req, "product");
    if (!body.ok) return body.response;
    const line = body.value.invoice_line;
    const extra = [
      ...unpermitted(body.value, PERMITTED),
      ...(line && typeof line === "object" ? unpermitted(line as Record<string, unknown>, LINE_PERMITTED, "invoice_line.") : []),
    ];
    if (extra.length) return unpermittedError(extra);
    return ctx.update((state) => {
      const built = buildProduct(state, body.value);
      if ("errors" in built) return validationError("Product", built.errors);
      state.products.push(built.product);
      state.counters.product += 1;
      return Response.json({ product: built.product }, { status: 201 });
    });
  }
  if (rest.length === 1 && method === "GET") {
    const found = (await ctx.read()).products.find((p) => String(p.id) === rest[0]);
    return found ? Response.json({ product: found }) : notFound("Product");
  }
  return noEndpoint();
}
