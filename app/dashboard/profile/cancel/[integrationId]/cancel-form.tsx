"use client";

import Link from "next/link";
import { useActionState, useId } from "react";
import { cancelIntegrationAction, type FormState } from "../../actions";

type Labels = { confirm: string; submit: string; keep: string };

/** The confirmation step: a box to tick, then the red button; nothing happens without both. */
export function CancelForm({ integrationId, labels }: { integrationId: string; labels: Labels }) {
  const [state, action, pending] = useActionState<FormState, FormData>(cancelIntegrationAction.bind(null, integrationId), {});
  const id = useId();
  return (
    <form action={action} className="mt-6 space-y-4">
      <div className="flex items-start gap-2">
        <input id={id} type="checkbox" name="confirm" value="yes" required className="mt-1 h-4 w-4" aria-describedby={`${id}-error`} />
        <label htmlFor={id} className="text-sm">{labels.confirm}</label>
      </div>
      <p id={`${id}-error`} role="alert" className="text-sm text-red-700">{state.message}</p>
      <div className="flex flex-wrap gap-3">
        <button type="submit" disabled={pending} className="rounded-md bg-red-600 px-4 py-2 text-sm font-medium text-white hover:bg-red-500 disabled:opacity-60">{labels.submit}</button>
        <Link href="/dashboard/profile" className="rounded-md border border-slate-300 px-4 py-2 text-sm hover:bg-slate-50">{labels.keep}</Link>
      </div>
    </form>
  );
}
