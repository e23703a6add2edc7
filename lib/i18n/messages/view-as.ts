import { defineMessages } from "../translate";

/** The operator's read-only view of a merchant's dashboard: banner, refusal, read-only page. */
export const viewAsMessages = defineMessages({
  en: {
    banner: "Viewing {company} read-only",
    stop: "Stop",
    bannerLabel: "Read-only view",
    refused: "Read-only view: you are viewing a merchant's dashboard as an operator, so nothing can be changed. Click Stop in the banner to act as yourself again.",
    pageTitle: "Read-only view",
    back: "Back",
  },
  nl: {
    banner: "Je bekijkt {company} (alleen lezen)",
    stop: "Stoppen",
    bannerLabel: "Alleen-lezenweergave",
    refused: "Alleen-lezenweergave: je bekijkt het dashboard van een klant als medewerker, dus er kan niets worden gewijzigd. Klik in de balk op Stoppen om weer als jezelf te werken.",
    pageTitle: "Alleen-lezenweergave",
    back: "Terug",
  },
});
