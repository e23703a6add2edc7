import { defineMessages } from "../translate";

/** The terms and conditions page (/terms). Its version is TERMS_VERSION in lib/signup/terms.ts. */
export const termsMessages = defineMessages({
  en: {
    title: "Terms and conditions",
    version: "Version {version}",
    intro: "These terms apply to every Boekkoppeling integration. They follow the general ICT terms and conditions of the Dutch industry organisation and the GDPR; where those and this page differ, this page applies.",
    serviceTitle: "1. The service",
    serviceText: "Boekkoppeling books the orders, invoices, credit notes and payments of your webshop in your accounting system, as you configure it in the installation wizard and on the Configuration tab. It is a financial integration, not a logistics one, and it does not replace your accountant: you remain responsible for your bookkeeping and your VAT returns.",
    trialTitle: "2. Trial, subscription and cancellation",
    trialText: "Each integration starts with a free trial: 30 days after signing up, or until the first of the next month for installs from a webshop's app store. The trial and a subscription are not renewed automatically: before the end you receive an offer by mail, which you accept by paying it. You can cancel at any time on the Profile tab; cancelling takes effect on that day and what was paid is not refunded.",
    dataTitle: "3. Your data",
    dataText: "To book your documents we read them from your webshop and write them to your accounting system, using keys you give us. We store those keys encrypted, keep the documents and the exchanges with both systems for as long as the integration exists so you can check and repeat a booking, and use them for nothing else. We act as your processor under the GDPR; we do not sell or share your data.",
    careTitle: "4. Care and liability",
    careText: "We do our best to book every document once and to the cent, and show you on the dashboard what could not be booked and why. Check your bookkeeping regularly. Our liability is limited to the amount you paid for the integration in the twelve months before the damage.",
    changesTitle: "5. Changes",
    changesText: "When these terms change, the version number above changes and we tell you by mail before the new version applies to you.",
    contact: "Questions about these terms? Write to {support}.",
  },
  nl: {
    title: "Algemene voorwaarden",
    version: "Versie {version}",
    intro: "Deze voorwaarden gelden voor elke koppeling van Boekkoppeling. Ze volgen de algemene ICT-voorwaarden van de brancheorganisatie en de AVG; waar die en deze pagina verschillen, geldt deze pagina.",
    serviceTitle: "1. De dienst",
    serviceText: "Boekkoppeling boekt de bestellingen, facturen, creditnota's en betalingen van je webwinkel in je boekhoudsysteem, zoals je dat instelt in de installatiewizard en op het tabblad Configuratie. Het is een financiële koppeling, geen logistieke, en ze vervangt je boekhouder niet: jij blijft verantwoordelijk voor je boekhouding en je btw-aangiften.",
    trialTitle: "2. Proefperiode, abonnement en opzeggen",
    trialText: "Elke koppeling begint met een gratis proefperiode: 30 dagen na het aanmelden, of tot de eerste van de volgende maand bij installatie vanuit de app store van een webwinkel. De proefperiode en een abonnement worden niet automatisch verlengd: voor het einde ontvang je een aanbod per mail, dat je aanneemt door het te betalen. Je kunt op elk moment opzeggen via het tabblad Profiel; de opzegging gaat die dag in en wat betaald is wordt niet terugbetaald.",
    dataTitle: "3. Je gegevens",
    dataText: "Om je documenten te boeken lezen we ze uit je webwinkel en schrijven we ze in je boekhoudsysteem, met sleutels die jij ons geeft. Die sleutels bewaren we versleuteld; de documenten en de uitwisselingen met beide systemen bewaren we zolang de koppeling bestaat, zodat je een boeking kunt controleren en herhalen, en we gebruiken ze nergens anders voor. We zijn je verwerker in de zin van de AVG; we verkopen of delen je gegevens niet.",
    careTitle: "4. Zorg en aansprakelijkheid",
    careText: "We doen ons best om elk document één keer en tot op de cent te boeken, en laten op het dashboard zien wat niet geboekt kon worden en waarom. Controleer je boekhouding regelmatig. Onze aansprakelijkheid is beperkt tot het bedrag dat je in de twaalf maanden voor de schade voor de koppeling hebt betaald.",
    changesTitle: "5. Wijzigingen",
    changesText: "Als deze voorwaarden veranderen, verandert het versienummer hierboven en laten we het je per mail weten voordat de nieuwe versie voor jou gaat gelden.",
    contact: "Vragen over deze voorwaarden? Mail naar {support}.",
  },
});
