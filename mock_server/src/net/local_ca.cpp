#include "net/local_ca.hpp"

#include <arpa/inet.h>
#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "util/private_file.hpp"

namespace logicmock {
namespace {

constexpr long kOneHour = 60L * 60;
constexpr long kOneYear = 365L * 24 * kOneHour;

bool is_ip_literal(const std::string& name) {
    unsigned char buffer[16];
    return inet_pton(AF_INET, name.c_str(), buffer) == 1 ||
           inet_pton(AF_INET6, name.c_str(), buffer) == 1;
}

void add_extension(X509& certificate, X509& issuer, int nid, const std::string& value) {
    X509V3_CTX context;
    X509V3_set_ctx_nodb(&context);
    X509V3_set_ctx(&context, &issuer, &certificate, nullptr, nullptr, 0);
    X509_EXTENSION* extension = X509V3_EXT_nconf_nid(nullptr, &context, nid, value.c_str());
    if (!extension) throw_tls_error("cannot build certificate extension " + value);
    int added = X509_add_ext(&certificate, extension, -1);
    X509_EXTENSION_free(extension);
    if (added != 1) throw_tls_error("cannot add certificate extension " + value);
}

void set_random_serial(X509& certificate) {
    unsigned char bytes[16];
    if (RAND_bytes(bytes, sizeof bytes) != 1) throw_tls_error("cannot draw a serial number");
    bytes[0] &= 0x7f;  // serial numbers are positive
    bytes[0] |= 0x01;  // and 16 bytes long, without a leading zero
    BIGNUM* serial = BN_bin2bn(bytes, sizeof bytes, nullptr);
    bool ok = serial && BN_to_ASN1_INTEGER(serial, X509_get_serialNumber(&certificate));
    BN_free(serial);
    if (!ok) throw_tls_error("cannot set a serial number");
}

void set_name(X509_NAME& name, const std::string& common_name) {
    auto add = [&name](const char* field, const std::string& value) {
        if (X509_NAME_add_entry_by_txt(&name, field, MBSTRING_ASC,
                                       reinterpret_cast<const unsigned char*>(value.c_str()), -1,
                                       -1, 0) != 1) {
            throw_tls_error("cannot set certificate name");
        }
    };
    add("O", "logicmock");
    add("CN", common_name.substr(0, 64));
}

X509Ptr new_certificate(EVP_PKEY& key, const std::string& common_name) {
    X509Ptr certificate(X509_new());
    if (!certificate || X509_set_version(certificate.get(), 2) != 1 ||
        !X509_gmtime_adj(X509_getm_notBefore(certificate.get()), -kOneHour) ||
        !X509_gmtime_adj(X509_getm_notAfter(certificate.get()), kOneYear) ||
        X509_set_pubkey(certificate.get(), &key) != 1) {
        throw_tls_error("cannot create a certificate");
    }
    set_random_serial(*certificate);
    set_name(*X509_get_subject_name(certificate.get()), common_name);
    return certificate;
}

std::string subject_alt_names(const std::vector<std::string>& names) {
    std::string out;
    for (const auto& name : names) {
        if (name.empty() || name.find(',') != std::string::npos) continue;
        out += (out.empty() ? "" : ",") + std::string(is_ip_literal(name) ? "IP:" : "DNS:") + name;
    }
    return out;
}

std::string read_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    if (!in && !in.eof()) throw TlsError("cannot read '" + path + "'");
    return text.str();
}

}  // namespace

LocalCa::LocalCa(X509Ptr certificate, KeyPtr key)
    : certificate_(std::move(certificate)),
      key_(std::move(key)),
      pem_(certificate_to_pem(*certificate_)) {}

LocalCa LocalCa::generate() {
    ERR_clear_error();
    KeyPtr key = generate_ec_key();
    X509Ptr ca = new_certificate(*key, "logicmock local CA");
    X509_set_issuer_name(ca.get(), X509_get_subject_name(ca.get()));
    add_extension(*ca, *ca, NID_basic_constraints, "critical,CA:TRUE,pathlen:0");
    add_extension(*ca, *ca, NID_key_usage, "critical,keyCertSign,cRLSign");
    add_extension(*ca, *ca, NID_subject_key_identifier, "hash");
    add_extension(*ca, *ca, NID_authority_key_identifier, "keyid:always");
    if (X509_sign(ca.get(), key.get(), EVP_sha256()) == 0) throw_tls_error("cannot sign the CA");
    return LocalCa(std::move(ca), std::move(key));
}

LocalCa LocalCa::load_or_create(const std::string& cert_file, const std::string& key_file) {
    namespace fs = std::filesystem;
    const bool have_cert = fs::exists(fs::symlink_status(cert_file));
    const bool have_key = fs::exists(fs::symlink_status(key_file));
    if (have_cert != have_key) {
        throw TlsError("the CA needs both '" + cert_file + "' and '" + key_file +
                       "', or neither (then a new CA is written to both)");
    }
    if (!have_cert) {
        LocalCa ca = generate();
        try {
            write_private_file(key_file, private_key_to_pem(*ca.key_), "CA key");
            write_private_file(cert_file, ca.pem_, "CA certificate");
        } catch (const std::runtime_error& e) {
            throw TlsError(e.what());
        }
        return ca;
    }
    ERR_clear_error();
    X509Ptr certificate = certificate_from_pem(read_text(cert_file));
    if (!certificate) throw_tls_error("no PEM certificate in '" + cert_file + "'");
    KeyPtr key = private_key_from_pem(read_text(key_file));
    if (!key) throw_tls_error("no unencrypted PEM private key in '" + key_file + "'");
    if (X509_check_private_key(certificate.get(), key.get()) != 1) {
        throw_tls_error("the key in '" + key_file + "' does not match the CA in '" + cert_file +
                        "'");
    }
    if (X509_check_ca(certificate.get()) == 0) {
        throw TlsError("'" + cert_file + "' is not a CA certificate");
    }
    return LocalCa(std::move(certificate), std::move(key));
}

X509Ptr LocalCa::issue(const std::vector<std::string>& names, EVP_PKEY& key) const {
    ERR_clear_error();
    X509Ptr leaf = new_certificate(key, names.empty() ? "localhost" : names.front());
    X509_set_issuer_name(leaf.get(), X509_get_subject_name(certificate_.get()));
    add_extension(*leaf, *certificate_, NID_basic_constraints, "critical,CA:FALSE");
    add_extension(*leaf, *certificate_, NID_key_usage, "critical,digitalSignature");
    add_extension(*leaf, *certificate_, NID_ext_key_usage, "serverAuth");
    const std::string alt_names = subject_alt_names(names);
    if (!alt_names.empty()) {
        add_extension(*leaf, *certificate_, NID_subject_alt_name, alt_names);
    }
    add_extension(*leaf, *certificate_, NID_subject_key_identifier, "hash");
    add_extension(*leaf, *certificate_, NID_authority_key_identifier, "keyid:always");
    if (X509_sign(leaf.get(), key_.get(), EVP_sha256()) == 0) {
        throw_tls_error("cannot sign a certificate");
    }
    return leaf;
}

}  // namespace logicmock
