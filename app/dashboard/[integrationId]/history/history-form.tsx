"use client";

import { useActionState } from "react";
import { historyCommand, type HistoryActionState } from "./actions";

/**
 * One form of the History import tab: its hidden fields and buttons (each button names its command),
 * and the translated problem the server answered, if any.
 */
export function HistoryForm({ integrationId, hidden = {}, children, className }: { integrationId: string; hidden?: Record<string, string>; children: React.ReactNode; className?: string }) {
  const [state, action, pending] = useActionState<HistoryActionState, FormData>(historyCommand.bind(null, integrationId), { at: 0 });
  return (
    <form action={action} className={className} aria-busy={pending}>
      {Object.entries(hidden).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />)}
      <fieldset disabled={pending} className="contents">{children}</fieldset>
      {state.problem && <p role="alert" className="mt-2 w-full text-sm text-red-700">{state.problem}</p>}
    </form>
  );
}
