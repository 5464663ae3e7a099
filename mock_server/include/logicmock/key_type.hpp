#pragma once
#include <string_view>

namespace logicmock {

// The two secret keys every workflow holds (the spec's KeyType without NotSpecified).
enum class KeySlot { Primary, Secondary };

inline std::string_view to_string(KeySlot slot) {
    return slot == KeySlot::Primary ? "Primary" : "Secondary";
}

}  // namespace logicmock
