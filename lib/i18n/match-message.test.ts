import { describe, expect, it } from "vitest";
import { localizeKnown, matchTemplate } from "./match-message";
import { defineMessages } from "./translate";

const notices = defineMessages({
  en: { connected: "Connected to {name}.", failed: "The webshop connection failed: {reason}", plain: "Order statuses saved." },
  nl: { connected: "Gekoppeld met {name}.", failed: "De koppeling met de webwinkel is mislukt: {reason}", plain: "Bestelstatussen opgeslagen." },
});

describe("matchTemplate", () => {
  it("captures the parameters of a filled-in template", () => {
    expect(matchTemplate("Connected. Administration: {name}.", "Connected. Administration: Shop (a.b).")).toEqual({ name: "Shop (a.b)" });
    expect(matchTemplate("{region} {rate}% appears twice.", "NL 21% appears twice.")).toEqual({ region: "NL", rate: "21" });
  });
  it("matches the whole text only", () => {
    expect(matchTemplate("Order statuses saved.", "Order statuses saved. And more")).toBeNull();
    expect(matchTemplate("Connected to {name}.", "Not connected to X.")).toBeNull();
  });
});

describe("localizeKnown", () => {
  it("translates a known text into Dutch, parameters kept", () => {
    expect(localizeKnown(notices, "Connected to PrestaShop.", "nl")).toBe("Gekoppeld met PrestaShop.");
    expect(localizeKnown(notices, "Order statuses saved.", "nl")).toBe("Bestelstatussen opgeslagen.");
  });
  it("translates a known reason inside a known sentence", () => {
    expect(localizeKnown(notices, "The webshop connection failed: Order statuses saved.", "nl")).toBe("De koppeling met de webwinkel is mislukt: Bestelstatussen opgeslagen.");
  });
  it("leaves English and unknown texts as they are", () => {
    expect(localizeKnown(notices, "Connected to PrestaShop.", "en")).toBe("Connected to PrestaShop.");
    expect(localizeKnown(notices, "WeFact did not accept the API key.", "nl")).toBe("WeFact did not accept the API key.");
  });
});
