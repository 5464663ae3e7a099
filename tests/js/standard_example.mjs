// Logic Apps Standard with @azure/arm-appservice (api-version 2023-12-01) over HTTPS: list a
// trigger's callback URL, rotate the primary key, and see the old URL refused.
// docs/logic-apps-standard.md (block js-standard) shows the block below verbatim; tests/js/standard_test.sh runs this file
// against logicmock-server --tls:
//   LOGICMOCK_URL=https://127.0.0.1:8443 NODE_EXTRA_CA_CERTS=/tmp/logicmock-ca.pem \
//     node tests/js/standard_example.mjs
import { WebSiteManagementClient } from "@azure/arm-appservice";

const endpoint = process.env.LOGICMOCK_URL ?? "https://127.0.0.1:8443";
const credential = { getToken: async () => ({ token: "any", expiresOnTimestamp: 4102444800000 }) };
const client = new WebSiteManagementClient(credential, "34adfa4f-cedf-4dc0-ba29-b6d1a69ab345", {
  endpoint,
});
const [rg, site, workflow] = ["testResourceGroup", "testStandardSite", "testStandardWorkflow"];

const callbackUrl = async () =>
  (await client.workflowTriggers.listCallbackUrl(rg, site, workflow, "manual")).value;
const before = await callbackUrl();
await client.workflows.regenerateAccessKey(rg, site, workflow, { keyType: "Primary" });
const after = await callbackUrl();

const invoke = async (url) => (await fetch(url, { method: "POST" })).status;
console.log(`old callback URL: ${await invoke(before)}`);
console.log(`new callback URL: ${await invoke(after)}`);
