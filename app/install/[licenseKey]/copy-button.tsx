"use client";

import { useState } from "react";
import { focusRing } from "@/components/ui-classes";

/** Copies a value (the license key) to the clipboard and says so, also to screen readers. */
export function CopyButton({ value, label, copyText, copiedText }: { value: string; label: string; copyText: string; copiedText: string }) {
  const [copied, setCopied] = useState(false);
  async function copy() {
    await navigator.clipboard.writeText(value);
    setCopied(true);
    setTimeout(() => setCopied(false), 2000);
  }
  return (
    <button type="button" onClick={copy} aria-label={label} className={`ml-2 rounded border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-100 ${focusRing}`}>
      <span aria-live="polite">{copied ? copiedText : copyText}</span>
    </button>
  );
}
