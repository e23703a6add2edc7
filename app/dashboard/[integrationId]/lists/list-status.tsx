"use client";

import { useEffect, useState } from "react";

const EVENT = "dashboard-list-status";

/** Says something about the list from a button whose row or group may be gone after the refresh. */
export const announce = (message: string) => window.dispatchEvent(new CustomEvent<string>(EVENT, { detail: message }));

/**
 * The list's status line, mounted where it survives the list being read again (a retried group
 * disappears from the page; its message must not disappear with it).
 */
export function ListStatus() {
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => {
    const show = (e: Event) => setMessage((e as CustomEvent<string>).detail);
    window.addEventListener(EVENT, show);
    return () => window.removeEventListener(EVENT, show);
  }, []);
  return <p role="status" data-testid="list-status" className="min-h-5 text-sm font-medium text-slate-800">{message}</p>;
}
