#!/usr/bin/python3
"""docs/proxy.md's Python blocks, run verbatim with Debian's python3-azure on its default settings
(a GUID tenant, no base_url, no authority) against logicmock-server --auth entra used as an HTTPS
proxy: the shell setup (proxy-python-env), DefaultAzureCredential and ClientSecretCredential with
azure-mgmt-logic, azure-mgmt-web on Logic Apps Standard, and ManagedIdentityCredential from IMDS.
Every case rotates a key and sees the old callback URL refused (401) through the proxy and the
new one accepted (202); the server's journal shows the way each token came.

CTest runs this with /usr/bin/python3 and LOGICMOCK_SERVER (the logicmock-server executable) and
LOGICMOCK_REPO_ROOT (where tests/doc_block.sh finds the blocks). Nothing here skips.
"""
import json
import os
import select
import subprocess
import sys
import tempfile
import unittest
import urllib.request

PYTHON = "/usr/bin/python3"  # the interpreter that sees Debian's python3-azure
TENANT = "d6b1e2a4-3c5f-4e7a-8b9c-0d1e2f3a4b5c"  # fixtures/default-seed.json
CLIENT_ID = "5d4c8d2e-1b7a-4f3e-9c61-0a2b3c4d5e6f"
ROTATED = ["old callback URL: 401", "new callback URL: 202"]
# Variables of the machine running the test that would change what the blocks do.
CLEARED = ("HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy", "NO_PROXY", "no_proxy",
           "ALL_PROXY", "all_proxy", "REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE", "SSL_CERT_FILE",
           "AZURE_AUTHORITY_HOST", "AZURE_POD_IDENTITY_AUTHORITY_HOST", "IDENTITY_ENDPOINT",
           "IDENTITY_HEADER", "MSI_ENDPOINT", "MSI_SECRET", "AZURE_FEDERATED_TOKEN_FILE",
           "AZURE_USERNAME", "AZURE_PASSWORD", "AZURE_CLIENT_CERTIFICATE_PATH")


def required_env(name):
    value = os.environ.get(name)
    if not value:
        raise RuntimeError(f"{name} is not set: run this test through CTest")
    return value


def doc_block(name):
    root = required_env("LOGICMOCK_REPO_ROOT")
    return subprocess.run([os.path.join(root, "tests", "doc_block.sh"), root, name],
                          check=True, capture_output=True, text=True).stdout


class ProxyPythonTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        command = [required_env("LOGICMOCK_SERVER"), "--auth", "entra", "--host", "127.0.0.1",
                   "--port", "0", "--log-format", "none"]
        cls.process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
        ready, _, _ = select.select([cls.process.stdout], [], [], 10)
        line = cls.process.stdout.readline() if ready else ""
        if not line:
            cls.process.kill()
            raise RuntimeError("no listening line from logicmock-server")
        cls.url = json.loads(line)["url"]
        cls.work = tempfile.TemporaryDirectory()
        cls.direct = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        # The shell setup, verbatim, in a clean directory; its exports are what a user's
        # Python process then inherits.
        base = {k: v for k, v in os.environ.items() if k not in CLEARED and
                not k.startswith("AZURE_")}
        base["LOGICMOCK_URL"] = cls.url
        out = subprocess.run(["bash", "-euo", "pipefail", "-c", doc_block("proxy-python-env") +
                              "\nenv -0"], cwd=cls.work.name, env=base, check=True,
                             capture_output=True).stdout.decode()
        cls.env = dict(item.split("=", 1) for item in out.split("\0") if "=" in item)

    @classmethod
    def tearDownClass(cls):
        cls.process.terminate()
        cls.process.wait(timeout=10)
        cls.process.stdout.close()
        cls.work.cleanup()

    def admin(self, method, path):
        request = urllib.request.Request(self.url + path, method=method)
        with self.direct.open(request, timeout=10) as response:
            return json.loads(response.read() or b"null")

    def run_block(self, name, env=None, source=None):
        """Runs a documented Python block as a user would; returns its output lines and the
        journal entries it caused."""
        self.admin("DELETE", "/_mock/journal")
        result = subprocess.run([PYTHON, "-c", source or doc_block(name)], cwd=self.work.name,
                                env=env or self.env, capture_output=True, text=True, timeout=120)
        self.assertEqual(result.returncode, 0, f"{name} failed:\n{result.stdout}{result.stderr}")
        journal = self.admin("GET", "/_mock/journal?limit=1000")["value"]
        return result.stdout.splitlines(), journal

    def operations(self, journal):
        return [(e["operation"], e["status"], e["path"] if e["method"] == "CONNECT" else "")
                for e in journal]

    def assertSignedInThroughProxy(self, journal):
        ops = self.operations(journal)
        self.assertIn(("proxyConnect", 200, "login.microsoftonline.com:443"), ops)
        tokens = [e for e in journal if e["operation"] == "entraToken"]
        self.assertEqual([t["status"] for t in tokens], [200], ops)
        self.assertEqual(tokens[0]["path"], f"/{TENANT}/oauth2/v2.0/token")
        self.assertIn(("proxyConnect", 200, "management.azure.com:443"), ops)
        self.assertNotIn("imdsToken", [o for o, _, _ in ops])

    def assertCallbacksThroughProxy(self, journal, host):
        ops = self.operations(journal)
        self.assertIn(("proxyConnect", 200, f"{host}:443"), ops)
        invocations = [s for o, s, _ in ops if o == "invokeTrigger"]
        self.assertEqual(invocations, [401, 202], ops)
        self.assertNotIn("proxyRefused", [o for o, _, _ in ops])

    def test_1_default_azure_credential(self):
        lines, journal = self.run_block("proxy-python-default")
        self.assertEqual(lines, ["https://prod-00.westus.logic.azure.com:443"] + ROTATED)
        self.assertSignedInThroughProxy(journal)
        # MSAL's instance discovery and the tenant's OpenID configuration, at Entra's real host.
        discovery = [e["path"] for e in journal if e["operation"] == "entraDiscovery"]
        self.assertIn("/common/discovery/instance", discovery)
        self.assertIn(f"/{TENANT}/v2.0/.well-known/openid-configuration", discovery)
        self.assertCallbacksThroughProxy(journal, "prod-00.westus.logic.azure.com")

    def test_2_client_secret_credential_without_azure_variables(self):
        env = {k: v for k, v in self.env.items() if not k.startswith("AZURE_")}
        lines, journal = self.run_block("proxy-python-secret", env)
        self.assertEqual(lines, ROTATED)
        self.assertSignedInThroughProxy(journal)
        self.assertCallbacksThroughProxy(journal, "prod-00.westus.logic.azure.com")

    def test_3_web_standard(self):
        lines, journal = self.run_block("proxy-python-standard")
        self.assertEqual(lines, ["https://teststandardsite.azurewebsites.net:443"] + ROTATED)
        self.assertSignedInThroughProxy(journal)
        self.assertCallbacksThroughProxy(journal, "teststandardsite.azurewebsites.net")

    def assertTokenFromImds(self, journal, client_id=None):
        ops = self.operations(journal)
        imds = [e for e in journal if e["operation"] == "imdsToken"]
        # azure-identity's probe (no Metadata header) is answered 400, then the real request.
        self.assertEqual([e["status"] for e in imds], [400, 200], ops)
        metadata = [v for k, v in imds[1]["headers"].items() if k.lower() == "metadata"]
        self.assertEqual(metadata, ["true"])
        if client_id:
            self.assertIn(f"client_id={client_id}", imds[1]["query"])
        ops_names = [o for o, _, _ in ops]
        self.assertNotIn("entraToken", ops_names)
        self.assertNotIn("proxyConnect", [o for o, _, p in ops if p.startswith("login.")])
        self.assertIn(("proxyConnect", 200, "management.azure.com:443"), ops)

    def test_4_managed_identity_from_imds(self):
        env = {k: v for k, v in self.env.items() if k != "AZURE_CLIENT_SECRET"}
        lines, journal = self.run_block("proxy-imds-python", env)
        self.assertEqual(lines, ROTATED)
        self.assertTokenFromImds(journal)
        self.assertCallbacksThroughProxy(journal, "prod-00.westus.logic.azure.com")

    def test_5_default_azure_credential_falls_through_to_imds(self):
        env = {k: v for k, v in self.env.items() if k != "AZURE_CLIENT_SECRET"}
        source = doc_block("proxy-imds-python").replace("ManagedIdentityCredential",
                                                        "DefaultAzureCredential")
        lines, journal = self.run_block("proxy-imds-python with DefaultAzureCredential", env,
                                        source)
        self.assertEqual(lines, ROTATED)
        self.assertTokenFromImds(journal, client_id=CLIENT_ID)


if __name__ == "__main__":
    if not os.path.exists(PYTHON):
        sys.exit(f"FAIL: {PYTHON} not found; install Debian's python3-azure")
    unittest.main()
