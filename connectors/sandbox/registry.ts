import type { SystemId } from "../types";
import type { SandboxHandler } from "./types";
import { rompslompSandbox } from "../rompslomp/sandbox";
import { ccvshopSandbox } from "../ccvshop/sandbox";
import { factuursturenSandbox } from "../factuursturen/sandbox";
import { viesSandbox } from "@/lib/vies/sandbox";
import { mollieSandbox } from "@/lib/billing/mollie-sandbox";
import { prestashopSandbox } from "../prestashop/sandbox";
import { wefactSandbox } from "../wefact/sandbox";
import { kmoshopsSandbox } from "../kmoshops/sandbox";
import { magento2Sandbox } from "../magento2/sandbox";
import { magento1Sandbox } from "../magento1/sandbox";
import { eboekhoudenSandbox } from "../eboekhouden/sandbox";

/**
 * The connector systems plus the services the app itself calls, which have simulators too: VIES
 * (the VAT engine) and Mollie (subscription payments, lib/billing).
 */
export type SandboxSystemId = SystemId | "vies" | "mollie";

/**
 * The simulators served under /sandbox/<system>/<tenant>/… in sandbox mode.
 * Each connector issue adds its system's line here.
 */
export const sandboxes: Partial<Record<SandboxSystemId, SandboxHandler>> = {
  rompslomp: rompslompSandbox,
  ccvshop: ccvshopSandbox,
  vies: viesSandbox,
  prestashop: prestashopSandbox,
  factuursturen: factuursturenSandbox,
  wefact: wefactSandbox,
  kmoshops: kmoshopsSandbox,
  magento2: magento2Sandbox,
  magento1: magento1Sandbox,
  eboekhouden: eboekhoudenSandbox,
  mollie: mollieSandbox,
};
