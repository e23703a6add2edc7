import type { Metadata } from "next";
import { requestLocale } from "@/lib/i18n/request-locale";
import "./globals.css";

export const metadata: Metadata = {
  title: "Boekkoppeling: your webshop, booked",
  description: "Books every webshop order, invoice, credit note and payment in your accounting, exactly once, to the cent.",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang={await requestLocale()}>
      <body className="min-h-screen">{children}</body>
    </html>
  );
}
