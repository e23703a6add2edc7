import { defineMessages } from "../translate";

/** What the wizard's own server actions (app/install/[licenseKey]/actions.ts) tell the merchant, in their language. */
export const wizardNotices = defineMessages({
  en: {
    invalidLink: "This installation link is not valid (or you need to log in).",
    unknownConnection: "Unknown connection.",
    acceptTermsFirst: "Accept the terms and conditions first.",
    statusesSaved: "Order statuses saved.",
    statusesRead: "Order statuses read from the shop.",
    chooseAdministration: "Choose an administration.",
    processingSaved: "Processing choice saved.",
    notAPercentage: "\"{value}\" is not a VAT percentage.",
    appearsTwice: "{region} {rate}% appears twice.",
    vatSaved: "VAT settings saved ({count} rates).",
    vatRemoved: "VAT settings removed. You can begin again.",
    enterPaymentMethod: "Enter the payment method as the webshop names it.",
    chooseClearingAccount: "Choose the clearing account the payments are booked on.",
    paymentsOn: "Payments are booked against their invoices.",
    paymentsOff: "Payments are not booked.",
  },
  nl: {
    invalidLink: "Deze installatielink is niet geldig (of je moet eerst inloggen).",
    unknownConnection: "Onbekende verbinding.",
    acceptTermsFirst: "Accepteer eerst de algemene voorwaarden.",
    statusesSaved: "Bestelstatussen opgeslagen.",
    statusesRead: "Bestelstatussen ingelezen uit de webwinkel.",
    chooseAdministration: "Kies een administratie.",
    processingSaved: "Verwerkingskeuze opgeslagen.",
    notAPercentage: "\"{value}\" is geen btw-percentage.",
    appearsTwice: "{region} {rate}% staat er twee keer in.",
    vatSaved: "Btw-instellingen opgeslagen ({count} tarieven).",
    vatRemoved: "Btw-instellingen verwijderd. Je kunt opnieuw beginnen.",
    enterPaymentMethod: "Vul de betaalmethode in zoals de webwinkel die noemt.",
    chooseClearingAccount: "Kies de tussenrekening waarop de betalingen worden geboekt.",
    paymentsOn: "Betalingen worden tegen hun facturen geboekt.",
    paymentsOff: "Betalingen worden niet geboekt.",
  },
});

/**
 * What lib/install and the install/OAuth routes write in English into the wizard's notice, a
 * form's red alert or a red dot's reason: the wizard shows them in Dutch with localizeKnown. The
 * English templates must stay word for word what those files write (wizard-notices.test.ts).
 */
export const installAnswers = defineMessages({
  en: {
    acceptTermsFirst: "Accept the terms and conditions first.",
    // lib/install/*: connecting, refreshing, completing
    administrationRefreshed: "Administration data refreshed.",
    connectedChooseAdministration: "Connected. Choose the administration.",
    connectedAdministration: "Connected. Administration: {name}.",
    connectedTo: "Connected to {name}.",
    savedNowAuthorize: "Saved. Now click the yellow Connect button and authorize the integration in the {name} admin.",
    notSupported: "Setting up {system} is not supported in this version.",
    notWithForm: "{name} is not connected with a form.",
    fillIn: "Fill in: {fields}.",
    webshopNotConnected: "The webshop is not connected yet.",
    authorizeFirst: "Click the yellow Connect button to authorize the integration in the webshop's admin first.",
    connectAccountingFirst: "Connect the accounting system first (the dot must be green).",
    chooseAdministrationFirst: "Choose the administration first.",
    configureVatFirst: "Configure and save the VAT rates first.",
    webshopConnectionFailed: "The webshop connection failed: {reason}",
    statusesUnreadable: "The shop's order statuses could not be read: {reason}",
    chooseAStatus: "Choose at least one order status to process.",
    ccvSteps: "In your CCV Shop backend open the App Store, choose the category Accounting, open our app and click Install App.",
    kmoSteps: "In your KMO Shops backend open Apps, find our app and click Install app.",
    // app/api/oauth, app/api/install routes
    notAllowed: "You did not allow the connection. Click Connect to try again.",
    connectionFailed: "The connection failed: {reason}.",
    webshopConnected: "{name} webshop connected.",
    magento1FillInFirst: "Fill in the admin URL, consumer key and consumer secret of your Magento webshop first, then click Connect.",
  },
  nl: {
    acceptTermsFirst: "Accepteer eerst de algemene voorwaarden.",
    administrationRefreshed: "Gegevens van de administratie vernieuwd.",
    connectedChooseAdministration: "Gekoppeld. Kies de administratie.",
    connectedAdministration: "Gekoppeld. Administratie: {name}.",
    connectedTo: "Gekoppeld met {name}.",
    savedNowAuthorize: "Opgeslagen. Klik nu op de gele knop Koppelen en geef de koppeling toestemming in de beheeromgeving van {name}.",
    notSupported: "Het instellen van {system} wordt in deze versie niet ondersteund.",
    notWithForm: "{name} wordt niet met een formulier gekoppeld.",
    fillIn: "Vul in: {fields}.",
    webshopNotConnected: "De webwinkel is nog niet gekoppeld.",
    authorizeFirst: "Klik eerst op de gele knop Koppelen om de koppeling toestemming te geven in de beheeromgeving van de webwinkel.",
    connectAccountingFirst: "Koppel eerst het boekhoudpakket (het bolletje moet groen zijn).",
    chooseAdministrationFirst: "Kies eerst de administratie.",
    configureVatFirst: "Stel eerst de btw-tarieven in en sla ze op.",
    webshopConnectionFailed: "De verbinding met de webwinkel is mislukt: {reason}",
    statusesUnreadable: "De bestelstatussen van de webwinkel konden niet worden gelezen: {reason}",
    chooseAStatus: "Kies ten minste één bestelstatus om te verwerken.",
    ccvSteps: "Open in de beheeromgeving van je CCV Shop de App Store, kies de categorie Boekhouding, open onze app en klik op App installeren.",
    kmoSteps: "Open in de beheeromgeving van je KMO Shops de Apps, zoek onze app op en klik op App installeren.",
    notAllowed: "Je hebt de koppeling niet toegestaan. Klik op Koppelen om het opnieuw te proberen.",
    connectionFailed: "De koppeling is mislukt: {reason}.",
    webshopConnected: "Webwinkel {name} gekoppeld.",
    magento1FillInFirst: "Vul eerst de beheer-URL, consumer key en consumer secret van je Magento-webwinkel in en klik dan op Koppelen.",
  },
});
