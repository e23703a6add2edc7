"use client";

import { useActionState, useId, useState } from "react";
import { configurationMessages, type ConfigurationKey } from "@/lib/i18n/messages/configuration";
import type { Locale } from "@/lib/i18n/locale";
import { translator } from "@/lib/i18n/translate";
import { explainField, fieldPrefix, type ExplainContext, type FieldView } from "@/lib/integrations/configuration-explain";
import type { FieldValue, MethodAccount } from "@/lib/integrations/configuration-values";
import type { ConfigFormState } from "./form-state";

const control = "mt-1 block w-full max-w-md rounded border border-slate-300 bg-white px-2 py-1 text-sm";

/** The form's current values, read the way the server reads them (so the effect lines follow what is typed). */
function readForm(form: HTMLFormElement, fields: FieldView[]): Record<string, FieldValue> {
  const data = new FormData(form);
  const out: Record<string, FieldValue> = {};
  for (const f of fields) {
    if (f.kind === "switch") out[f.name] = data.get(f.name) === "on";
    else if (f.kind === "statuses") out[f.name] = data.getAll(f.name).map(String);
    else if (f.kind === "methodAccounts") {
      const rows: MethodAccount[] = [];
      for (let i = 0; data.has(`method_${i}`); i++) rows.push({ method: String(data.get(`method_${i}`)).trim(), account: String(data.get(`account_${i}`) ?? "").trim() });
      out[f.name] = rows;
    } else out[f.name] = String(data.get(f.name) ?? "").trim();
  }
  return out;
}

/**
 * One group of the Configuration tab (Documents, Booking, VAT, Payments, Fetching): its settings
 * with their current values and the effect of each in one line, saved together. A rejected save
 * keeps what was typed and shows each error next to its field.
 */
export function GroupForm({ title, fields, locale, context, action }: {
  title: string;
  fields: FieldView[];
  locale: Locale;
  context: ExplainContext;
  action: (state: ConfigFormState, form: FormData) => Promise<ConfigFormState>;
}) {
  const t = translator(configurationMessages, locale);
  const [state, formAction, pending] = useActionState(action, { status: "idle", at: 0, errors: {} });
  // What the form starts from: the saved values, or after a rejected save what was typed.
  const start: Record<string, FieldValue> = { ...Object.fromEntries(fields.map((f) => [f.name, f.value])), ...(state.status === "invalid" ? state.values : {}) };
  const formKey = `${state.at}:${JSON.stringify(start)}`;
  // What is typed since, so each effect line follows the form before it is saved.
  const [live, setLive] = useState<{ key: string; values: Record<string, FieldValue> } | null>(null);
  const current = live?.key === formKey ? live.values : start;
  const idBase = useId();
  const errorText = (name: string) => {
    const e = state.errors[name];
    return e ? t(`error.${e.code}` as ConfigurationKey, { ...context, ...e.params }) : null;
  };

  return (
    <form
      // Remounted per answer and per saved value, so the fields show what the server has (React resets a form after its action).
      key={formKey}
      action={formAction}
      noValidate
      onChange={(e) => setLive({ key: formKey, values: readForm(e.currentTarget, fields) })}
      className="space-y-4"
    >
      {fields.map((f) => {
        const id = `${idBase}-${f.name}`;
        const error = errorText(f.name);
        const described = `${id}-effect${error ? ` ${id}-error` : ""}`;
        const value = current[f.name] ?? f.value;
        const label = t(`f.${f.name}.label` as ConfigurationKey);
        return (
          <div key={f.name} data-setting={f.name}>
            {f.kind === "switch" ? (
              <label className="flex items-center gap-2 text-sm font-medium">
                <input id={id} type="checkbox" name={f.name} defaultChecked={value === true} aria-describedby={described} aria-invalid={!!error} /> {label}
              </label>
            ) : f.kind === "statuses" ? (
              <fieldset aria-describedby={described} aria-invalid={!!error}>
                <legend className="text-sm font-medium">{label}</legend>
                <div className="mt-1 grid grid-cols-1 gap-1 text-sm sm:grid-cols-2">
                  {f.options.map((o) => (
                    <label key={o.value} className="flex items-center gap-2">
                      <input type="checkbox" name={f.name} value={o.value} defaultChecked={(value as string[]).includes(o.value)} /> {o.label}
                    </label>
                  ))}
                </div>
              </fieldset>
            ) : f.kind === "methodAccounts" ? (
              <MethodAccounts id={id} label={label} rows={value as MethodAccount[]} options={f.options} t={t} described={described} invalid={!!error} />
            ) : (
              <>
                <label htmlFor={id} className="block text-sm font-medium">{label}</label>
                <FieldControl id={id} field={f} value={value} t={t} described={described} invalid={!!error} />
              </>
            )}
            <p id={`${id}-effect`} data-testid={`effect-${f.name}`} className="mt-1 text-sm text-slate-600">{explainField(t, f, value, context)}</p>
            {error && <p id={`${id}-error`} role="alert" className="mt-1 text-sm font-medium text-red-700">{error}</p>}
          </div>
        );
      })}
      <div className="flex flex-wrap items-center gap-3">
        <button disabled={pending} aria-label={`${t("save")}: ${title}`} className="rounded-md bg-slate-900 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-50">{pending ? t("saving") : t("save")}</button>
        {state.status === "saved" && <p role="status" className="text-sm text-green-700">{t("saved")}</p>}
        {state.status === "invalid" && <p role="alert" className="text-sm text-red-700">{state.errors[""] ? errorText("") : t("invalid")}</p>}
        {state.warning && <p role="alert" className="text-sm text-amber-800">{state.warning}</p>}
      </div>
    </form>
  );
}

