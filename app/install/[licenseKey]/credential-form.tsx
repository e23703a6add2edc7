"use client";

import { useActionState, useId, useState } from "react";
import type { CredentialField } from "@/connectors/setup-types";
import { focusRing } from "@/components/ui-classes";

export type CredentialFormState = { error?: string; values: Record<string, string> };

/**
 * The connect form of an API-key system, drawn from its `credentialForm.fields` (already in the
 * merchant's language). The server action answers a failure with the system's message and the
 * non-secret values, so the merchant only retypes the secrets; on success it redirects back to
 * the wizard.
 */
export function CredentialForm({ fields, initial, action, submitLabel, submitClass, texts }: {
  fields: CredentialField[];
  initial: Record<string, string>;
  action: (state: CredentialFormState, form: FormData) => Promise<CredentialFormState>;
  submitLabel: string;
  submitClass: string;
  /** The form's name ("Connect WeFact"), "(optional)" and the pending button text, in the merchant's language. */
  texts: { form: string; optional: string; connecting: string };
}) {
  const [state, formAction, pending] = useActionState(action, { values: initial });
  const idBase = useId();
  // Choices (e.g. e-Boekhouden's way in) decide which other fields are shown.
  const [choices, setChoices] = useState<Record<string, string>>(() =>
    Object.fromEntries(fields.filter((f) => f.options).map((f) => [f.name, state.values[f.name] ?? f.options![0]!.value])),
  );
  const shown = (f: CredentialField) => !f.showWhen || choices[f.showWhen.field] === f.showWhen.equals;
  const control = `mt-1 block w-full rounded border border-slate-300 bg-white px-2 py-1 ${focusRing}`;

  return (
    // Remounted per answer, so the fields show the values sent back (React resets a form after its action).
    <form key={JSON.stringify(state)} action={formAction} aria-label={texts.form} className="max-w-xl space-y-3 rounded-md border border-slate-200 bg-slate-50 p-3">
      {fields.filter(shown).map((f) => {
        const id = `${idBase}-${f.name}`;
        const help = f.help ? `${id}-help` : undefined;
        return (
          <div key={f.name}>
            <label htmlFor={id} className="block font-medium">{f.label}{f.optional && <span className="font-normal text-slate-500"> {texts.optional}</span>}</label>
            {f.options ? (
              <select id={id} name={f.name} aria-describedby={help} value={choices[f.name]} onChange={(e) => setChoices({ ...choices, [f.name]: e.target.value })} className={control}>
                {f.options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
              </select>
            ) : (
              <input
                id={id}
                name={f.name}
                aria-describedby={help}
                type={f.secret ? "password" : "text"}
                autoComplete={f.secret ? "new-password" : "off"}
                // Secrets are never filled in again: the server does not send them back.
                defaultValue={f.secret ? undefined : state.values[f.name]}
                placeholder={f.placeholder}
                required={!f.optional}
                className={`${control} font-mono`}
              />
            )}
            {f.help && <p id={help} className="mt-1 text-xs break-words text-slate-600">{f.help}</p>}
          </div>
        );
      })}
      <div className="flex flex-wrap items-center gap-3">
        <button disabled={pending} className={`rounded-md px-3 py-1.5 text-sm font-medium disabled:opacity-50 ${submitClass} ${focusRing}`}>{pending ? texts.connecting : submitLabel}</button>
        {state.error && <p role="alert" className="break-words text-red-700">{state.error}</p>}
      </div>
    </form>
  );
}
