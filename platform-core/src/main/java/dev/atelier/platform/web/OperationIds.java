package dev.atelier.platform.web;

import io.swagger.v3.oas.models.Operation;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.util.StringUtils;
import org.springframework.web.method.HandlerMethod;

/**
 * Names each described operation after its handler's class and method ({@code LocationController.add} is
 * {@code locationAdd}), where springdoc would take the method name alone and number the repeats ({@code add_5}) in
 * the order it meets them, so that adding an endpoint renamed others in the committed description and in generated
 * clients.
 */
final class OperationIds implements OperationCustomizer {

    private static final String CONTROLLER = "Controller";

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        String type = handler.getBeanType().getSimpleName();
        if (type.endsWith(CONTROLLER) && type.length() > CONTROLLER.length()) {
            type = type.substring(0, type.length() - CONTROLLER.length());
        }
        return operation.operationId(
                StringUtils.uncapitalize(type) + StringUtils.capitalize(handler.getMethod().getName()));
    }
}
