#!/usr/bin/python3
"""The unmodified Azure SDK for Python (azure-mgmt-logic) talking to logicmock over HTTPS.

1. Start the fake:  build/bin/logicmock-server --tls --port 8443 --ca-out /tmp/logicmock-ca.pem
2. Run this:        /usr/bin/python3 docs/examples/python_sdk_example.py

LOGICMOCK_URL and LOGICMOCK_CA_FILE override the two settings below. tests/sdk runs this very
file against a started server, so it keeps working.
"""
import os
import ssl
import urllib.error
import urllib.request

from azure.core.credentials import AccessToken
from azure.core.exceptions import HttpResponseError
from azure.mgmt.logic import LogicManagementClient
from azure.mgmt.logic.models import RegenerateActionParameter

BASE_URL = os.environ.get("LOGICMOCK_URL", "https://127.0.0.1:8443")
CA_FILE = os.environ.get("LOGICMOCK_CA_FILE", "/tmp/logicmock-ca.pem")


class StaticToken:
    """Any object with get_token() will do: by default the fake accepts any non-empty token."""

    def get_token(self, *scopes, **kwargs):
        return AccessToken("any-token", 4102444800)  # expires in 2100


client = LogicManagementClient(
    StaticToken(),
    "34adfa4f-cedf-4dc0-ba29-b6d1a69ab345",  # the default seed's subscription
    base_url=BASE_URL,  # instead of https://management.azure.com
    connection_verify=CA_FILE,  # trust the fake's CA (or set REQUESTS_CA_BUNDLE)
    retry_total=0,  # fail at once instead of retrying, as tests usually want
)

client.workflows.regenerate_access_key(
    "testResourceGroup", "testWorkflowName", RegenerateActionParameter(key_type="Primary")
)
print("regenerated the primary key of testWorkflowName")

try:
    client.workflows.regenerate_access_key(
        "testResourceGroup", "noSuchWorkflow", RegenerateActionParameter(key_type="Primary")
    )
except HttpResponseError as error:  # ResourceNotFoundError, a subclass, for a 404
    print(f"{error.status_code} {error.error.code}: {error.error.message}")

# Make one call fail on purpose: azure-core takes extra headers per call, and the fake answers
# x-mock-fault with that failure (docs/making-it-fail.md). The key is not rotated.
try:
    client.workflows.regenerate_access_key(
        "testResourceGroup",
        "testWorkflowName",
        RegenerateActionParameter(key_type="Primary"),
        headers={"x-mock-fault": "Throttled"},
    )
except HttpResponseError as error:
    retry_after = error.response.headers["Retry-After"]
    print(f"{error.status_code} {error.error.code}, retry after {retry_after} s")


def invoke(url):
    """POSTs to a callback URL as a caller of the workflow would: no token, the SAS is the key."""
    request = urllib.request.Request(url, data=b"{}", method="POST")
    request.add_header("Content-Type", "application/json")
    context = ssl.create_default_context(cafile=CA_FILE)
    try:
        with urllib.request.urlopen(request, context=context) as response:
            return str(response.status)
    except urllib.error.HTTPError as error:
        return f"{error.code} {error.read().decode()}"


# A callback URL signed with the primary key works until that key is regenerated.
url = client.workflow_triggers.list_callback_url("testResourceGroup", "testWorkflowName", "manual")
print(f"{url.method} {url.base_path} -> {invoke(url.value)}")
client.workflows.regenerate_access_key(
    "testResourceGroup", "testWorkflowName", RegenerateActionParameter(key_type="Primary")
)
print(f"after rotating the primary key -> {invoke(url.value)}")
