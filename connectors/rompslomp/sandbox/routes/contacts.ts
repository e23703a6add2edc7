import { noEndpoint, notFound, paginated, readRoot, stringParam, unpermitted, unpermittedError, validationError } from "../http";
import type { Route } from "../route";
import { newId, type ContactJson, type RompslompState } from "../state";

const PERMITTED = [
  "is_individual", "is_supplier", "company_name", "contact_person_name", "contact_person_email_address", "address", "zipcode",
  "city", "government_identification_number", "country_code", "kvk_number", "phone", "vat_number", "contact_number", "free_1", "free_2", "free_3",
] as const;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Validates and builds a contact as Rompslomp would (messages as its API words them). */
export function buildContact(state: RompslompState, input: Record<string, unknown>): { contact: ContactJson } | { errors: string[] } {
  const errors: string[] = [];
  const isIndividual = input.is_individual === true || input.is_individual === "true";
  const s = (k: (typeof PERMITTED)[number]) => stringParam(input[k]);
  if (!isIndividual && !s("company_name")) errors.push("Company name moet opgegeven zijn");
  if (isIndividual && !s("contact_person_name")) errors.push("Contact person name moet opgegeven zijn");
  const email = s("contact_person_email_address");
  if (email && !EMAIL.test(email.trim())) errors.push("Contact person email address is ongeldig");
  const country = s("country_code");
  if (country && !/^[A-Z]{2}$/.test(country)) errors.push("Country code is ongeldig");
  const number = s("contact_number") ?? `K${String(state.counters.contact + 1).padStart(5, "0")}`;
  if (state.contacts.some((c) => c.contact_number === number)) errors.push("Contact number is al in gebruik");
  if (errors.length) return { errors };
  const companyName = isIndividual ? null : s("company_name");
  const person = s("contact_person_name");
  return {
    contact: {
      id: newId(state),
      is_individual: isIndividual,
      is_supplier: input.is_supplier === true,
      name: isIndividual ? person : companyName,
      company_name: companyName,
      contact_person_name: person,
      contact_person_email_address: email?.trim() ?? null,
      address: s("address"),
      zipcode: s("zipcode"),
      city: s("city"),
      government_identification_number: s("government_identification_number"),
      country_code: country,
      kvk_number: s("kvk_number"),
      phone: s("phone"),
      vat_number: s("vat_number"),
      contact_number: number,
      free_1: s("free_1"),
      free_2: s("free_2"),
      free_3: s("free_3"),
    },
  };
}

function search(state: RompslompState, params: URLSearchParams): ContactJson[] {
  let list = state.contacts;
  const selection = params.get("selection") ?? "all";
  if (selection === "customers") list = list.filter((c) => !c.is_supplier);
  if (selection === "suppliers") list = list.filter((c) => c.is_supplier);
  const email = params.get("search[contact_person_email_address]");
  // Exact match (the reference); email addresses compare case-insensitively, as Rompslomp stores them as typed.
  if (email !== null) list = list.filter((c) => (c.contact_person_email_address ?? "").toLowerCase() === email.trim().toLowerCase());
  const q = params.get("search[q]")?.toLowerCase();
  if (q) {
    list = list.filter((c) =>
      [c.name, c.contact_person_email_address, c.kvk_number, c.contact_number, c.address, c.phone, c.vat_number, c.zipcode, c.city]
        .some((v) => v?.toLowerCase().includes(q)),
    );
  }
  return list;
}

export async function contacts({ ctx, method, rest }: Route): Promise<Response> {
  if (rest.length === 0 && method === "GET") return paginated(ctx.url, "contacts", search(await ctx.read(), ctx.url.searchParams));
  if (rest.length === 0 && method === "POST") {
    const body = await readRoot(ctx.req, "contact");
    if (!body.ok) return body.response;
    const extra = unpermitted(body.value, PERMITTED);
    if (extra.length) return unpermittedError(extra);
    return ctx.update((state) => {
      const built = buildContact(state, body.value);
      if ("errors" in built) return validationError("Contact", built.errors);
      state.contacts.push(built.contact);
      state.counters.contact += 1;
      return Response.json({ contact: built.contact }, { status: 201 });
    });
  }
  if (rest.length === 1 && method === "GET") {
    const found = (await ctx.read()).contacts.find((c) => String(c.id) === rest[0]);
    return found ? Response.json({ contact: found }) : notFound("Contact");
  }
  return noEndpoint();
}
