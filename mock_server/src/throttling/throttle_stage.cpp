#include "throttling/throttle_stage.hpp"

#include <string>

namespace logicmock {
namespace {

std::string_view actor_of(const Throttler& throttler, const RequestContext& context) {
    return context.principal.anonymous() ? std::string_view(throttler.anonymous_actor())
                                         : std::string_view(context.principal.id);
}

const char* singular(OperationClass op) {
    switch (op) {
        case OperationClass::Read:
            return "read";
        case OperationClass::Delete:
            return "delete";
        case OperationClass::Write:
            break;
    }
    return "write";
}

}  // namespace

OperationClass operation_class(std::string_view method) {
    if (method == "GET" || method == "HEAD") return OperationClass::Read;
    if (method == "DELETE") return OperationClass::Delete;
    return OperationClass::Write;
}

std::optional<ArmError> throttle_request(Throttler& throttler, RequestContext& context,
                                         std::string_view subscription) {
    const ThrottleMode mode = throttler.mode();
    if (mode == ThrottleMode::Off) return std::nullopt;
    const OperationClass op = operation_class(context.request.method);
    const std::string_view actor = actor_of(throttler, context);
    const ChargeResult charged = throttler.charge(subscription, actor, op);
    context.trace.rate_limit = charged.counts;
    if (charged.allowed || mode != ThrottleMode::Enforce) return std::nullopt;
    context.trace.throttled = true;
    const std::string seconds = std::to_string(charged.retry_after_s);
    ArmError e = make_error(ErrorId::SubscriptionTokensExhausted,
                            {singular(op), subscription, actor, seconds});
    e.extra_headers.set("Retry-After", seconds);
    return e;
}

std::optional<RateLimitCounts> uncharged_counts(const Throttler& throttler,
                                                const RequestContext& context) {
    const auto& segments = context.target.segments;
    if (segments.size() < 2 || !iequals(segments[0], "subscriptions") || segments[1].empty()) {
        return std::nullopt;
    }
    return throttler.peek(segments[1], actor_of(throttler, context),
                          operation_class(context.request.method));
}

}  // namespace logicmock
