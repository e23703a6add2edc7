"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { focusRingInset } from "@/components/ui-classes";

/**
 * The integration's tabs. The current one is marked (aria-current and underlined); at phone width
 * the row scrolls sideways instead of widening the page.
 */
export function IntegrationTabs({ label, tabs }: { label: string; tabs: { href: string; label: string }[] }) {
  const pathname = usePathname();
  return (
    <nav className="mt-6 overflow-x-auto border-b border-slate-200" aria-label={label}>
      <ul className="flex gap-1">
        {tabs.map((tab) => {
          const current = pathname === tab.href || pathname.startsWith(`${tab.href}/`);
          return (
            <li key={tab.href}>
              <Link
                href={tab.href}
                aria-current={current ? "page" : undefined}
                className={`block whitespace-nowrap rounded-t-md border-b-2 px-3 py-2 text-sm hover:bg-slate-100 sm:px-4 ${current ? "border-slate-900 font-medium" : "border-transparent"} ${focusRingInset}`}
              >
                {tab.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
