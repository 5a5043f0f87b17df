package dev.atelier.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON request bodies are capped ({@code atelier.web.max-json-body}, 64 KiB by default) before anything parses them:
 * a body that says it is larger ({@code Content-Length}) is refused at once with 413 problem+json, unread; one sent
 * without a length (chunked) is cut off when it passes the cap, and answered the same (see
 * {@link ProblemDetailsAdvice}). Runs first, before security, in every app.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class JsonBodyLimit {

    static final String DETAIL = "The request body is larger than this API accepts (%d bytes at most).";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> jsonBodyLimitFilter(WebProperties web) {
        long cap = web.maxJsonBody().toBytes();
        OncePerRequestFilter filter = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                    FilterChain chain) throws ServletException, IOException {
                if (!isJson(request.getContentType())) {
                    chain.doFilter(request, response);
                } else if (request.getContentLengthLong() > cap) {
                    refuse(response, cap);
                } else {
                    chain.doFilter(new Capped(request, cap), response);
                }
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        registration.setName("jsonBodyLimit");
        return registration;
    }

    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        int parameters = type.indexOf(';');
        type = (parameters >= 0 ? type.substring(0, parameters) : type).strip();
        return type.equals("application/json") || type.endsWith("+json");
    }

    /**
     * The 413 problem as bytes, to be sent with its length and flushed: the container drops the connection over the
     * unread rest of the body, so the answer must be complete before that (not chunked).
     */
    static byte[] problem(long cap) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", ProblemType.BODY_TOO_LARGE.uri().toString());
        problem.put("title", "Content Too Large");
        problem.put("status", 413);
        problem.put("detail", DETAIL.formatted(cap));
        return JSON.writeValueAsBytes(problem);
    }

    private static void refuse(HttpServletResponse response, long cap) throws IOException {
        byte[] body = problem(cap);
        response.setStatus(413);
        response.setHeader("Connection", "close");
        response.setContentType("application/problem+json");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }

    /** Thrown by a capped body's stream once more than the cap has been read. */
    static final class BodyTooLargeException extends IOException {

        final long cap;

        BodyTooLargeException(long cap) {
            super(DETAIL.formatted(cap));
            this.cap = cap;
        }
    }

    /** A request whose body stream ends in {@link BodyTooLargeException} past the cap. */
    private static final class Capped extends HttpServletRequestWrapper {

        private final long cap;
        private ServletInputStream stream;

        Capped(HttpServletRequest request, long cap) {
            super(request);
            this.cap = cap;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new CappedStream(super.getInputStream(), cap);
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }

    private static final class CappedStream extends ServletInputStream {

        private final ServletInputStream body;
        private final long cap;
        private long read;

        CappedStream(ServletInputStream body, long cap) {
            this.body = body;
            this.cap = cap;
        }

        @Override
        public int read() throws IOException {
            int next = body.read();
            if (next >= 0) {
                count(1);
            }
            return next;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = body.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws BodyTooLargeException {
            read += n;
            if (read > cap) {
                throw new BodyTooLargeException(cap);
            }
        }

        @Override
        public boolean isFinished() {
            return body.isFinished();
        }

        @Override
        public boolean isReady() {
            return body.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            body.setReadListener(listener);
        }
    }
}
