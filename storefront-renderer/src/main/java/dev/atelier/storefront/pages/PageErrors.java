package dev.atelier.storefront.pages;

import dev.atelier.platform.tenancy.TenantStatus;
import dev.atelier.platform.tenancy.TenantUnavailableException;
import dev.atelier.platform.tenancy.UnknownTenantException;
import dev.atelier.platform.web.InvalidRequestException;
import dev.atelier.platform.web.NotFoundException;
import dev.atelier.storefront.tenancy.HostTenantResolver;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * What a page shows when there is no chain to show: a neutral "not here" page for a host no chain has (it names no
 * chain and looks like none), and a friendly "temporarily unavailable" page for a chain that is suspended or being
 * upgraded. The API keeps answering problem+json.
 */
@ControllerAdvice(assignableTypes = {HomePageController.class, BookingPagesController.class,
        MyBookingsController.class, PaymentPagesController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors {

    private final HostTenantResolver resolver;
    private final ErrorPages pages;

    PageErrors(HostTenantResolver resolver, ErrorPages pages) {
        this.resolver = resolver;
        this.pages = pages;
    }

    @ExceptionHandler(UnknownTenantException.class)
    ModelAndView unknown(HttpServletRequest request, HttpServletResponse response) {
        boolean suspended = resolver.resolve(request.getServerName())
                .filter(tenant -> tenant.status() == TenantStatus.SUSPENDED).isPresent();
        return suspended ? unavailable(request, response) : page("not-found", HttpStatus.NOT_FOUND, request, response);
    }

    /** No such page at this chain (another chain's salon, or none). */
    @ExceptionHandler({NotFoundException.class, MethodArgumentTypeMismatchException.class})
    ModelAndView missing(HttpServletRequest request, HttpServletResponse response) {
        return page("not-found", HttpStatus.NOT_FOUND, request, response);
    }

    /**
     * A booking-flow link with a choice missing or malformed, or a query string that cannot be decoded at all (an
     * escape cut short, bytes that are not UTF-8): a page that says so and starts the flow again.
     */
    @ExceptionHandler({MissingServletRequestParameterException.class, InvalidRequestException.class,
            InvalidParameterException.class})
    ModelAndView invalid(HttpServletRequest request, HttpServletResponse response) {
        return page("invalid-choice", HttpStatus.BAD_REQUEST, request, response);
    }

    @ExceptionHandler(TenantUnavailableException.class)
    ModelAndView unavailable(HttpServletRequest request, HttpServletResponse response) {
        response.setHeader("Retry-After", "3600");
        return page("unavailable", HttpStatus.SERVICE_UNAVAILABLE, request, response);
    }

    private ModelAndView page(String view, HttpStatus status, HttpServletRequest request,
            HttpServletResponse response) {
        return pages.view(view, status, request, response);
    }
}
