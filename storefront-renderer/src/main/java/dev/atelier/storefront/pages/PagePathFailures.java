package dev.atelier.storefront.pages;

import dev.atelier.storefront.session.PagePaths;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Page paths that no page answers are pages too: asked with a method the page does not take ({@code GET} of a
 * form's address, say), a {@code 405} page with the methods it does take; a path under a page that does not exist,
 * the {@code 404} page. The API's paths keep their problem+json answers.
 */
@Component
class PagePathFailures implements HandlerExceptionResolver, Ordered {

    private final ErrorPages pages;

    PagePathFailures(ErrorPages pages) {
        this.pages = pages;
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception failure) {
        if (!PagePaths.isPage(request)) {
            return null;
        }
        return switch (failure) {
            case HttpRequestMethodNotSupportedException wrong -> {
                if (wrong.getSupportedMethods() != null) {
                    response.setHeader("Allow", StringUtils.arrayToDelimitedString(wrong.getSupportedMethods(), ", "));
                }
                yield pages.view("refused", HttpStatus.METHOD_NOT_ALLOWED, Map.of("reason", "method"), request,
                        response);
            }
            case NoResourceFoundException missing -> pages.view("not-found", HttpStatus.NOT_FOUND, request, response);
            case NoHandlerFoundException missing -> pages.view("not-found", HttpStatus.NOT_FOUND, request, response);
            default -> null;
        };
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
