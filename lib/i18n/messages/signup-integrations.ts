import { defineMessages } from "../translate";

/** The integrations page: every webshop × accounting pair and how it is installed. */
export const integrationsMessages = defineMessages({
  en: {
    title: "Integrations",
    intro: "Every webshop below works with every accounting system. Choose your pair to see how it is installed. Every integration comes with a free trial.",
    pairsOf: "Integrations for {source}",
    methodLink: "Installed with an installation link",
    methodLinkText: "Sign up for the trial: the registration mail brings the installation URL and your login details. The installation URL opens the wizard that connects {source} and your accounting system.",
    methodAppStore: "Installed from the {source} app store",
    methodAppStoreText: "Install our app from the app store in your {source} backend: open the app store, find Boekkoppeling and click Install app. The app store connects your shop and sends you to our page, where you start your trial or log in, and choose the accounting system.",
    appStoreSignupText: "Prefer to sign up first? Start the trial here and install the app from your shop's app store later: it then connects to this integration.",
    trialLink: "30-day trial",
    trialAppStore: "Trial until the first of next month",
    startTrial: "Start free trial",
    startTrialFor: "Start free trial: {source} → {target}",
    sandboxAppStore: "Open the sandbox {source} app store",
    sandboxNote: "Sandbox mode: this link opens the app store of a fresh simulated {source} shop on this server.",
    pair: "{source} → {target}",
  },
  nl: {
    title: "Koppelingen",
    intro: "Elke webwinkel hieronder werkt met elk boekhoudsysteem. Kies je combinatie om te zien hoe die geïnstalleerd wordt. Bij elke koppeling hoort een gratis proefperiode.",
    pairsOf: "Koppelingen voor {source}",
    methodLink: "Installatie met een installatielink",
    methodLinkText: "Meld je aan voor de proefperiode: de registratiemail bevat de installatie-URL en je inloggegevens. De installatie-URL opent de wizard die {source} en je boekhoudsysteem koppelt.",
    methodAppStore: "Installatie vanuit de app store van {source}",
    methodAppStoreText: "Installeer onze app vanuit de app store in de backend van je {source}-webwinkel: open de app store, zoek Boekkoppeling en klik op App installeren. De app store koppelt je webwinkel en stuurt je naar onze pagina, waar je je proefperiode start of inlogt, en het boekhoudsysteem kiest.",
    appStoreSignupText: "Liever eerst aanmelden? Start hier de proefperiode en installeer de app later vanuit de app store van je webwinkel: die koppelt dan aan deze koppeling.",
    trialLink: "Proefperiode van 30 dagen",
    trialAppStore: "Proefperiode tot de eerste van de volgende maand",
    startTrial: "Start gratis proefperiode",
    startTrialFor: "Start gratis proefperiode: {source} → {target}",
    sandboxAppStore: "Open de sandbox-app store van {source}",
    sandboxNote: "Sandboxmodus: deze link opent de app store van een nieuwe gesimuleerde {source}-webwinkel op deze server.",
    pair: "{source} → {target}",
  },
});
