#!/usr/bin/python3
"""Sign in to logicmock's fake Entra ID with azure-identity, then rotate a key through ARM.

1. Start the fake:  build/bin/logicmock-server --tls --port 8443 --ca-out /tmp/logicmock-ca.pem --auth entra
2. Run this:        /usr/bin/python3 docs/examples/python_signin_example.py

LOGICMOCK_URL and LOGICMOCK_CA_FILE override the two settings below. tests/sdk runs this very
file against a started server, so it keeps working.
"""
import os

from azure.identity import ClientSecretCredential
from azure.mgmt.logic import LogicManagementClient
from azure.mgmt.logic.models import RegenerateActionParameter

BASE_URL = os.environ.get("LOGICMOCK_URL", "https://127.0.0.1:8443")
CA_FILE = os.environ.get("LOGICMOCK_CA_FILE", "/tmp/logicmock-ca.pem")

credential = ClientSecretCredential(
    "d6b1e2a4-3c5f-4e7a-8b9c-0d1e2f3a4b5c",  # the default seed's tenant
    "5d4c8d2e-1b7a-4f3e-9c61-0a2b3c4d5e6f",  # its service principal (client id)
    "logicmock-dev-secret",  # and that principal's secret
    authority=BASE_URL,  # the fake's Entra ID shares the URL with its ARM
    instance_discovery=False,  # no call to login.microsoftonline.com (1.13.0b2's name)
    connection_verify=CA_FILE,  # trust the fake's CA (or set REQUESTS_CA_BUNDLE)
)
client = LogicManagementClient(
    credential,
    "34adfa4f-cedf-4dc0-ba29-b6d1a69ab345",  # the default seed's subscription
    base_url=BASE_URL,
    connection_verify=CA_FILE,
)
client.workflows.regenerate_access_key(
    "testResourceGroup", "testWorkflowName", RegenerateActionParameter(key_type="Primary")
)
print("signed in and regenerated the primary key of testWorkflowName")
