import { defineMessages } from "../translate";

/** The subscription mails (lib/billing/billing-mail.ts): renewal offer, paused, payment received, cancelled. */
export const billingMailMessages = defineMessages({
  en: {
    greeting: "Hello {owner},",
    signoff: "Kind regards,\nBoekkoppeling",
    periodTrial: "trial period",
    periodSubscription: "subscription",
    invoiceLine: "{excl} excl. VAT + {vat} VAT ({rate}%) = {incl} incl. VAT (invoice {number})",

    offerSubject: "Renew {name}: your offer for one year",
    offerBody:
      "The {period} of your integration {name} (license key {licenseKey}) ends on {endDate}. It is not renewed automatically.\n\n" +
      "We offer you a one-year subscription, from {start} to {end}:\n  {invoiceLine}\n\n" +
      "Confirm the renewal by paying with this link:\n{payLink}\n\n" +
      "Without renewal the integration is paused after {endDate}. Nothing is lost: new documents are kept on the Open tab and booked as soon as the renewal is paid.\n" +
      "Your invoices are on Dashboard → Profile.",

    pausedSubject: "{name} is paused: renew to continue",
    pausedBody:
      "The {period} of your integration {name} (license key {licenseKey}) ended on {endDate}, so the integration is paused.\n\n" +
      "Nothing is lost: documents from your webshop keep arriving and are kept on the Open tab. They are booked as soon as the renewal is paid.\n\n" +
      "Renew for one year from the day you pay:\n  {invoiceLine}\n\n" +
      "Pay with this link:\n{payLink}",

    paidSubject: "Payment received: {name} is renewed",
    paidBody:
      "Thank you for your payment of {incl} for invoice {number}.\n\n" +
      "Your integration {name} (license key {licenseKey}) is paid until {paidUntil}.{resumed}\n\n" +
      "The invoice can be downloaded on Dashboard → Profile:\n{profileUrl}",
    paidResumed: "\nThe integration runs again: the documents kept while it was paused are being booked now.",

    cancelledSubject: "{name} is cancelled",
    cancelledBody:
      "{reason}\n\n" +
      "From {date} nothing is fetched from your webshop or booked in your accounting system any more. What was booked stays visible on the dashboard.{webhooks}\n\n" +
      "We advise you to remove or deactivate the keys (API keys, OAuth access) you gave the integration in your webshop and accounting system.",
    cancelledByMerchant: "As you asked, your integration {name} (license key {licenseKey}) is cancelled as of today, {date}.",
    cancelledAppRemoved: "The app was removed from your webshop, so your integration {name} (license key {licenseKey}) is cancelled as of {date}.",
    cancelledWebhooksRemoved: "\nThe integration's webhooks in your webshop were removed.",
  },
  nl: {
    greeting: "Beste {owner},",
    signoff: "Met vriendelijke groet,\nBoekkoppeling",
    periodTrial: "proefperiode",
    periodSubscription: "abonnementsperiode",
    invoiceLine: "{excl} excl. btw + {vat} btw ({rate}%) = {incl} incl. btw (factuur {number})",

    offerSubject: "{name} verlengen: uw aanbod voor een jaar",
    offerBody:
      "De {period} van uw koppeling {name} (licentiesleutel {licenseKey}) eindigt op {endDate}. De koppeling wordt niet automatisch verlengd.\n\n" +
      "Wij bieden u een abonnement van een jaar aan, van {start} tot {end}:\n  {invoiceLine}\n\n" +
      "Bevestig de verlenging door te betalen via deze link:\n{payLink}\n\n" +
      "Zonder verlenging wordt de koppeling na {endDate} gepauzeerd. Er gaat niets verloren: nieuwe documenten blijven bewaard op het tabblad Open en worden geboekt zodra de verlenging is betaald.\n" +
      "Uw facturen staan op Dashboard → Profiel.",

    pausedSubject: "{name} is gepauzeerd: verleng om door te gaan",
    pausedBody:
      "De {period} van uw koppeling {name} (licentiesleutel {licenseKey}) is op {endDate} afgelopen, daarom is de koppeling gepauzeerd.\n\n" +
      "Er gaat niets verloren: documenten uit uw webwinkel komen nog steeds binnen en blijven bewaard op het tabblad Open. Ze worden geboekt zodra de verlenging is betaald.\n\n" +
      "Verleng voor een jaar vanaf de dag van betaling:\n  {invoiceLine}\n\n" +
      "Betaal via deze link:\n{payLink}",

    paidSubject: "Betaling ontvangen: {name} is verlengd",
    paidBody:
      "Hartelijk dank voor uw betaling van {incl} voor factuur {number}.\n\n" +
      "Uw koppeling {name} (licentiesleutel {licenseKey}) is betaald tot {paidUntil}.{resumed}\n\n" +
      "De factuur kunt u downloaden op Dashboard → Profiel:\n{profileUrl}",
    paidResumed: "\nDe koppeling loopt weer: de documenten die tijdens de pauze zijn bewaard, worden nu geboekt.",

    cancelledSubject: "{name} is opgezegd",
    cancelledBody:
      "{reason}\n\n" +
      "Vanaf {date} wordt er niets meer uit uw webwinkel opgehaald of in uw boekhouding geboekt. Wat geboekt is, blijft zichtbaar op het dashboard.{webhooks}\n\n" +
      "Wij raden u aan de sleutels (API-sleutels, OAuth-toegang) die u de koppeling in uw webwinkel en boekhouding gaf te verwijderen of te deactiveren.",
    cancelledByMerchant: "Zoals u vroeg, is uw koppeling {name} (licentiesleutel {licenseKey}) met ingang van vandaag, {date}, opgezegd.",
    cancelledAppRemoved: "De app is uit uw webwinkel verwijderd, daarom is uw koppeling {name} (licentiesleutel {licenseKey}) per {date} opgezegd.",
    cancelledWebhooksRemoved: "\nDe webhooks van de koppeling in uw webwinkel zijn verwijderd.",
  },
});
