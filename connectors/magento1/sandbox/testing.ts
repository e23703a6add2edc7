import { sandboxTestKit } from "../../magento2/sandbox/test-kit";
import { sandboxCredentials } from "./credentials";
import { magento1Sandbox } from "./index";

export { APP } from "../../magento2/sandbox/test-kit";
export const { baseUrlOf, sandboxFetch, admin, sandboxCtx, postDocument, requestLog } = sandboxTestKit("magento1", magento1Sandbox, sandboxCredentials);
