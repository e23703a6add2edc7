"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { focusRing } from "@/components/ui-classes";
import { checkAgain } from "./actions";

/** Starts the check against the accounting system and shows the page again with its result. */
export function CheckAgainButton({ integrationId, query, label, busyLabel }: {
  integrationId: string; query: { month?: string; from?: string; to?: string }; label: string; busyLabel: string;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button"
        disabled={pending}
        onClick={() => startTransition(async () => {
          setError(null);
          const result = await checkAgain(integrationId, query).catch(() => ({ ok: false as const, message: "" }));
          if (!result.ok) setError(result.message || label);
          router.refresh();
        })}
        className={`rounded-md bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700 disabled:opacity-50 ${focusRing}`}
      >
        {pending ? busyLabel : label}
      </button>
      {error && <span role="alert" className="text-sm text-red-700">{error}</span>}
    </span>
  );
}
