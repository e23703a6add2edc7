import type { CredentialField } from "@/connectors/setup-types";

/**
 * The wizard's generic credential form, server side: which fields count, what is missing, and what
 * may be shown again. Secrets never leave the server once entered.
 */

/** A field is in play unless it waits for another field's value (e-Boekhouden's token vs. security codes). */
export const isShown = (field: CredentialField, values: Record<string, string>) =>
  !field.showWhen || values[field.showWhen.field] === field.showWhen.equals;

/** The submitted values of the form's own fields (unknown names ignored, hidden fields dropped). */
export function readCredentialValues(fields: CredentialField[], form: FormData): Record<string, string> {
  const raw: Record<string, string> = {};
  for (const f of fields) {
    const value = form.get(f.name);
    if (typeof value === "string") raw[f.name] = f.secret ? value : value.trim();
  }
  // A choice outside its options counts as not chosen.
  for (const f of fields) if (f.options && raw[f.name] !== undefined && !f.options.some((o) => o.value === raw[f.name])) delete raw[f.name];
  return Object.fromEntries(Object.entries(raw).filter(([name]) => isShown(fields.find((f) => f.name === name)!, raw)));
}

/** Labels of the required fields left empty, in form order. */
export const missingFields = (fields: CredentialField[], values: Record<string, string>) =>
  fields.filter((f) => !f.optional && isShown(f, values) && !values[f.name]?.trim()).map((f) => f.label);

/** What may be echoed into the page: everything but the secrets. */
export const publicValues = (fields: CredentialField[], values: Record<string, unknown>): Record<string, string> =>
  Object.fromEntries(fields.filter((f) => !f.secret && typeof values[f.name] === "string").map((f) => [f.name, values[f.name] as string]));

/**
 * What the form shows before anything is typed: the stored non-secret values, and the shop
 * address from the connection where one is known (a sandbox shop), in the field that asks for it.
 */
export function initialValues(fields: CredentialField[], stored: Record<string, unknown>, baseUrl: string | null): Record<string, string> {
  const fromConnection: Record<string, string | undefined> = baseUrl
    ? { shopUrl: baseUrl, storeUrl: baseUrl, adminUrl: `${baseUrl.replace(/\/+$/, "")}/admin` }
    : {};
  const initial: Record<string, string> = {};
  for (const f of fields) {
    const value = f.secret ? undefined : stored[f.name] ?? fromConnection[f.name];
    if (typeof value === "string") initial[f.name] = value;
  }
  return initial;
}
