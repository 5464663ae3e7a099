// @azure/identity's ClientSecretCredential signs in at logicmock, then @azure/arm-logic rotates
// the primary key over HTTPS; the old callback URL stops working and the new one works.
// docs/signing-in.md (block js-signin) shows the set-up below verbatim; tests/js/signin_test.sh
// runs this file against logicmock-server --tls --auth entra:
//   LOGICMOCK_URL=https://127.0.0.1:8443 NODE_EXTRA_CA_CERTS=/tmp/logicmock-ca.pem \
//     node tests/js/signin_example.mjs
import { ClientSecretCredential } from "@azure/identity";
import { LogicManagementClient } from "@azure/arm-logic";

const endpoint = process.env.LOGICMOCK_URL ?? "https://127.0.0.1:8443";
const credential = new ClientSecretCredential(
  "d6b1e2a4-3c5f-4e7a-8b9c-0d1e2f3a4b5c", // the default seed's tenant
  "5d4c8d2e-1b7a-4f3e-9c61-0a2b3c4d5e6f", // its service principal (client id)
  "logicmock-dev-secret",
  { authorityHost: endpoint, disableInstanceDiscovery: true },
);
const client = new LogicManagementClient(credential, "34adfa4f-cedf-4dc0-ba29-b6d1a69ab345", {
  endpoint, // the SDK then asks for a token for `${endpoint}/.default`
});

const callbackUrl = async () =>
  (await client.workflows.listCallbackUrl("testResourceGroup", "testWorkflowName", {
    keyType: "Primary",
  })).value;
const before = await callbackUrl();
await client.workflows.regenerateAccessKey("testResourceGroup", "testWorkflowName", {
  keyType: "Primary",
});
const after = await callbackUrl();

const invoke = async (url) => (await fetch(url, { method: "POST" })).status;
console.log(`old callback URL: ${await invoke(before)}`);
console.log(`new callback URL: ${await invoke(after)}`);
