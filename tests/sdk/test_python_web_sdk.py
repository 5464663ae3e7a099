#!/usr/bin/python3
"""Logic Apps Standard: the unmodified azure-mgmt-web (Debian's python3-azure) against
logicmock-server over HTTPS: list and get triggers, list a callback URL, fire it, rotate the key
that signed it and see that URL die while a fresh one works.

CTest runs this with /usr/bin/python3 and LOGICMOCK_SERVER (the logicmock-server executable).
"""
import json
import os
import select
import ssl
import subprocess
import sys
import unittest
import urllib.error
import urllib.request

try:
    from azure.core.credentials import AccessToken
    from azure.core.exceptions import ResourceNotFoundError
    from azure.mgmt.web import WebSiteManagementClient
    from azure.mgmt.web.v2022_03_01.models import RegenerateActionParameter
except ImportError as error:
    sys.exit(f"FAIL: cannot import azure-mgmt-web ({error}); install Debian's python3-azure")

SUBSCRIPTION = "34adfa4f-cedf-4dc0-ba29-b6d1a69ab345"  # fixtures/default-seed.json
RESOURCE_GROUP = "testResourceGroup"
SITE = "testStandardSite"
WORKFLOW = "testStandardWorkflow"


class StaticToken:
    def get_token(self, *scopes, **kwargs):
        return AccessToken("test-token", 4102444800)


class StandardSdkTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        command = [os.environ["LOGICMOCK_SERVER"], "--tls", "--port", "0", "--log-format", "none"]
        cls.process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
        ready, _, _ = select.select([cls.process.stdout], [], [], 10)
        line = cls.process.stdout.readline() if ready else ""
        if not line:
            cls.process.kill()
            raise RuntimeError("no listening line from logicmock-server")
        listening = json.loads(line)
        cls.url, cls.ca_file = listening["url"], listening["caFile"]

    @classmethod
    def tearDownClass(cls):
        cls.process.terminate()
        cls.process.wait(timeout=10)
        cls.process.stdout.close()

    def client(self):
        return WebSiteManagementClient(
            StaticToken(), SUBSCRIPTION, base_url=self.url,
            connection_verify=self.ca_file, retry_total=0,
        )

    def invoke(self, url):
        request = urllib.request.Request(url, data=b"{}", method="POST",
                                         headers={"Content-Type": "application/json"})
        context = ssl.create_default_context(cafile=self.ca_file)
        try:
            with urllib.request.urlopen(request, context=context, timeout=30) as response:
                return response.status
        except urllib.error.HTTPError as error:
            return error.code

    def test_rotation_revokes_the_old_callback_url(self):
        with self.client() as client:
            triggers = list(client.workflow_triggers.list(RESOURCE_GROUP, SITE, WORKFLOW))
            self.assertEqual([t.name for t in triggers], ["manual"])
            trigger = client.workflow_triggers.get(RESOURCE_GROUP, SITE, WORKFLOW, "manual")
            self.assertEqual(trigger.id, f"/workflows/{WORKFLOW}/triggers/manual")
            old = client.workflow_triggers.list_callback_url(RESOURCE_GROUP, SITE, WORKFLOW,
                                                             "manual")
            self.assertTrue(old.value.startswith(
                f"{self.url}/api/{WORKFLOW}/triggers/manual/invoke?api-version=2022-05-01&"
                "sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig="), old.value)
            self.assertEqual(old.queries.sp, "/triggers/manual/run")
            self.assertEqual(self.invoke(old.value), 202)

            result = client.workflows.regenerate_access_key(
                RESOURCE_GROUP, SITE, WORKFLOW, RegenerateActionParameter(key_type="Primary"))
            self.assertIsNone(result)
            self.assertEqual(self.invoke(old.value), 401)
            fresh = client.workflow_triggers.list_callback_url(RESOURCE_GROUP, SITE, WORKFLOW,
                                                               "manual")
            self.assertNotEqual(fresh.queries.sig, old.queries.sig)
            self.assertEqual(self.invoke(fresh.value), 202)

    def test_secondary_rotation_leaves_primary_urls_alive(self):
        with self.client() as client:
            url = client.workflow_triggers.list_callback_url(RESOURCE_GROUP, SITE, WORKFLOW,
                                                             "manual").value
            client.workflows.regenerate_access_key(
                RESOURCE_GROUP, SITE, WORKFLOW, RegenerateActionParameter(key_type="Secondary"))
            self.assertEqual(self.invoke(url), 202)

    def test_unknown_site_and_workflow_are_404s(self):
        with self.client() as client:
            with self.assertRaises(ResourceNotFoundError) as site:
                client.workflows.regenerate_access_key(
                    RESOURCE_GROUP, "nosuchsite", WORKFLOW,
                    RegenerateActionParameter(key_type="Primary"))
            self.assertEqual(site.exception.error.code, "ResourceNotFound")
            with self.assertRaises(ResourceNotFoundError) as workflow:
                client.workflow_triggers.list_callback_url(RESOURCE_GROUP, SITE, "nosuch",
                                                           "manual")
            self.assertEqual(workflow.exception.error.code, "WorkflowNotFound")

    def test_get_site(self):
        with self.client() as client:
            site = client.web_apps.get(RESOURCE_GROUP, SITE)
            self.assertEqual(site.kind, "functionapp,workflowapp")
            self.assertEqual(site.default_host_name, "teststandardsite.azurewebsites.net")


if __name__ == "__main__":
    unittest.main()
