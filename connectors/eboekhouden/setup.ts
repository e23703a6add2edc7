import type { CredentialForm, SetupContext, TargetCatalog, TargetSetup, VatCodeChoice } from "../setup-types";
import { ConnectorError } from "../types";
import type { Books } from "./books";
import { booksFor } from "./books-for";
import { eboekhoudenCredentialsSchema, VAT_OSS, type EboekhoudenCredentials } from "./config";
import { vatCodes } from "./vat-codes";

/**
 * The wizard side of e-Boekhouden. One credential form with a `mode` field (manual ch. 4):
 * - "token": the API token (connections from 14 March 2025) → REST API;
 * - "legacy": username + security code 1 + security code 2 (connections before) → SOAP API.
 */
export const credentialForm: CredentialForm = {
  fields: [
    {
      name: "mode",
      label: "How do you connect?",
      options: [
        { value: "token", label: "API token (connections from 14 March 2025)" },
        { value: "legacy", label: "Username and security codes (connections before 14 March 2025)" },
      ],
      help: "New connections use an API token. Existing connections may keep using the username and the two security codes.",
      nl: {
        label: "Hoe koppel je?",
        options: { token: "API-token (koppelingen vanaf 14 maart 2025)", legacy: "Gebruikersnaam en beveiligingscodes (koppelingen van voor 14 maart 2025)" },
        help: "Nieuwe koppelingen gebruiken een API-token. Bestaande koppelingen mogen de gebruikersnaam en de twee beveiligingscodes blijven gebruiken.",
      },
    },
    {
      name: "apiToken",
      label: "API token",
      secret: true,
      showWhen: { field: "mode", equals: "token" },
      help: "In e-Boekhouden: Beheer > Koppelingen > API > e-Boekhouden API > Volgende. Give it a clear name and an end date a year ahead; after that date the connection must be made again.",
      nl: {
        label: "API-token",
        help: "In e-Boekhouden: Beheer > Koppelingen > API > e-Boekhouden API > Volgende. Geef het token een duidelijke naam en een einddatum een jaar vooruit; na die datum moet de koppeling opnieuw worden gemaakt.",
      },
    },
    { name: "username", label: "Username", showWhen: { field: "mode", equals: "legacy" }, help: "The username you log in to e-Boekhouden with.",
      nl: { label: "Gebruikersnaam", help: "De gebruikersnaam waarmee je inlogt bij e-Boekhouden." } },
    { name: "securityCode1", label: "Security code 1", secret: true, showWhen: { field: "mode", equals: "legacy" }, help: "In e-Boekhouden: Beheer > Instellingen > Webwinkelfacturen.",
      nl: { label: "Beveiligingscode 1" } },
    { name: "securityCode2", label: "Security code 2", secret: true, showWhen: { field: "mode", equals: "legacy" }, help: "In e-Boekhouden: Beheer > Instellingen > Webwinkelfacturen.",
      nl: { label: "Beveiligingscode 2" } },
  ],
  async connect({ baseUrl, values, fetch }) {
    const credentials = credentialsFrom(values);
    // One cheap authenticated call: a session is opened (which checks the codes), the administration read, the session closed.
    await withBooks({ baseUrl, credentials, fetch }, (books) => books.administrations());
    return credentials;
  },
};

export function credentialsFrom(values: Record<string, string>): EboekhoudenCredentials {
  const mode = values.mode?.trim() || (values.apiToken?.trim() ? "token" : "legacy");
  const parsed = eboekhoudenCredentialsSchema.safeParse({ ...values, mode });
  if (!parsed.success) {
    throw new ConnectorError("invalid_credentials", parsed.error.issues.map((i) => i.message).join("; ") || "Choose how you connect to e-Boekhouden.", false);
  }
  // Only what the chosen way needs is kept.
  return parsed.data.mode === "token"
    ? { mode: "token", apiToken: parsed.data.apiToken }
    : { mode: "legacy", username: parsed.data.username, securityCode1: parsed.data.securityCode1, securityCode2: parsed.data.securityCode2 };
}

async function withBooks<T>(ctx: Pick<SetupContext, "baseUrl" | "credentials" | "fetch">, work: (books: Books) => Promise<T>): Promise<T> {
  const books = booksFor({ baseUrl: ctx.baseUrl, credentials: ctx.credentials, fetch: ctx.fetch });
  try {
    return await work(books);
  } finally {
    await books.close();
  }
}

const SCOPES: Record<string, VatCodeChoice["scope"]> = {
  HOOG_VERK_21: "domestic", LAAG_VERK_9: "domestic",
  BI_EU_VERK: "zero", BI_EU_VERK_D: "zero", BU_EU_VERK: "zero", AFST_VERK: "zero",
  VERL_VERK: "reverse-charge", VERL_VERK_L9: "reverse-charge",
  GEEN: "exempt", AFW_VERK: "other",
};

/** The sales VAT codes (e-Boekhouden's fixed list, no API lists them) plus our OSS choice. */
export function vatCodeChoices(): VatCodeChoice[] {
  const codes = vatCodes
    .filter((c) => c.kind !== "purchase" && !c.until)
    .map((c): VatCodeChoice => ({ id: c.code, name: `${c.code} — ${c.description}`, ...(c.rate !== undefined ? { rate: c.rate } : {}), scope: SCOPES[c.code] ?? "other" }));
  return [...codes, { id: VAT_OSS, name: `${VAT_OSS} — OSS: VAT of the country of delivery, booked on the OSS VAT account`, scope: "other" }];
}

/** Without a template list (SOAP), the manual's default name is offered; another name can be typed in the settings. */
const DEFAULT_TEMPLATES = ["Invoice template"];

export const eboekhoudenSetup: TargetSetup = {
  credentialForm,
  registersPayments: true,
  paymentAccounts: true,
  listAdministrations: (ctx) => withBooks(ctx, (books) => books.administrations()),
  catalog: (ctx) =>
    withBooks(ctx, async (books): Promise<TargetCatalog> => {
      const [ledgers, templates] = await Promise.all([books.ledgers(), books.templates()]);
      return {
        vatCodes: vatCodeChoices(),
        accounts: ledgers
          .sort((a, b) => a.code.localeCompare(b.code, "nl", { numeric: true }))
          .map((l) => ({ id: l.code, code: l.code, name: `${l.code} ${l.description}${l.category ? ` (${l.category})` : ""}` })),
        templates: (templates ?? DEFAULT_TEMPLATES).map((name) => ({ id: name, name })),
      };
    }),
};
