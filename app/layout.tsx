import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: "Boekkoppeling: your webshop, booked",
  description: "Books every webshop order, invoice, credit note and payment in your accounting, exactly once, to the cent.",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen">{children}</body>
    </html>
  );
}
