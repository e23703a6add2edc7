import type { SandboxContext } from "@/connectors/sandbox/kit/create-sandbox";
import { failure, listed, success, textParam, unknownParams, type Call } from "../http";
import { nowText, type DebtorJson, type WefactState } from "../state";

const FIELDS = [
  "DebtorCode", "CompanyName", "CompanyNumber", "TaxNumber", "Sex", "Initials", "SurName", "Address", "ZipCode", "City", "Country",
  "EmailAddress", "PhoneNumber", "MobileNumber", "InvoiceMethod", "InvoiceTerm", "LanguageCode", "Currency", "Groups", "CustomFields",
] as const;

const row = (d: DebtorJson) => ({
  Identifier: d.Identifier, DebtorCode: d.DebtorCode, CompanyName: d.CompanyName, Sex: d.Sex, Initials: d.Initials, SurName: d.SurName,
  EmailAddress: d.EmailAddress, Modified: d.Modified,
});

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The checks WeFact makes on a debtor's fields; `current` is the debtor being edited. */
function validate(state: WefactState, p: Record<string, unknown>, current?: DebtorJson): string[] {
  const errors = unknownParams(p, [...FIELDS, ...(current ? ["Identifier"] : [])]);
  const company = textParam(p.CompanyName) ?? current?.CompanyName;
  const surname = textParam(p.SurName) ?? current?.SurName;
  if (!company && !surname) errors.push("Er moet een bedrijfsnaam of achternaam worden opgegeven");
  const country = textParam(p.Country);
  if (country && !/^[A-Z]{2}$/.test(country)) errors.push(`Ongeldige landcode '${country}'`);
  const email = textParam(p.EmailAddress);
  if (email && !email.split(/[;,]/).every((e) => EMAIL.test(e.trim()))) errors.push(`Ongeldig e-mailadres '${email}'`);
  const code = textParam(p.DebtorCode);
  if (code && state.debtors.some((d) => d.DebtorCode.toLowerCase() === code.toLowerCase() && d !== current)) errors.push(`Debiteurnummer ${code} is al in gebruik`);
  return errors;
}

function customFields(value: unknown): Record<string, string> {
  if (!value || typeof value !== "object") return {};
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, textParam(v) ?? ""]));
}

export function findDebtor(state: WefactState, p: Record<string, unknown>): DebtorJson | undefined {
  const id = textParam(p.Identifier ?? p.Debtor);
  const code = textParam(p.DebtorCode);
  return state.debtors.find((d) => (id !== undefined && String(d.Identifier) === id) || (code !== undefined && d.DebtorCode === code));
}

export async function debtorController(call: Call, ctx: SandboxContext<WefactState>): Promise<Response> {
  const p = call.params;
  switch (call.action) {
    case "list":
      return listed(call, "debtors", (await ctx.read()).debtors, row, "DebtorCode|CompanyName|SurName");
    case "show": {
      const debtor = findDebtor(await ctx.read(), p);
      return debtor ? success(call, { debtor }) : failure(call, ["Debiteur niet gevonden"]);
    }
    case "add":
      if (p.Identifier !== undefined) return failure(call, ["Een Identifier is niet toegestaan voor deze actie"]);
      return ctx.update((s) => {
        const errors = validate(s, p);
        if (errors.length) return failure(call, errors);
        s.counters.debtor += 1;
        const now = nowText();
        const debtor: DebtorJson = {
          Identifier: s.counters.debtor,
          DebtorCode: textParam(p.DebtorCode) ?? `DB${10000 + s.counters.debtor - 1}`,
          CompanyName: textParam(p.CompanyName) ?? "", CompanyNumber: textParam(p.CompanyNumber) ?? "", TaxNumber: textParam(p.TaxNumber) ?? "",
          Sex: textParam(p.Sex) ?? "m", Initials: textParam(p.Initials) ?? "", SurName: textParam(p.SurName) ?? "",
          Address: textParam(p.Address) ?? "", ZipCode: textParam(p.ZipCode) ?? "", City: textParam(p.City) ?? "", Country: textParam(p.Country) ?? "NL",
          EmailAddress: textParam(p.EmailAddress) ?? "", PhoneNumber: textParam(p.PhoneNumber) ?? "", MobileNumber: textParam(p.MobileNumber) ?? "",
          InvoiceMethod: textParam(p.InvoiceMethod) ?? "0", InvoiceTerm: textParam(p.InvoiceTerm) ?? "14", LanguageCode: textParam(p.LanguageCode) ?? "nl_nl",
          Currency: textParam(p.Currency) ?? "EUR", CustomFields: customFields(p.CustomFields), Created: now, Modified: now,
        };
        s.debtors.push(debtor);
        return success(call, { debtor }, [`Debiteur ${debtor.DebtorCode} is aangemaakt`]);
      });
    case "edit":
      return ctx.update((s) => {
        const debtor = findDebtor(s, p);
        if (!debtor) return failure(call, ["Debiteur niet gevonden"]);
        const errors = validate(s, p, debtor);
        if (errors.length) return failure(call, errors);
        for (const key of FIELDS) {
          if (key === "CustomFields") { if (p.CustomFields !== undefined) debtor.CustomFields = { ...debtor.CustomFields, ...customFields(p.CustomFields) }; continue; }
          if (key === "Groups") continue;
          const value = textParam(p[key]);
          if (value !== undefined) debtor[key] = value;
        }
        debtor.Modified = nowText();
        return success(call, { debtor }, [`Debiteur ${debtor.DebtorCode} is aangepast`]);
      });
    default:
      return failure(call, ["Invalid action"]);
  }
}
