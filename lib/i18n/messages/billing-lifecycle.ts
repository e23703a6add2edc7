import { defineMessages } from "../translate";

/** What the dashboard's buttons answer when the integration's state forbids the action (lib/integrations/lifecycle.ts). */
export const lifecycleMessages = defineMessages({
  en: {
    processCancelled: "This integration was cancelled, so nothing is booked any more. Book this document by hand if it is still needed.",
    processPaused: "This integration is paused until the renewal is paid. Its documents are kept and booked automatically as soon as it is paid (Profile → Subscription).",
    fetchCancelled: "This integration was cancelled, so nothing is fetched from the webshop any more.",
  },
  nl: {
    processCancelled: "Deze koppeling is opgezegd, dus er wordt niets meer geboekt. Boek dit document zelf als dat nog nodig is.",
    processPaused: "Deze koppeling is gepauzeerd tot de verlenging is betaald. De documenten blijven bewaard en worden automatisch geboekt zodra er betaald is (Profiel → Abonnement).",
    fetchCancelled: "Deze koppeling is opgezegd, dus er wordt niets meer uit de webwinkel opgehaald.",
  },
});
