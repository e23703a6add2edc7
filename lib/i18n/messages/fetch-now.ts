import { defineMessages } from "../translate";

export const fetchNowMessages = defineMessages({
  en: {
    button: "Fetch now",
    queued: "Fetching: new documents from the shop appear here in a moment.",
  },
  nl: {
    button: "Nu ophalen",
    queued: "Bezig met ophalen: nieuwe documenten uit de webwinkel verschijnen hier zo.",
  },
});
