import Link from "next/link";
import { sourceSystemSchema, systemNames, targetSystemSchema } from "@/connectors/types";

const promises = [
  ["Exactly once", "Every order, invoice, credit note and payment is booked once: retries and duplicate webhooks never create a second invoice."],
  ["To the cent", "Amounts stay decimal end to end and VAT is computed per line, so totals and VAT per rate match your shop exactly."],
  ["Fix it yourself", "When something cannot be booked you see why in plain language, and one click books it again."],
];

export default function LandingPage() {
  return (
    <main className="mx-auto max-w-4xl px-6 py-16">
      <header className="flex items-center justify-between">
        <span className="text-lg font-semibold">Boekkoppeling</span>
        <Link href="/login" className="rounded-md bg-slate-900 px-4 py-2 text-sm font-medium text-white hover:bg-slate-700">
          Log in
        </Link>
      </header>
      <section className="mt-16">
        <h1 className="text-4xl font-bold tracking-tight">Your webshop, booked in your accounting. Automatically.</h1>
        <p className="mt-4 max-w-2xl text-lg text-slate-600">
          Boekkoppeling connects your webshop to your accounting system and books every order, invoice, credit note
          and payment there, with the right debtor, VAT code and ledger account. It saves Dutch and Belgian merchants
          hours of bookkeeping every week.
        </p>
      </section>
      <section className="mt-12 grid gap-6 sm:grid-cols-3">
        {promises.map(([title, text]) => (
          <div key={title} className="rounded-lg border border-slate-200 bg-white p-5">
            <h2 className="font-semibold">{title}</h2>
            <p className="mt-2 text-sm text-slate-600">{text}</p>
          </div>
        ))}
      </section>
      <section className="mt-12 grid gap-8 sm:grid-cols-2">
        <div>
          <h2 className="text-xl font-semibold">Webshops</h2>
          <ul className="mt-3 list-disc pl-5 text-slate-700" aria-label="Supported webshops">
            {sourceSystemSchema.options.map((id) => <li key={id}>{systemNames[id]}</li>)}
          </ul>
        </div>
        <div>
          <h2 className="text-xl font-semibold">Accounting systems</h2>
          <ul className="mt-3 list-disc pl-5 text-slate-700" aria-label="Supported accounting systems">
            {targetSystemSchema.options.map((id) => <li key={id}>{systemNames[id]}</li>)}
          </ul>
        </div>
      </section>
    </main>
  );
}