type T = ReturnType<typeof translator<ConfigurationKey>>;

function FieldControl({ id, field, value, t, described, invalid }: { id: string; field: FieldView; value: FieldValue; t: T; described: string; invalid: boolean }) {
  const common = { id, name: field.name, "aria-describedby": described, "aria-invalid": invalid, className: control };
  const text = typeof value === "string" ? value : "";
  if (field.kind === "choice" || ((field.kind === "template" || field.kind === "account") && field.options.length > 0)) {
    const empty = field.kind === "template" ? t("f.templateId.default") : t("f.paymentAccount.choose");
    return (
      <select {...common} defaultValue={text}>
        {field.kind !== "choice" && field.optional && <option value="">{empty}</option>}
        {field.options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    );
  }
  if (field.kind === "number") return <input {...common} type="number" inputMode="numeric" min={field.min} max={field.max} defaultValue={text} />;
  if (field.kind === "date") return <input {...common} type="date" defaultValue={text} />;
  return <input {...common} type="text" autoComplete="off" defaultValue={text} placeholder={fieldPrefix(field) === "f.requesterVatNumber" ? "NL123456789B01" : undefined} />;
}

/** Payments: one row per method with its own account, plus an empty row to add one. */
function MethodAccounts({ id, label, rows, options, t, described, invalid }: {
  id: string; label: string; rows: MethodAccount[]; options: { value: string; label: string }[]; t: T; described: string; invalid: boolean;
}) {
  const shown = [...rows, { method: "", account: "" }];
  return (
    <fieldset aria-describedby={described} aria-invalid={invalid}>
      <legend className="text-sm font-medium">{label}</legend>
      <p className="text-xs text-slate-500">{t("f.methodAccounts.hint")}</p>
      <div className="mt-1 space-y-2">
        {shown.map((row, i) => (
          <div key={i} className="flex flex-wrap gap-2">
            <input name={`method_${i}`} defaultValue={row.method} aria-label={`${t("f.methodAccounts.method")} ${i + 1}`} placeholder="iDEAL" className="w-40 rounded border border-slate-300 px-2 py-1 text-sm" />
            {options.length > 0 ? (
              <select id={i === 0 ? id : undefined} name={`account_${i}`} defaultValue={row.account} aria-label={`${t("f.methodAccounts.account")} ${i + 1}`} className="min-w-0 flex-1 rounded border border-slate-300 px-2 py-1 text-sm">
                <option value="">{t("f.paymentAccount.choose")}</option>
                {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
              </select>
            ) : (
              <input name={`account_${i}`} defaultValue={row.account} aria-label={`${t("f.methodAccounts.account")} ${i + 1}`} className="w-32 rounded border border-slate-300 px-2 py-1 text-sm" />
            )}
          </div>
        ))}
      </div>
    </fieldset>
  );
}
