// listCallbackUrl (workflow, trigger and version trigger) through Service::handle: the shape of
// the answer, the documented signature recipe, key choice, expiry and every error row.

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <catch2/catch.hpp>
#include <fstream>

#include "callback_test_support.hpp"
#include "logicmock/schema_validator.hpp"
#include "util/base64.hpp"

using namespace logicmock;
using namespace logicmock::test;

namespace {

// The recipe of docs/callbacks-and-state.md, computed here independently of the server's code.
std::string expected_sig(const std::string& key_base64, const std::string& string_to_sign) {
    const std::string key = *base64_decode(key_base64, Base64Alphabet::Standard);
    unsigned char mac[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
         reinterpret_cast<const unsigned char*>(string_to_sign.data()), string_to_sign.size(), mac,
         &length);
    return base64_encode(std::string(reinterpret_cast<const char*>(mac), length),
                         Base64Alphabet::Url, false);
}

}  // namespace

TEST_CASE("trigger listCallbackUrl without a body: a primary-signed URL to the runtime host",
          "[callbacks]") {
    CallbackFixture f;
    Response r = f.service.handle(trigger_callback_request("manual"));
    REQUIRE(r.status == 200);
    REQUIRE(header(r, "Content-Type") == "application/json; charset=utf-8");
    REQUIRE(header(r, "x-ms-ratelimit-remaining-subscription-writes") == "199");
    auto body = body_json(r);
    REQUIRE_FALSE(validate(Shape::WorkflowTriggerCallbackUrl, body).has_value());

    const std::string base = "https://prod-00.westus.logic.test/workflows/" + kWorkflowId +
                             "/triggers/manual/paths/invoke";
    const std::string sig = expected_sig(kPrimaryKeyBase64, kWorkflowId +
                                                                "\n/triggers/manual\n"
                                                                "/triggers/manual/run\n1.0\n");
    REQUIRE(sig.size() == 43);
    REQUIRE(body["method"] == "POST");
    REQUIRE(body["basePath"] == base);
    REQUIRE(body["queries"] == nlohmann::json{{"api-version", "2019-05-01"},
                                              {"sp", "/triggers/manual/run"},
                                              {"sv", "1.0"},
                                              {"sig", sig}});
    REQUIRE(body["value"] ==
            base + "?api-version=2019-05-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=" + sig);
    REQUIRE(body["relativePathParameters"] == nlohmann::json::array());
}

TEST_CASE("the SDK's bodiless trigger call (no Content-Type, Content-Length 0) is accepted",
          "[callbacks]") {
    CallbackFixture f;
    Request r = trigger_callback_request("manual");
    r.headers.add("Content-Length", "0");
    REQUIRE_FALSE(r.headers.contains("Content-Type"));
    REQUIRE(f.service.handle(r).status == 200);
}

TEST_CASE("keyType picks the signing key, NotSpecified means Primary", "[callbacks]") {
    CallbackFixture f;
    auto sig_for = [&](const std::string& body) {
        return body_json(
                   f.service.handle(trigger_callback_request("manual", body)))["queries"]["sig"]
            .get<std::string>();
    };
    const std::string to_sign = kWorkflowId + "\n/triggers/manual\n/triggers/manual/run\n1.0\n";
    REQUIRE(sig_for(R"({"keyType":"Secondary"})") == expected_sig(kSecondaryKeyBase64, to_sign));
    REQUIRE(sig_for(R"({"keyType":"Primary"})") == expected_sig(kPrimaryKeyBase64, to_sign));
    REQUIRE(sig_for(R"({"keyType":"NotSpecified"})") == expected_sig(kPrimaryKeyBase64, to_sign));
    REQUIRE(sig_for("{}") == expected_sig(kPrimaryKeyBase64, to_sign));
}

