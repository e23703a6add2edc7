import type { SandboxContext } from "@/connectors/sandbox/kit/create-sandbox";
import { PRICE_DECIMALS } from "../../pricing";
import { decimalParam, failure, listed, success, textParam, unknownParams, type Call } from "../http";
import { nowText, type ProductJson, type WefactState } from "../state";
import { percentageOf } from "../../vat-codes";

const FIELDS = ["ProductCode", "ProductName", "ProductKeyPhrase", "ProductDescription", "NumberSuffix", "PriceExcl", "TaxCode", "AccountingCostCentre"] as const;

const row = (p: ProductJson) => ({
  Identifier: p.Identifier, ProductCode: p.ProductCode, ProductName: p.ProductName, ProductKeyPhrase: p.ProductKeyPhrase,
  PriceExcl: p.PriceExcl, TaxCode: p.TaxCode, TaxPercentage: p.TaxPercentage, Modified: p.Modified,
});

export function findProduct(state: WefactState, p: Record<string, unknown>): ProductJson | undefined {
  const id = textParam(p.Identifier);
  const code = textParam(p.ProductCode);
  return state.products.find((x) => (id !== undefined && String(x.Identifier) === id) || (code !== undefined && x.ProductCode.toLowerCase() === code.toLowerCase()));
}

export async function productController(call: Call, ctx: SandboxContext<WefactState>): Promise<Response> {
  const p = call.params;
  switch (call.action) {
    case "list":
      return listed(call, "products", (await ctx.read()).products, row, "ProductCode|ProductName|ProductKeyPhrase");
    case "show": {
      const product = findProduct(await ctx.read(), p);
      return product ? success(call, { product }) : failure(call, ["Product niet gevonden"]);
    }
    case "add":
      if (p.Identifier !== undefined) return failure(call, ["Een Identifier is niet toegestaan voor deze actie"]);
      return ctx.update((s) => {
        const errors = unknownParams(p, FIELDS);
        if (!textParam(p.ProductName)) errors.push("Productnaam is verplicht");
        if (!textParam(p.ProductKeyPhrase)) errors.push("Omschrijving op factuur (ProductKeyPhrase) is verplicht");
        const price = decimalParam(p.PriceExcl);
        if (p.PriceExcl === undefined || p.PriceExcl === "") errors.push("Prijs excl. btw is verplicht");
        else if (!price) errors.push("Invalid type for 'PriceExcl'");
        const code = textParam(p.ProductCode) ?? `P${String(s.counters.product + 1).padStart(4, "0")}`;
        // The manual: WeFact only accepts product numbers of letters and digits.
        if (!/^[A-Za-z0-9]+$/.test(code)) errors.push(`Productnummer '${code}' mag alleen letters en cijfers bevatten`);
        else if (findProduct(s, { ProductCode: code })) errors.push(`Productnummer ${code} is al in gebruik`);
        const taxCode = textParam(p.TaxCode) ?? s.taxCodes.find((t) => t.IsDefault === "yes")?.TaxCode ?? "V21";
        const tax = s.taxCodes.find((t) => t.TaxCode === taxCode);
        if (!tax) errors.push(`Ongeldige btw-code '${taxCode}'`);
        if (errors.length || !price || !tax) return failure(call, errors);
        s.counters.product += 1;
        const now = nowText();
        const product: ProductJson = {
          Identifier: s.counters.product, ProductCode: code, ProductName: textParam(p.ProductName)!, ProductKeyPhrase: textParam(p.ProductKeyPhrase)!,
          ProductDescription: textParam(p.ProductDescription) ?? "", NumberSuffix: textParam(p.NumberSuffix) ?? "",
          PriceExcl: price.toDecimalPlaces(PRICE_DECIMALS).toFixed(), TaxCode: tax.TaxCode, TaxPercentage: percentageOf(tax).toFixed(),
          AccountingCostCentre: textParam(p.AccountingCostCentre) ?? "", Created: now, Modified: now,
        };
        s.products.push(product);
        return success(call, { product }, [`Product ${code} is aangemaakt`]);
      });
    default:
      return failure(call, ["Invalid action"]);
  }
}
