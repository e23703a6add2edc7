import { defineMessages } from "../translate";

/** The alert mails (lib/alerts) and their switches on the Profile tab. */
export const alertMessages = defineMessages({
  en: {
    // Profile tab
    sectionTitle: "Alerts by mail",
    sectionHelp: "Choose which mails we send you about your integrations. They go to your login's address and the extra notification address.",
    newCauseLabel: "A new kind of error",
    newCauseHelp: "One mail the first time documents fail for a reason we have not mailed you about yet, however many documents it hits.",
    digestLabel: "Daily overview of open errors",
    digestHelp: "Every morning at 07:00, only when there are errors.",
    reconnectLabel: "Reconnect needed",
    reconnectHelp: "At once when your webshop or accounting system no longer accepts our access (an expired token or a revoked key). One mail until it works again.",
    weeklyLabel: "Weekly summary",
    weeklyHelp: "Every Monday morning: what was booked last week, the totals, payments and open errors.",
    save: "Update alert choices",
    saved: "Saved: your alert choices are stored.",
    readOnly: "You are viewing this account as an operator: nothing can be changed.",
    invalid: "These alert choices could not be read; reload the page and try again.",

    // Shared by the mails
    greeting: "Hello {owner},",
    signoff: "Kind regards,\nBoekkoppeling",
    footer: "You receive this mail because this alert is switched on. Switch alerts on or off on your Profile:\n{profileUrl}",
    integrationLine: "{name} (license key {licenseKey})",

    // A new kind of error
    newCauseSubject: "{name}: new error: {what}",
    newCauseBody:
      "A new kind of error appeared in your integration {integration}:\n\n  {what}\n\n" +
      "{detail}\n\n" +
      "{count}\n" +
      "We mail you once for this error, not for every document it hits. The documents stay on the Errors tab until they are booked.",
    countDocuments: "So far {count} document(s) have this error.",
    countPayments: "So far {count} payment(s) have this error.",
    fixInConfiguration: "Fix it in the Configuration tab:\n{configurationUrl}\n\nThen click Process (or retry the group) on the Errors tab:\n{errorsUrl}",
    fixOnErrors: "See the documents and what to do on the Errors tab:\n{errorsUrl}",
    fixPayments: "See the payments and what to do on the Payments tab:\n{paymentsUrl}",
    vatRateCause: "{rate}% in {region}",

    // Reconnect needed
    reconnectSubject: "{name}: reconnect {system}",
    reconnectBody:
      "{system} no longer accepts the access of your integration {integration}: the token expired or the key was revoked.\n\n" +
      "  {detail}\n\n" +
      "Nothing is fetched or booked through this connection until you reconnect. Documents wait on the Errors tab and can be processed again afterwards.\n\n" +
      "Reconnect {system} in the installation wizard:\n{wizardUrl}\n\n" +
      "The connection's state is also on the Configuration tab:\n{configurationUrl}\n\n" +
      "We mail you once until the connection works again.",
    sideSource: "your webshop",
    sideTarget: "your accounting system",

    // Daily digest
    digestSubject: "Open errors: {count} document(s) and payment(s) to look at",
    digestIntro: "These errors are open this morning ({date}):",
    digestIntegration: "{integration}: {count} with errors",
    digestCause: "  - {count} × {what}",
    digestPaymentCause: "  - {count} payment(s) × {what}",
    digestLink: "  Errors tab: {errorsUrl}",

    // Weekly summary
    weeklySubject: "Your week in Boekkoppeling: {start} to {end}",
    weeklyIntro: "What your integrations did last week, {start} to {end}:",
    weeklyIntegration: "{integration}",
    weeklyBooked: "  Documents booked: {count}",
    weeklyTotals: "  Total: {incl} incl. VAT ({excl} excl. VAT)",
    weeklyPayments: "  Payments booked: {count}{amount}",
    weeklyPaymentsAmount: ", {amount}",
    weeklyErrors: "  Open errors now: {documents} document(s), {payments} payment(s)",
    weeklyLink: "  Dashboard: {reportUrl}",
  },
  nl: {
    sectionTitle: "Meldingen per mail",
    sectionHelp: "Kies welke mails we je sturen over je koppelingen. Ze gaan naar het adres van je login en naar het extra meldingsadres.",
    newCauseLabel: "Een nieuw soort fout",
    newCauseHelp: "Eén mail zodra documenten mislukken om een reden waarover we je nog niet mailden, hoeveel documenten het ook raakt.",
    digestLabel: "Dagelijks overzicht van open fouten",
    digestHelp: "Elke ochtend om 07:00, alleen als er fouten zijn.",
    reconnectLabel: "Opnieuw verbinden nodig",
    reconnectHelp: "Meteen als je webwinkel of boekhouding onze toegang niet meer accepteert (een verlopen token of een ingetrokken sleutel). Eén mail tot het weer werkt.",
    weeklyLabel: "Weekoverzicht",
    weeklyHelp: "Elke maandagochtend: wat vorige week is geboekt, de totalen, betalingen en open fouten.",
    save: "Meldingen opslaan",
    saved: "Opgeslagen: je keuzes voor meldingen zijn bewaard.",
    readOnly: "Je bekijkt dit account als medewerker: er kan niets worden gewijzigd.",
    invalid: "Deze keuzes konden niet worden gelezen; laad de pagina opnieuw en probeer het nog eens.",

    greeting: "Hallo {owner},",
    signoff: "Met vriendelijke groet,\nBoekkoppeling",
    footer: "Je krijgt deze mail omdat deze melding aan staat. Zet meldingen aan of uit op je Profiel:\n{profileUrl}",
    integrationLine: "{name} (licentiesleutel {licenseKey})",

    newCauseSubject: "{name}: nieuwe fout: {what}",
    newCauseBody:
      "Er is een nieuw soort fout in je koppeling {integration}:\n\n  {what}\n\n" +
      "{detail}\n\n" +
      "{count}\n" +
      "We mailen je één keer over deze fout, niet voor elk document dat het raakt. De documenten blijven op het tabblad Fouten staan tot ze geboekt zijn.",
    countDocuments: "Tot nu toe hebben {count} document(en) deze fout.",
    countPayments: "Tot nu toe hebben {count} betaling(en) deze fout.",
    fixInConfiguration: "Los het op in het tabblad Configuratie:\n{configurationUrl}\n\nKlik daarna op Verwerken (of probeer de groep opnieuw) op het tabblad Fouten:\n{errorsUrl}",
    fixOnErrors: "Bekijk de documenten en wat je kunt doen op het tabblad Fouten:\n{errorsUrl}",
    fixPayments: "Bekijk de betalingen en wat je kunt doen op het tabblad Betalingen:\n{paymentsUrl}",
    vatRateCause: "{rate}% in {region}",

    reconnectSubject: "{name}: verbind {system} opnieuw",
    reconnectBody:
      "{system} accepteert de toegang van je koppeling {integration} niet meer: het token is verlopen of de sleutel is ingetrokken.\n\n" +
      "  {detail}\n\n" +
      "Via deze verbinding wordt niets opgehaald of geboekt tot je opnieuw verbindt. Documenten wachten op het tabblad Fouten en kun je daarna opnieuw verwerken.\n\n" +
      "Verbind {system} opnieuw in de installatiewizard:\n{wizardUrl}\n\n" +
      "De staat van de verbinding zie je ook op het tabblad Configuratie:\n{configurationUrl}\n\n" +
      "We mailen je één keer tot de verbinding weer werkt.",
    sideSource: "je webwinkel",
    sideTarget: "je boekhouding",

    digestSubject: "Open fouten: {count} document(en) en betaling(en) om naar te kijken",
    digestIntro: "Deze fouten staan vanochtend ({date}) open:",
    digestIntegration: "{integration}: {count} met fouten",
    digestCause: "  - {count} × {what}",
    digestPaymentCause: "  - {count} betaling(en) × {what}",
    digestLink: "  Tabblad Fouten: {errorsUrl}",

    weeklySubject: "Je week in Boekkoppeling: {start} t/m {end}",
    weeklyIntro: "Wat je koppelingen vorige week deden, {start} t/m {end}:",
    weeklyIntegration: "{integration}",
    weeklyBooked: "  Documenten geboekt: {count}",
    weeklyTotals: "  Totaal: {incl} incl. btw ({excl} excl. btw)",
    weeklyPayments: "  Betalingen geboekt: {count}{amount}",
    weeklyPaymentsAmount: ", {amount}",
    weeklyErrors: "  Nu open fouten: {documents} document(en), {payments} betaling(en)",
    weeklyLink: "  Dashboard: {reportUrl}",
  },
});