TEST_CASE("notAfter becomes se in 7-digit UTC form, signed and URL-encoded", "[callbacks]") {
    CallbackFixture f;
    Response r = f.service.handle(
        workflow_callback_request(R"({"notAfter":"2018-04-19T16:00:00Z","keyType":"Primary"})"));
    REQUIRE(r.status == 200);
    auto body = body_json(r);
    REQUIRE(body["queries"]["se"] == "2018-04-19T16:00:00.0000000Z");
    REQUIRE_THAT(body["value"].get<std::string>(),
                 Catch::Contains("&se=2018-04-19T16%3A00%3A00.0000000Z&sp="));
    REQUIRE(body["queries"]["sig"] ==
            expected_sig(kPrimaryKeyBase64, kWorkflowId +
                                                "\n/triggers/manual\n/triggers/manual/run\n1.0\n"
                                                "2018-04-19T16:00:00.0000000Z"));

    // Offsets and fractions are normalised to UTC with seven digits.
    r = f.service.handle(
        workflow_callback_request(R"({"notAfter":"2030-01-01T02:30:00.5+02:00"})"));
    REQUIRE(body_json(r)["queries"]["se"] == "2030-01-01T00:30:00.5000000Z");
}

TEST_CASE("the api-version of the call is echoed in the URL but not signed", "[callbacks]") {
    CallbackFixture f;
    Request old = trigger_callback_request("manual");
    old.target = workflow_path() + "/triggers/manual/listCallbackUrl?api-version=2016-06-01";
    auto a = body_json(f.service.handle(old));
    auto b = body_json(f.service.handle(trigger_callback_request("manual")));
    REQUIRE(a["queries"]["api-version"] == "2016-06-01");
    REQUIRE_THAT(a["value"].get<std::string>(), Catch::Contains("?api-version=2016-06-01&"));
    REQUIRE(a["queries"]["sig"] == b["queries"]["sig"]);
}

TEST_CASE("workflow listCallbackUrl uses the first Request trigger", "[callbacks]") {
    CallbackFixture f;
    Response r = f.service.handle(workflow_callback_request("{}"));
    REQUIRE(r.status == 200);
    REQUIRE(body_json(r)["queries"]["sp"] == "/triggers/manual/run");
}

TEST_CASE("the version-scoped route signs and addresses the version", "[callbacks]") {
    CallbackFixture f;
    Request r = arm_request("POST",
                            workflow_path() +
                                "/versions/08587100027316071865/triggers/manual/"
                                "listCallbackUrl?api-version=2019-05-01",
                            R"({"keyType":"Secondary"})");
    Response res = f.service.handle(r);
    REQUIRE(res.status == 200);
    auto body = body_json(res);
    REQUIRE(body["queries"]["sp"] == "/versions/08587100027316071865/triggers/manual/run");
    REQUIRE(body["basePath"] == "https://prod-00.westus.logic.test/workflows/" + kWorkflowId +
                                    "/versions/08587100027316071865/triggers/manual/paths/invoke");
    REQUIRE(body["queries"]["sig"] ==
            expected_sig(kSecondaryKeyBase64,
                         kWorkflowId +
                             "\n/versions/08587100027316071865/triggers/manual\n"
                             "/versions/08587100027316071865/triggers/manual/run\n1.0\n"));
}

TEST_CASE("trigger names compare case-insensitively, the URL keeps the stored name",
          "[callbacks]") {
    CallbackFixture f;
    Response r = f.service.handle(trigger_callback_request("MANUAL"));
    REQUIRE(r.status == 200);
    REQUIRE(body_json(r)["queries"]["sp"] == "/triggers/manual/run");
    REQUIRE(body_json(r) == body_json(f.service.handle(trigger_callback_request("manual"))));
}

