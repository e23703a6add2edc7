import type { SystemId } from "../types";
import type { SandboxHandler } from "./types";
import { rompslompSandbox } from "../rompslomp/sandbox";
import { ccvshopSandbox } from "../ccvshop/sandbox";
import { eboekhoudenSandbox } from "../eboekhouden/sandbox";

/**
 * The simulators served under /sandbox/<system>/<tenant>/… in sandbox mode.
 * Each connector issue adds its system's line here.
 */
export const sandboxes: Partial<Record<SystemId, SandboxHandler>> = {
  rompslomp: rompslompSandbox,
  ccvshop: ccvshopSandbox,
  eboekhouden: eboekhoudenSandbox,
};
