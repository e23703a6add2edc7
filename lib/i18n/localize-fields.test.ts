import { describe, expect, it } from "vitest";
import { credentialForm as eboekhouden } from "@/connectors/eboekhouden/setup";
import { factuursturenCredentialForm } from "@/connectors/factuursturen/setup";
import { localizeFields } from "./localize-fields";

describe("localizeFields", () => {
  it("keeps a connector's English wording by default", () => {
    const [username] = localizeFields(factuursturenCredentialForm.fields, "en");
    expect(username).toMatchObject({ label: "Username", placeholder: "name@company.nl" });
    expect(username).not.toHaveProperty("nl");
  });
  it("uses the Dutch wording of label, help, placeholder and options", () => {
    const [username, apiKey] = localizeFields(factuursturenCredentialForm.fields, "nl");
    expect(username).toMatchObject({ name: "username", label: "Gebruikersnaam", placeholder: "naam@bedrijf.nl" });
    expect(apiKey).toMatchObject({ name: "apiKey", label: "API-sleutel", secret: true });
    const [mode] = localizeFields(eboekhouden.fields, "nl");
    expect(mode!.options).toEqual([
      { value: "token", label: "API-token (koppelingen vanaf 14 maart 2025)" },
      { value: "legacy", label: "Gebruikersnaam en beveiligingscodes (koppelingen van voor 14 maart 2025)" },
    ]);
  });
  it("leaves a field without Dutch wording in English", () => {
    expect(localizeFields([{ name: "x", label: "Shop id" }], "nl")).toEqual([{ name: "x", label: "Shop id" }]);
  });
});
