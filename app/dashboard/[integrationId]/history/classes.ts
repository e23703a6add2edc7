import { focusRing } from "@/components/ui-classes";

const button = `rounded-md px-3 py-1.5 text-sm font-medium disabled:opacity-50 ${focusRing}`;
export const primary = `${button} bg-slate-900 text-white hover:bg-slate-700`;
export const secondary = `${button} border border-slate-300 hover:bg-slate-100`;
export const dateField = `ml-1 rounded border border-slate-300 px-2 py-1 ${focusRing}`;
