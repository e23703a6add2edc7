import Link from "next/link";

export const dynamic = "force-dynamic";

export default function OpsLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-7xl items-center gap-6 px-6 py-3 text-sm">
          <Link href="/dashboard" className="font-semibold">Boekkoppeling</Link>
          <Link href="/ops/runs" className="text-slate-600 hover:text-slate-900">Runs</Link>
        </div>
      </header>
      <main className="mx-auto max-w-7xl px-6 py-8">{children}</main>
    </div>
  );
}
