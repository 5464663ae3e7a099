#include "operations.hpp"

namespace logicmock {

OperationResult run_operation(const OperationInput& input) {
    switch (input.route.route->operation) {
        case Operation::RegenerateAccessKey:
            return regenerate_access_key(input);
    }
    return make_error(ErrorId::InternalServerError);
}

}  // namespace logicmock