TEST_CASE("listCallbackUrl error rows", "[callbacks]") {
    CallbackFixture f;
    SECTION("unknown trigger: 404 WorkflowTriggerNotFound") {
        Response r = f.service.handle(trigger_callback_request("nope"));
        require_arm_error(r, 404, "WorkflowTriggerNotFound");
        REQUIRE(error_message(r) ==
                "The workflow 'testWorkflowName' trigger 'nope' could not be "
                "found.");
    }
    SECTION("a Recurrence or Http trigger: 400 with Azure's message") {
        Response r = f.service.handle(trigger_callback_request("nightly"));
        require_arm_error(r, 400, "InvalidTriggerType");
        REQUIRE(error_message(r) ==
                "The 'ListCallbackUrl' API is not supported by triggers of type 'Recurrence'.");
        r = f.service.handle(trigger_callback_request("poll"));
        REQUIRE(error_message(r) ==
                "The 'ListCallbackUrl' API is not supported by triggers of type 'Http'.");
    }
    SECTION("workflow-level call on a workflow without a Request trigger: 400") {
        Response r = f.service.handle(workflow_callback_request("{}", "noRequest"));
        require_arm_error(r, 400, "InvalidTriggerType");
        REQUIRE_THAT(error_message(r), Catch::Contains("'noRequest' has no trigger of type"));
    }
    SECTION("workflow-level call needs a body") {
        Request r = workflow_callback_request("");
        require_arm_error(f.service.handle(r), 400, "InvalidRequestContent");
    }
    SECTION("bad keyType and notAfter are refused by the schema") {
        require_arm_error(
            f.service.handle(trigger_callback_request("manual", R"({"keyType":"x"})")), 400,
            "InvalidRequestContent");
        Response r = f.service.handle(workflow_callback_request(R"({"notAfter":"tomorrow"})"));
        require_arm_error(r, 400, "InvalidRequestContent");
        REQUIRE_THAT(error_message(r), Catch::Contains("Path 'notAfter'"));
    }
    SECTION("the front door still applies: no token 401, no api-version 400, bad workflow 404") {
        Request r = trigger_callback_request("manual");
        r.headers = Headers{};
        require_arm_error(f.service.handle(r), 401, "AuthenticationFailed");
        r = trigger_callback_request("manual");
        r.target = r.target.substr(0, r.target.find('?'));
        require_arm_error(f.service.handle(r), 400, "MissingApiVersionParameter");
        require_arm_error(f.service.handle(trigger_callback_request("manual", "", "missing")), 404,
                          "ResourceNotFound");
        require_arm_error(f.service.handle(trigger_callback_request("manual", "x")), 400,
                          "InvalidRequestContent");
        Request get = trigger_callback_request("manual");
        get.method = "GET";
        Response wrong = f.service.handle(get);
        require_arm_error(wrong, 405, "MethodNotAllowed");
        REQUIRE(header(wrong, "Allow") == "POST");
    }
    SECTION("a text body is refused with 415") {
        Request r = trigger_callback_request("manual");
        r.body = "{}";
        r.headers.add("Content-Type", "text/plain");
        require_arm_error(f.service.handle(r), 415, "UnsupportedMediaType");
    }
}

TEST_CASE("without --runtime-base-url the URL points at this server's own address", "[callbacks]") {
    ServiceOptions options;
    CallbackFixture f(options);
    f.service.set_self_base_url("http://127.0.0.1:4321");
    REQUIRE_THAT(callback_value(f.service.handle(trigger_callback_request())),
                 Catch::StartsWith("http://127.0.0.1:4321/workflows/" + kWorkflowId + "/"));
}

TEST_CASE("the published listCallbackUrl examples are answered in their shape",
          "[callbacks][spec]") {
    const std::string dir =
        std::string(LOGICMOCK_SHARED_DIR) + "/spec/azure-logic-2019-05-01/examples/";
    std::ifstream workflow_example(dir + "Workflows_ListCallbackUrl.json");
    if (!workflow_example) {
        WARN(kSkipped << dir << " is not present");
        return;
    }
    auto example = nlohmann::json::parse(workflow_example);
    CallbackFixture f;
    Response r = f.service.handle(
        workflow_callback_request(example["parameters"]["listCallbackUrl"].dump()));
    REQUIRE(r.status == 200);
    auto body = body_json(r);
    const auto& published = example["responses"]["200"]["body"];
    for (const auto& [name, value] : published.items()) {
        INFO(name);
        REQUIRE(body.contains(name));
    }
    for (const auto& [name, value] : published["queries"].items()) {
        INFO(name);
        REQUIRE(body["queries"].contains(name));
    }
    REQUIRE(body["queries"]["se"] == published["queries"]["se"]);
    REQUIRE(body["method"] == published["method"]);
    REQUIRE(body["queries"]["sig"].get<std::string>().size() ==
            published["queries"]["sig"].get<std::string>().size());
    // Same query order as the published value: api-version, se, sp, sv, sig.
    REQUIRE_THAT(
        body["value"].get<std::string>(),
        Catch::Matches(
            ".*/paths/invoke\\?api-version=[^&]+&se=[^&]+&sp=[^&]+&sv=1\\.0&sig=[^&]{43}"));
}
