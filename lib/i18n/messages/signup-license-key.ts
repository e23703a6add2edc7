import { defineMessages } from "../translate";

/** What /install/<key> says when it cannot open the wizard: unknown key, cancelled integration, log in first. */
export const licenseKeyMessages = defineMessages({
  en: {
    unknownTitle: "Unknown license key",
    unknownText: "There is no integration with license key {key}.",
    unknownCheck: "Open the installation URL from your registration mail again: copy the whole link, including every character of the license key.",
    unknownSignUp: "No registration mail? Sign up for a free trial on the integrations page.",
    cancelledTitle: "Integration cancelled",
    cancelledText: "The integration with license key {key} was cancelled on {date}. A cancelled license key cannot be installed again.",
    cancelledAgain: "To start again, sign up for a new trial on the integrations page; you receive a new license key.",
    cancelledAppStore: "For a {source} webshop: install our app again from the app store in your shop's backend.",
    loginTitle: "Log in to open this integration",
    loginText: "The integration with license key {key} is installed. Its settings can only be changed by its owner: log in to your dashboard.",
    otherLoginText: "The integration with license key {key} belongs to another login. Log out and log in with the email address from its registration mail.",
    integrations: "Go to the integrations",
    login: "Log in",
    dashboard: "Go to your dashboard",
    support: "Questions? Write to {support}.",
  },
  nl: {
    unknownTitle: "Onbekende licentiesleutel",
    unknownText: "Er is geen koppeling met licentiesleutel {key}.",
    unknownCheck: "Open de installatie-URL uit je registratiemail opnieuw: kopieer de hele link, met elk teken van de licentiesleutel.",
    unknownSignUp: "Geen registratiemail? Meld je aan voor een gratis proefperiode op de pagina met koppelingen.",
    cancelledTitle: "Koppeling opgezegd",
    cancelledText: "De koppeling met licentiesleutel {key} is opgezegd op {date}. Een opgezegde licentiesleutel kan niet opnieuw geïnstalleerd worden.",
    cancelledAgain: "Wil je opnieuw beginnen? Meld je aan voor een nieuwe proefperiode op de pagina met koppelingen; je krijgt dan een nieuwe licentiesleutel.",
    cancelledAppStore: "Voor een {source}-webwinkel: installeer onze app opnieuw vanuit de app store in de backend van je webwinkel.",
    loginTitle: "Log in om deze koppeling te openen",
    loginText: "De koppeling met licentiesleutel {key} is geïnstalleerd. Alleen de eigenaar kan de instellingen wijzigen: log in op je dashboard.",
    otherLoginText: "De koppeling met licentiesleutel {key} hoort bij een andere login. Log uit en log in met het e-mailadres uit de registratiemail van deze koppeling.",
    integrations: "Naar de koppelingen",
    login: "Inloggen",
    dashboard: "Naar je dashboard",
    support: "Vragen? Mail naar {support}.",
  },
});
