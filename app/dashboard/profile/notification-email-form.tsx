"use client";

import { useActionState, useId } from "react";
import { removeNotificationEmail, saveNotificationEmail, type FormState } from "./actions";

type Labels = { label: string; save: string; remove: string; help: string };

/** The extra address every mail is copied to: validated on the server, removable. */
export function NotificationEmailForm({ current, labels }: { current: string | null; labels: Labels }) {
  const [saved, save, saving] = useActionState<FormState, FormData>(saveNotificationEmail, { value: current ?? "" });
  const [removed, remove, removing] = useActionState<FormState>(removeNotificationEmail, {});
  const id = useId();
  const answer = removed.message && (!saved.message || removing) ? removed : saved;
  return (
    <div className="mt-3 max-w-lg">
      <form action={save} className="flex flex-wrap items-end gap-2" noValidate>
        <div className="min-w-64 flex-1">
          <label htmlFor={`${id}-email`} className="block text-sm font-medium">{labels.label}</label>
          <input
            id={`${id}-email`} name="notificationEmail" type="email" autoComplete="email" defaultValue={saved.value ?? current ?? ""}
            aria-describedby={`${id}-help ${id}-answer`} aria-invalid={saved.ok === false}
            className="mt-1 w-full rounded-md border border-slate-300 px-3 py-1.5 text-sm focus:border-blue-500 focus:outline-none focus:ring-2 focus:ring-blue-200"
          />
        </div>
        <button type="submit" disabled={saving} className="rounded-md bg-blue-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-blue-500 disabled:opacity-60">{labels.save}</button>
      </form>
      {current && (
        <form action={remove} className="mt-2">
          <button type="submit" disabled={removing} className="text-sm text-red-700 underline hover:text-red-600">{labels.remove}</button>
        </form>
      )}
      <p id={`${id}-help`} className="mt-2 text-xs text-slate-500">{labels.help}</p>
      <p id={`${id}-answer`} role={answer.ok === false ? "alert" : "status"} className={`mt-1 text-sm ${answer.ok === false ? "text-red-700" : "text-green-700"}`}>
        {answer.message}
      </p>
    </div>
  );
}
