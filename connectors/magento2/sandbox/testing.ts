import { sandboxCredentials } from "./credentials";
import { magento2Sandbox } from "./index";
import { sandboxTestKit } from "./test-kit";

export { APP } from "./test-kit";
export const { baseUrlOf, sandboxFetch, admin, sandboxCtx, postDocument, requestLog } = sandboxTestKit("magento2", magento2Sandbox, sandboxCredentials);
