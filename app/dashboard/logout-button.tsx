"use client";

import { signOut } from "next-auth/react";
import { focusRing } from "@/components/ui-classes";

export function LogoutButton({ label = "Log out" }: { label?: string }) {
  return (
    <button type="button" onClick={() => signOut({ callbackUrl: "/login" })} className={`rounded-md border border-slate-300 px-3 py-1 hover:bg-slate-100 ${focusRing}`}>
      {label}
    </button>
  );
}
