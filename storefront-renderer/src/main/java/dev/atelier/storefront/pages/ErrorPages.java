package dev.atelier.storefront.pages;

import freemarker.template.Template;
import freemarker.template.TemplateException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.freemarker.FreeMarkerConfig;

/**
 * The plain pages that say why there is nothing to show: they name no chain, carry the pages' security headers, and
 * speak the visitor's language. Rendered as a view by the pages, or straight into the response by the filters that
 * refuse a request before any page is reached.
 */
@Component
class ErrorPages {

    private static final String SUFFIX = ".ftlh";

    private final PageSecurity security;
    private final FreeMarkerConfig templates;

    ErrorPages(PageSecurity security, FreeMarkerConfig templates) {
        this.security = security;
        this.templates = templates;
    }

    ModelAndView view(String view, HttpStatus status, HttpServletRequest request, HttpServletResponse response) {
        return new ModelAndView(view, model(request, response), status);
    }

    ModelAndView view(String view, HttpStatus status, Map<String, Object> extra, HttpServletRequest request,
            HttpServletResponse response) {
        ModelAndView page = view(view, status, request, response);
        page.addAllObjects(extra);
        return page;
    }

    /** Writes the page into {@code response}, for refusals made before a controller is reached. */
    void render(String view, HttpStatus status, Map<String, Object> extra, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        Map<String, Object> model = model(request, response);
        model.putAll(extra);
        response.setStatus(status.value());
        response.setContentType(MediaType.TEXT_HTML_VALUE + ";charset=UTF-8");
        try {
            Template template = templates.getConfiguration().getTemplate(view + SUFFIX);
            template.process(model, response.getWriter());
        } catch (TemplateException e) {
            throw new IllegalStateException("The " + view + " page cannot be shown", e);
        }
    }

    private Map<String, Object> model(HttpServletRequest request, HttpServletResponse response) {
        Map<String, Object> model = new HashMap<>();
        model.put("nonce", security.protect(response));
        model.put("zh", request.getLocale().getLanguage().equals(Locale.CHINESE.getLanguage()));
        return model;
    }
}
