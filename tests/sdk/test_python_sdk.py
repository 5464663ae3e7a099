#!/usr/bin/python3
"""The unmodified Azure SDK for Python (azure-mgmt-logic) against logicmock over HTTPS.

CTest runs this with Debian's /usr/bin/python3 and these environment variables:
  LOGICMOCK_SERVER          the logicmock-server executable
  LOGICMOCK_SDK_HARNESS     the same server in-process, with a stdin probe of the key state
  LOGICMOCK_PYTHON_EXAMPLE  docs/examples/python_sdk_example.py, run as the docs tell users to

Add a case as a test_* method of an SdkTestCase subclass; set server_flags on the class for a
server started differently. Nothing here skips: a missing SDK or another SDK version fails.
"""
import base64
import json
import os
import re
import select
import subprocess
import sys
import tempfile
import time
import unittest

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
    from azure.mgmt.logic.models import RegenerateActionParameter
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
        return LogicManagementClient(
            credential or StaticToken(),
            SUBSCRIPTION,
            base_url=self.server.url,
            retry_total=0,
            **settings,
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


class SdkVersionTest(unittest.TestCase):
    def test_the_sdk_is_the_version_these_tests_were_written_for(self):
        self.assertEqual(
            azure.mgmt.logic.VERSION,
            SDK_VERSION,
            f"azure-mgmt-logic is {azure.mgmt.logic.VERSION}, these tests were written against "
            f"{SDK_VERSION}: re-check the SDK's behaviour (docs/TLS_AND_SDKS.md) and update "
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


class DocsExampleTest(unittest.TestCase):
    """The README's example, run as users run it, against the logicmock-server executable."""

    def test_the_documented_example_works(self):
        with tempfile.TemporaryDirectory() as work:
            ca_file = os.path.join(work, "logicmock-ca.pem")
            server = ServerProcess(
                [required_env("LOGICMOCK_SERVER"), "--tls", "--port", "0", "--ca-out", ca_file]
                + ["--log-format", "none"]
            )
            try:
                self.assertRegex(server.url, r"^https://127\.0\.0\.1:\d+$")
                self.assertEqual(server.ca_file, ca_file)
                example = subprocess.run(
                    [sys.executable, required_env("LOGICMOCK_PYTHON_EXAMPLE")],
                    env={**os.environ, "LOGICMOCK_URL": server.url, "LOGICMOCK_CA_FILE": ca_file},
                    capture_output=True,
                    text=True,
                    timeout=60,
                )
            finally:
                exit_code = server.stop()
            self.assertEqual(example.returncode, 0, example.stderr)
            lines = example.stdout.splitlines()
            self.assertEqual(lines[0], "regenerated the primary key of testWorkflowName")
            self.assertRegex(lines[1], r"^404 ResourceNotFound: .*noSuchWorkflow")
            self.assertEqual(exit_code, 0, "the server did not stop cleanly on SIGTERM")

    def test_the_docs_show_the_example_file_verbatim(self):
        example_path = required_env("LOGICMOCK_PYTHON_EXAMPLE")
        with open(example_path) as f:
            example = f.read()
        docs_dir = os.path.dirname(os.path.dirname(os.path.abspath(example_path)))
        pages = {os.path.join(docs_dir, "TLS_AND_SDKS.md"): True,  # must show it
                 os.path.join(os.path.dirname(docs_dir), "README.md"): False}  # may show it
        for page, required in pages.items():
            if not os.path.exists(page):
                self.assertFalse(required, f"{page} is missing")
                continue
            with open(page) as f:
                blocks = re.findall(r"```python\n(.*?)```", f.read(), re.S)
            shown = [b for b in blocks if "LogicManagementClient(" in b]
            if required:
                self.assertTrue(shown, f"{page} shows no LogicManagementClient example")
            for block in shown:
                self.assertIn(block, example, f"{page} shows code that {example_path} does not run")


if __name__ == "__main__":
    unittest.main()
