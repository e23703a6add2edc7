"use client";

import { useActionState, useId } from "react";
import { updateNotificationEmail, type FormState } from "./actions";

type Labels = { label: string; save: string; remove: string; help: string };

/** The extra address every mail is copied to: validated on the server, removable. */
export function NotificationEmailForm({ current, labels }: { current: string | null; labels: Labels }) {
  const [state, action, pending] = useActionState<FormState, FormData>(updateNotificationEmail, { value: current ?? "" });
  const id = useId();
  const saved = state.ok === undefined ? current : state.ok ? state.value || null : current;
  return (
    <form action={action} className="mt-3 max-w-lg" noValidate>
      <label htmlFor={`${id}-email`} className="block text-sm font-medium">{labels.label}</label>
      <div className="mt-1 flex flex-wrap items-center gap-2">
        <input
          key={state.value} id={`${id}-email`} name="notificationEmail" type="email" autoComplete="email" defaultValue={state.value ?? ""}
          aria-describedby={`${id}-help ${id}-answer`} aria-invalid={state.ok === false}
          className="min-w-64 flex-1 rounded-md border border-slate-300 px-3 py-1.5 text-sm focus:border-blue-500 focus:outline-none focus:ring-2 focus:ring-blue-200"
        />
        <button type="submit" name="intent" value="save" disabled={pending} className="rounded-md bg-blue-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-blue-500 disabled:opacity-60">{labels.save}</button>
        {saved && (
          <button type="submit" name="intent" value="remove" disabled={pending} className="rounded-md border border-red-300 px-3 py-1.5 text-sm text-red-700 hover:bg-red-50 disabled:opacity-60">{labels.remove}</button>
        )}
      </div>
      <p id={`${id}-help`} className="mt-2 text-xs text-slate-500">{labels.help}</p>
      <p id={`${id}-answer`} role={state.ok === false ? "alert" : "status"} className={`mt-1 text-sm ${state.ok === false ? "text-red-700" : "text-green-700"}`}>
        {state.message}
      </p>
    </form>
  );
}
