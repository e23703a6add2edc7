import { defineMessages } from "../translate";

/** The login page, the login form (also on install pages a shop opens) and Magento 2's identity link page. */
export const loginMessages = defineMessages({
  en: {
    title: "Log in",
    intro: "Use the email address and password from your registration mail.",
    installed: "The installation of {licenseKey} is complete. Log in to follow your bookings on the dashboard.",
    email: "Email address",
    password: "Password",
    submit: "Log in",
    submitting: "Logging in…",
    failed: "Login failed. Check your email address and password.",
    // Magento 2 identity link page
    magentoTitle: "Connect your Magento webshop",
    magentoOpenFromMagento: "Open this page from Magento: System › Extensions › Integrations › Activate.",
    magentoLogIn: "Log in with the email address and password from your registration mail to connect the webshop to your integration.",
    magentoNoKeys: "We have not received the keys from Magento for this activation, or they have expired. Click {activate} (or {reauthorize}) at the integration in Magento again.",
    magentoOtherAccount: "This Magento shop is being connected to an integration of another account. Log out and log in with the account that received the license key.",
    magentoAsks: "Magento shop {shop} asks to connect to your integration {integration}.",
    webshopDomain: "Webshop domain",
    connectionKey: "Connection key",
    connectionKeyPlaceholder: "The license key from your registration mail",
    consent: "Consent to connect",
  },
  nl: {
    title: "Inloggen",
    intro: "Gebruik het e-mailadres en wachtwoord uit je registratiemail.",
    installed: "De installatie van {licenseKey} is klaar. Log in om je boekingen op het dashboard te volgen.",
    email: "E-mailadres",
    password: "Wachtwoord",
    submit: "Inloggen",
    submitting: "Bezig met inloggen…",
    failed: "Inloggen mislukt. Controleer je e-mailadres en wachtwoord.",
    magentoTitle: "Je Magento-webwinkel koppelen",
    magentoOpenFromMagento: "Open deze pagina vanuit Magento: System › Extensions › Integrations › Activate.",
    magentoLogIn: "Log in met het e-mailadres en wachtwoord uit je registratiemail om de webwinkel aan je koppeling te verbinden.",
    magentoNoKeys: "We hebben de sleutels van Magento voor deze activering niet ontvangen, of ze zijn verlopen. Klik in Magento opnieuw op {activate} (of {reauthorize}) bij de integratie.",
    magentoOtherAccount: "Deze Magento-webwinkel wordt verbonden met een koppeling van een ander account. Log uit en log in met het account dat de licentiesleutel heeft ontvangen.",
    magentoAsks: "Magento-webwinkel {shop} vraagt om verbinding met je koppeling {integration}.",
    webshopDomain: "Domein van de webwinkel",
    connectionKey: "Koppelingssleutel",
    connectionKeyPlaceholder: "De licentiesleutel uit je registratiemail",
    consent: "Toestemming geven voor de koppeling",
  },
});

/**
 * What the sign-in (lib/auth/options.ts) and the Magento consent route answer, in English; shown
 * in the reader's language with localizeKnown.
 */
export const loginAnswers = defineMessages({
  en: {
    enterBoth: "Enter your email address and password.",
    tooManyOne: "Too many failed attempts. Try again in {minutes} minute.",
    tooMany: "Too many failed attempts. Try again in {minutes} minutes.",
    noMatch: "That email address and password do not match.",
    logInFirst: "Log in first, with the account that received the license key.",
    noKeys: "We have not received Magento's keys for this activation, or they have expired. Click Activate (or Reauthorize) at the integration in Magento again.",
    otherAccount: "This Magento shop is being connected to an integration of another account. Log in with the account that received the license key.",
    wrongKey: "That connection key is not the one for this integration. Use the license key from the registration e-mail.",
    wrongDomain: "The webshop domain does not match the shop that activated the integration ({expected}).",
  },
  nl: {
    enterBoth: "Vul je e-mailadres en wachtwoord in.",
    tooManyOne: "Te veel mislukte pogingen. Probeer het over {minutes} minuut opnieuw.",
    tooMany: "Te veel mislukte pogingen. Probeer het over {minutes} minuten opnieuw.",
    noMatch: "Dit e-mailadres en wachtwoord horen niet bij elkaar.",
    logInFirst: "Log eerst in, met het account dat de licentiesleutel heeft ontvangen.",
    noKeys: "We hebben de sleutels van Magento voor deze activering niet ontvangen, of ze zijn verlopen. Klik in Magento opnieuw op Activate (of Reauthorize) bij de integratie.",
    otherAccount: "Deze Magento-webwinkel wordt verbonden met een koppeling van een ander account. Log in met het account dat de licentiesleutel heeft ontvangen.",
    wrongKey: "Dit is niet de koppelingssleutel van deze koppeling. Gebruik de licentiesleutel uit de registratiemail.",
    wrongDomain: "Het domein van de webwinkel hoort niet bij de webwinkel die de koppeling heeft geactiveerd ({expected}).",
  },
});
