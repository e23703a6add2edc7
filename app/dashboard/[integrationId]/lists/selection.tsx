"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { focusRing } from "@/components/ui-classes";
import { announce } from "./list-status";

const boxesOf = (form: string) =>
  [...document.querySelectorAll<HTMLInputElement>(`input[type=checkbox][name=documentId]`)].filter((box) => box.form?.id === form);

/** "Select all on this page": ticks or clears every row checkbox of the list's form. */
export function SelectAllOnPage({ form, label }: { form: string; label: string }) {
  const [state, setState] = useState<"none" | "some" | "all">("none");
  useEffect(() => {
    const update = () => {
      const boxes = boxesOf(form);
      const checked = boxes.filter((b) => b.checked).length;
      setState(checked === 0 ? "none" : checked === boxes.length ? "all" : "some");
    };
    document.addEventListener("change", update);
    update();
    return () => document.removeEventListener("change", update);
  }, [form]);
  return (
    <input type="checkbox" aria-label={label} checked={state === "all"} className={`size-4 ${focusRing}`}
      ref={(box) => { if (box) box.indeterminate = state === "some"; }}
      onChange={(e) => {
        for (const box of boxesOf(form)) box.checked = e.target.checked;
        document.dispatchEvent(new Event("change"));
      }} />
  );
}

/**
 * The form the row checkboxes belong to, and "Process selected": one request for all ticked
 * documents, then the list is read again; the outcome is said by the list's ListStatus.
 */
export function ProcessSelected({ form, integrationId, labels }: {
  form: string; integrationId: string;
  labels: { button: string; buttonCount: string; nothingSelected: string; failed: string };
}) {
  const router = useRouter();
  const [count, setCount] = useState(0);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    const update = () => setCount(boxesOf(form).filter((b) => b.checked).length);
    document.addEventListener("change", update);
    update();
    return () => document.removeEventListener("change", update);
  }, [form]);

  // Not named `process`: Next wraps effects in `process.env…` checks, which a local `process` would shadow.
  async function processSelected() {
    const documentIds = boxesOf(form).filter((b) => b.checked).map((b) => b.value);
    if (documentIds.length === 0) { announce(labels.nothingSelected); return; }
    setBusy(true);
    try {
      const res = await fetch(`/api/integrations/${integrationId}/bulk-process`, {
        method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ documentIds }),
      });
      const body = (await res.json().catch(() => ({}))) as { message?: string };
      announce(body.message ?? labels.failed);
      if (res.ok) {
        for (const box of boxesOf(form)) box.checked = false;
        setCount(0);
        router.refresh();
      }
    } catch {
      announce(labels.failed);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <form id={form} hidden onSubmit={(e) => { e.preventDefault(); void processSelected(); }} />
      <button type="button" onClick={processSelected} disabled={busy}
        className={`rounded bg-blue-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-blue-500 disabled:opacity-60 ${focusRing}`}>
        {count > 0 ? labels.buttonCount.replace("{count}", String(count)) : labels.button}
      </button>
    </>
  );
}
