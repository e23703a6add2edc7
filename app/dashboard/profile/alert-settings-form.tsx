"use client";

import { useActionState, useId } from "react";
import type { AlertPreferences } from "@/lib/alerts/preferences";
import { saveAlertSettings, type AlertFormState } from "./alert-actions";

type Switch = { name: keyof AlertPreferences; label: string; help: string };

/** The four alert switches, saved together on the server. */
export function AlertSettingsForm({ current, switches, save }: { current: AlertPreferences; switches: Switch[]; save: string }) {
  const [state, action, pending] = useActionState<AlertFormState, FormData>(saveAlertSettings, {});
  const id = useId();
  return (
    <form action={action} className="mt-3 max-w-2xl" aria-describedby={`${id}-answer`}>
      <input type="hidden" name="form" value="alerts" />
      <ul className="space-y-3">
        {switches.map((s) => (
          <li key={s.name} className="flex items-start gap-3">
            <input
              id={`${id}-${s.name}`} name={s.name} type="checkbox" defaultChecked={current[s.name]} aria-describedby={`${id}-${s.name}-help`}
              className="mt-1 h-4 w-4 rounded border-slate-300 text-blue-600 focus:ring-2 focus:ring-blue-200"
            />
            <div>
              <label htmlFor={`${id}-${s.name}`} className="text-sm font-medium">{s.label}</label>
              <p id={`${id}-${s.name}-help`} className="text-xs text-slate-500">{s.help}</p>
            </div>
          </li>
        ))}
      </ul>
      <button type="submit" disabled={pending} className="mt-4 rounded-md bg-blue-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-blue-500 disabled:opacity-60">{save}</button>
      <p id={`${id}-answer`} role={state.ok === false ? "alert" : "status"} className={`mt-2 text-sm ${state.ok === false ? "text-red-700" : "text-green-700"}`}>
        {state.message}
      </p>
    </form>
  );
}
