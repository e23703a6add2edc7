"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/** While a scan or an import is going on, the page re-reads its progress from the server. */
export function AutoRefresh({ everyMs = 1000 }: { everyMs?: number }) {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => router.refresh(), everyMs);
    return () => clearInterval(timer);
  }, [router, everyMs]);
  return null;
}
